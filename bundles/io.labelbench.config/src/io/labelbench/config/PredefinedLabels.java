package io.labelbench.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds the labels a model predicts to a config, as a single text edit that leaves everything else (comments,
 * unknown attributes, formatting) untouched.
 */
public final class PredefinedLabels {

	/** Well separated colours first; more are generated around the hue circle. */
	private static final String[] PALETTE = { "#E91E63", "#2196F3", "#4CAF50", "#FF9800", "#9C27B0", "#00BCD4",
			"#F44336", "#3F51B5", "#8BC34A", "#FFC107", "#795548", "#009688", "#673AB7", "#CDDC39", "#FF5722",
			"#607D8B" };

	private PredefinedLabels() {
	}

	/**
	 * What adding a model's labels does to a config: one edit, the labels it adds, the existing labels whose
	 * {@code model} attribute it sets (they had none or another model), and the labels that already had it.
	 */
	public record Merge(TextEdit edit, List<String> added, List<String> modelSet, List<String> unchanged,
			List<String> entityLabelsAdded) {

		public Merge(TextEdit edit, List<String> added, List<String> modelSet, List<String> unchanged) {
			this(edit, added, modelSet, unchanged, List.of());
		}

		/** Whether applying {@link #edit} changes the config at all. */
		public boolean changes() {
			return !added.isEmpty() || !modelSet.isEmpty() || !entityLabelsAdded.isEmpty();
		}
	}

	/** The config text with the labels merged in; see {@link #plan}. */
	public static String merge(String configText, String controlName, String model, List<String> labels) {
		return edit(configText, controlName, model, labels).apply(configText);
	}

	/** The single edit of {@link #plan}. */
	public static TextEdit edit(String configText, String controlName, String model, List<String> labels) {
		return plan(configText, controlName, model, labels).edit();
	}

	/**
	 * Inserts the {@code labels} missing from the Labels control {@code controlName}, each with {@code model}
	 * and a colour no other value of the config uses, and sets {@code model} on those it already has (the
	 * pipeline only runs a model for labels that name it). When no control has that name, a {@code <Labels>}
	 * control bound to the first {@code <Text>} object is created just before that object. All of it is one
	 * edit, so it is one step to undo.
	 *
	 * @throws IllegalArgumentException when the config is not well-formed XML, the name belongs to a control
	 *                                  that does not take labels, or a new control has no Text to bind to
	 */
	public static Merge plan(String configText, String controlName, String model, List<String> labels) {
		LabelingConfig config = wellFormed(configText);
		Set<String> usedColours = usedColours(config);
		ControlTag control = config.control(controlName);
		Set<String> missing = new LinkedHashSet<>(labels);
		if (control != null) {
			if (!Tags.LABEL_CONTROLS.contains(control.type())) {
				throw new IllegalArgumentException("'" + controlName + "' is a <" + control.element().tag()
						+ ">, which does not take <Label> values");
			}
			List<String> modelSet = new ArrayList<>();
			List<String> unchanged = new ArrayList<>();
			List<TextEdit> edits = new ArrayList<>();
			setModel(control.values(), missing, model, false, edits, modelSet, unchanged);
			ConfigElement e = control.element();
			List<String> added = List.copyOf(missing);
			if (!missing.isEmpty()) {
				edits.add(insertion(configText, e, labelLines(missing, model, false, indentInside(configText, e),
						usedColours)));
			}
			return new Merge(combine(configText, edits, e.startTagEnd()), added, modelSet, unchanged);
		}
		ObjectTag text = firstText(config, controlName);
		ConfigElement e = text.element();
		String lines = labelLines(missing, model, false, indentBeside(configText, e), usedColours);
		return new Merge(newLabels(configText, controlName, text, lines), List.copyOf(missing), List.of(), List.of());
	}

	/**
	 * Adds an assertion model's statuses as labels with {@code assertion="true"} and {@code model}: into the Labels
	 * control that holds the NER labels they qualify ({@code entityLabels}), else the first Labels control on a
	 * Text, else a new control {@code label} on the first Text. Statuses the control already has get the model and
	 * {@code assertion="true"} where they lack them; NER labels the model qualifies that no control offers are
	 * added (without a model) beside them, so that the statuses have chunks to attach to. One edit.
	 *
	 * @throws IllegalArgumentException as {@link #plan}
	 */
	public static Merge planAssertions(String configText, String model, List<String> statuses,
			Collection<String> entityLabels) {
		LabelingConfig config = wellFormed(configText);
		Set<String> usedColours = usedColours(config);
		ControlTag control = entityControl(config, entityLabels);
		Set<String> missingEntities = missingEntities(config, entityLabels);
		Set<String> missing = new LinkedHashSet<>(statuses);
		List<String> modelSet = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<TextEdit> edits = new ArrayList<>();
		if (control == null) {
			String name = freeName(config, "label");
			ObjectTag text = firstText(config, name);
			String indent = indentBeside(configText, text.element());
			String lines = labelLines(missingEntities, null, false, indent, usedColours)
					+ labelLines(missing, model, true, indent, usedColours);
			return new Merge(newLabels(configText, name, text, lines), List.copyOf(missing), List.of(), List.of(),
					List.copyOf(missingEntities));
		}
		// a status some Labels control already offers is completed where it is, not added twice
		List<LabelValue> labelValues = new ArrayList<>();
		for (ControlTag c : config.controlTags()) {
			if (Tags.LABEL_CONTROLS.contains(c.type())) {
				labelValues.addAll(c.values());
			}
		}
		setModel(labelValues, missing, model, true, edits, modelSet, unchanged);
		ConfigElement e = control.element();
		if (!missing.isEmpty() || !missingEntities.isEmpty()) {
			String indent = indentInside(configText, e);
			edits.add(insertion(configText, e, labelLines(missingEntities, null, false, indent, usedColours)
					+ labelLines(missing, model, true, indent, usedColours)));
		}
		return new Merge(combine(configText, edits, e.startTagEnd()), List.copyOf(missing), modelSet, unchanged,
				List.copyOf(missingEntities));
	}

	/**
	 * Adds a relation model's relation labels as {@code <Relation value=… model=…>} to the first {@code <Relations>}
	 * block, creating one before the Labels control of the entities (or the first Text) when the config has none,
	 * and the NER labels the model relates ({@code entityLabels}) that no control offers into the Labels control
	 * holding the others (else the first on a Text, else a new one). Existing relations get the model. One edit.
	 *
	 * @throws IllegalArgumentException as {@link #plan}
	 */
	public static Merge planRelations(String configText, String model, List<String> relations,
			Collection<String> entityLabels) {
		LabelingConfig config = wellFormed(configText);
		Set<String> usedColours = usedColours(config);
		ControlTag control = entityControl(config, entityLabels);
		Set<String> missingEntities = missingEntities(config, entityLabels);
		Set<String> missing = new LinkedHashSet<>(relations);
		List<String> modelSet = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<TextEdit> edits = new ArrayList<>();
		setModel(config.relations(), missing, model, false, edits, modelSet, unchanged);
		ObjectTag text = control == null ? firstText(config, "label") : null;
		if (!missingEntities.isEmpty()) {
			if (control != null) {
				edits.add(insertion(configText, control.element(), labelLines(missingEntities, null, false,
						indentInside(configText, control.element()), usedColours)));
			} else {
				edits.add(newLabels(configText, freeName(config, "label"), text, labelLines(missingEntities, null, false,
						indentBeside(configText, text.element()), usedColours)));
			}
		}
		if (!missing.isEmpty()) {
			List<ConfigElement> blocks = config.relationsBlocks();
			if (!blocks.isEmpty()) {
				ConfigElement block = blocks.get(0);
				edits.add(insertion(configText, block, relationLines(missing, model, indentInside(configText, block))));
			} else {
				ConfigElement before = control != null ? control.element() : text.element();
				String indent = indentOf(configText, before.start());
				String lines = relationLines(missing, model, indentBeside(configText, before));
				edits.add(new TextEdit(before.start(), 0, "<Relations>\n" + lines + indent + "</Relations>\n" + indent));
			}
		}
		ConfigElement anchor = config.root() == null ? null : config.root();
		return new Merge(combine(configText, edits, anchor == null ? 0 : anchor.startTagEnd()), List.copyOf(missing),
				modelSet, unchanged, List.copyOf(missingEntities));
	}

	/**
	 * Sets {@code model} (and {@code assertion="true"} when asked) on the values that are among {@code missing},
	 * and takes them out of it.
	 */
	private static void setModel(List<LabelValue> values, Set<String> missing, String model, boolean assertion,
			List<TextEdit> edits, List<String> modelSet, List<String> unchanged) {
		boolean withModel = model != null && !model.isBlank();
		for (LabelValue value : values) {
			if (!missing.remove(value.value())) {
				continue;
			}
			ConfigAttribute current = value.element().attribute("model");
			ConfigAttribute valueAttribute = value.element().attribute("value");
			// right after value="…", where a reader looks for them
			StringBuilder after = new StringBuilder();
			if (assertion && !value.assertion() && value.element().attribute("assertion") == null) {
				after.append(" assertion=\"true\"");
			} else if (assertion && !value.assertion()) {
				ConfigAttribute a = value.element().attribute("assertion");
				edits.add(new TextEdit(a.valueStart(), a.valueEnd() - a.valueStart(), "true"));
			}
			boolean changed = after.length() > 0 || assertion && !value.assertion();
			if (withModel && !model.equals(value.model())) {
				if (current != null) {
					edits.add(new TextEdit(current.valueStart(), current.valueEnd() - current.valueStart(), escape(model)));
				} else {
					after.append(" model=\"").append(escape(model)).append('"');
				}
				changed = true;
			}
			if (after.length() > 0) {
				edits.add(new TextEdit(valueAttribute.valueEnd() + 1, 0, after.toString()));
			}
			(changed ? modelSet : unchanged).add(value.value());
		}
	}

	private static LabelingConfig wellFormed(String configText) {
		LabelingConfig config = LabelingConfig.parse(configText);
		for (Diagnostic d : config.parseDiagnostics()) {
			if (d.isError()) {
				throw new IllegalArgumentException("the config is not well-formed (line " + d.line() + ": " + d.message()
						+ "); fix it before adding labels");
			}
		}
		return config;
	}

	private static Set<String> usedColours(LabelingConfig config) {
		Set<String> usedColours = new HashSet<>();
		for (ConfigElement e : config.elements()) {
			String background = e.get("background");
			if (background != null) {
				usedColours.add(background.trim().toUpperCase(Locale.ROOT));
			}
		}
		return usedColours;
	}

	/**
	 * The Labels control offering one of the NER labels (not as an assertion label), else the first Labels control
	 * on a Text object, else {@code null}.
	 */
	private static ControlTag entityControl(LabelingConfig config, Collection<String> entityLabels) {
		ControlTag onText = null;
		for (ControlTag control : config.controlTags()) {
			if (!Tags.LABEL_CONTROLS.contains(control.type()) || control.name() == null) {
				continue;
			}
			for (LabelValue value : control.values()) {
				if (!value.assertion() && entityLabels.contains(value.value())) {
					return control;
				}
			}
			boolean text = control.toNames().stream().map(config::object)
					.anyMatch(o -> o != null && o.type().equals("text"));
			if (onText == null && text) {
				onText = control;
			}
		}
		return onText;
	}

	/** The NER labels no Labels control offers (as an entity, not an assertion label), in the given order. */
	private static Set<String> missingEntities(LabelingConfig config, Collection<String> entityLabels) {
		Set<String> missing = new LinkedHashSet<>(entityLabels);
		for (ControlTag control : config.controlTags()) {
			if (Tags.LABEL_CONTROLS.contains(control.type())) {
				for (LabelValue value : control.values()) {
					if (!value.assertion()) {
						missing.remove(value.value());
					}
				}
			}
		}
		return missing;
	}

	private static String freeName(LabelingConfig config, String wanted) {
		String name = wanted;
		for (int n = 2; config.control(name) != null || config.object(name) != null; n++) {
			name = wanted + n;
		}
		return name;
	}

	private static ObjectTag firstText(LabelingConfig config, String controlName) {
		for (ObjectTag object : config.objectTags()) {
			if (object.type().equals("text") && object.name() != null) {
				return object;
			}
		}
		throw new IllegalArgumentException("the config has no <Text> object to bind a new Labels control '"
				+ controlName + "' to");
	}

	/** A new Labels control with the given lines, inserted just before the Text object it labels. */
	private static TextEdit newLabels(String configText, String controlName, ObjectTag text, String lines) {
		ConfigElement e = text.element();
		String indent = indentOf(configText, e.start());
		StringBuilder block = new StringBuilder();
		block.append("<Labels name=\"").append(escape(controlName)).append("\" toName=\"").append(escape(text.name()))
				.append("\">\n");
		block.append(lines);
		block.append(indent).append("</Labels>\n").append(indent);
		return new TextEdit(e.start(), 0, block.toString());
	}

	/** The indentation of a child of {@code e}. */
	private static String indentInside(String configText, ConfigElement e) {
		String indent = indentOf(configText, e.start());
		return indent + unit(configText, e, indent);
	}

	/** The indentation of a child of a new element standing where {@code e} stands. */
	private static String indentBeside(String configText, ConfigElement e) {
		return indentOf(configText, e.start()) + unit(configText, e.parent(), indentOf(configText, e.parent() == null ? 0
				: e.parent().start()));
	}

	private static String relationLines(Set<String> relations, String model, String indent) {
		StringBuilder lines = new StringBuilder();
		for (String relation : relations) {
			lines.append(indent).append("<Relation value=\"").append(escape(relation)).append('"');
			if (model != null && !model.isBlank()) {
				lines.append(" model=\"").append(escape(model)).append('"');
			}
			lines.append("/>\n");
		}
		return lines.toString();
	}

	/** The insertion of lines into the element {@code e}, before its end tag. */
	private static TextEdit insertion(String configText, ConfigElement e, String lines) {
		String indent = indentOf(configText, e.start());
		if (e.selfClosing()) {
			// <Labels …/> becomes <Labels …> … </Labels>
			int slash = e.startTagEnd() - 2;
			return new TextEdit(slash, 2, ">\n" + lines + indent + "</" + e.tag() + ">");
		}
		int close = e.endTagStart();
		int lineStart = lineStart(configText, close);
		if (configText.substring(lineStart, close).isBlank()) {
			return new TextEdit(lineStart, 0, lines);
		}
		return new TextEdit(close, 0, "\n" + lines + indent);
	}

	/** Non-overlapping edits as the one edit spanning them all (an empty edit at {@code emptyAt} for none). */
	static TextEdit combine(String text, List<TextEdit> edits, int emptyAt) {
		if (edits.isEmpty()) {
			return new TextEdit(emptyAt, 0, "");
		}
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparingInt(TextEdit::offset));
		int from = sorted.get(0).offset();
		TextEdit last = sorted.get(sorted.size() - 1);
		int to = last.offset() + last.length();
		StringBuilder replacement = new StringBuilder();
		int at = from;
		for (TextEdit edit : sorted) {
			replacement.append(text, at, edit.offset()).append(edit.replacement());
			at = edit.offset() + edit.length();
		}
		return new TextEdit(from, to - from, replacement.toString());
	}

	private static String labelLines(Set<String> labels, String model, boolean assertion, String indent,
			Set<String> usedColours) {
		StringBuilder lines = new StringBuilder();
		int next = 0;
		for (String label : labels) {
			String colour;
			do {
				colour = colour(next++);
			} while (usedColours.contains(colour));
			usedColours.add(colour);
			lines.append(indent).append("<Label value=\"").append(escape(label)).append('"');
			if (assertion) {
				lines.append(" assertion=\"true\"");
			}
			if (model != null && !model.isBlank()) {
				lines.append(" model=\"").append(escape(model)).append('"');
			}
			lines.append(" background=\"").append(colour).append("\"/>\n");
		}
		return lines.toString();
	}

	static String colour(int index) {
		if (index < PALETTE.length) {
			return PALETTE[index];
		}
		// golden-angle hue steps keep generated colours apart from each other
		double hue = (index * 137.508) % 360;
		double lightness = 0.45 + 0.1 * ((index / PALETTE.length) % 3);
		return hsl(hue, 0.65, lightness);
	}

	private static String hsl(double h, double s, double l) {
		double c = (1 - Math.abs(2 * l - 1)) * s;
		double x = c * (1 - Math.abs((h / 60) % 2 - 1));
		double m = l - c / 2;
		double[] rgb = h < 60 ? new double[] { c, x, 0 } : h < 120 ? new double[] { x, c, 0 }
				: h < 180 ? new double[] { 0, c, x } : h < 240 ? new double[] { 0, x, c }
						: h < 300 ? new double[] { x, 0, c } : new double[] { c, 0, x };
		return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round((rgb[0] + m) * 255),
				Math.round((rgb[1] + m) * 255), Math.round((rgb[2] + m) * 255));
	}

	private static int lineStart(String text, int offset) {
		int i = offset;
		while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
			i--;
		}
		return i;
	}

	/** The whitespace before a tag when it starts its line, else nothing. */
	private static String indentOf(String text, int offset) {
		int start = lineStart(text, offset);
		String before = text.substring(start, offset);
		return before.isBlank() ? before : "";
	}

	/** The indentation step the config uses below {@code parent}, two spaces when it cannot be told. */
	private static String unit(String text, ConfigElement parent, String parentIndent) {
		if (parent != null) {
			for (ConfigElement child : parent.children()) {
				String childIndent = indentOf(text, child.start());
				if (childIndent.length() > parentIndent.length() && childIndent.startsWith(parentIndent)) {
					return childIndent.substring(parentIndent.length());
				}
			}
		}
		return "  ";
	}

	static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
			case '&' -> out.append("&amp;");
			case '<' -> out.append("&lt;");
			case '"' -> out.append("&quot;");
			default -> out.append(c);
			}
		}
		return out.toString();
	}

}
