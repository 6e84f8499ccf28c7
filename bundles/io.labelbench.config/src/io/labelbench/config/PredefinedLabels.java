package io.labelbench.config;

import java.util.ArrayList;
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
	public record Merge(TextEdit edit, List<String> added, List<String> modelSet, List<String> unchanged) {

		/** Whether applying {@link #edit} changes the config at all. */
		public boolean changes() {
			return !added.isEmpty() || !modelSet.isEmpty();
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
		LabelingConfig config = LabelingConfig.parse(configText);
		for (Diagnostic d : config.parseDiagnostics()) {
			if (d.isError()) {
				throw new IllegalArgumentException("the config is not well-formed (line " + d.line() + ": " + d.message()
						+ "); fix it before adding labels");
			}
		}
		Set<String> usedColours = new HashSet<>();
		for (ConfigElement e : config.elements()) {
			String background = e.get("background");
			if (background != null) {
				usedColours.add(background.trim().toUpperCase(Locale.ROOT));
			}
		}
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
			boolean withModel = model != null && !model.isBlank();
			for (LabelValue value : control.values()) {
				if (!missing.remove(value.value())) {
					continue;
				}
				ConfigAttribute current = value.element().attribute("model");
				ConfigAttribute valueAttribute = value.element().attribute("value");
				if (!withModel || model.equals(value.model())) {
					unchanged.add(value.value());
				} else if (current != null) {
					edits.add(new TextEdit(current.valueStart(), current.valueEnd() - current.valueStart(), escape(model)));
					modelSet.add(value.value());
				} else {
					// right after value="…", where a reader looks for it
					edits.add(new TextEdit(valueAttribute.valueEnd() + 1, 0, " model=\"" + escape(model) + "\""));
					modelSet.add(value.value());
				}
			}
			ConfigElement e = control.element();
			List<String> added = List.copyOf(missing);
			if (!missing.isEmpty()) {
				edits.add(insertion(configText, e, missing, model, usedColours));
			}
			return new Merge(combine(configText, edits, e.startTagEnd()), added, modelSet, unchanged);
		}
		ObjectTag text = null;
		for (ObjectTag object : config.objectTags()) {
			if (object.type().equals("text") && object.name() != null) {
				text = object;
				break;
			}
		}
		if (text == null) {
			throw new IllegalArgumentException("the config has no <Text> object to bind a new Labels control '"
					+ controlName + "' to");
		}
		ConfigElement e = text.element();
		String indent = indentOf(configText, e.start());
		String childIndent = indent + unit(configText, e.parent(), indentOf(configText, e.parent() == null ? 0
				: e.parent().start()));
		StringBuilder block = new StringBuilder();
		block.append("<Labels name=\"").append(escape(controlName)).append("\" toName=\"").append(escape(text.name()))
				.append("\">\n");
		block.append(labelLines(missing, model, childIndent, usedColours));
		block.append(indent).append("</Labels>\n").append(indent);
		return new Merge(new TextEdit(e.start(), 0, block.toString()), List.copyOf(missing), List.of(), List.of());
	}

	/** The insertion of the label lines into the control {@code e}, before its end tag. */
	private static TextEdit insertion(String configText, ConfigElement e, Set<String> missing, String model,
			Set<String> usedColours) {
		String indent = indentOf(configText, e.start());
		String childIndent = indent + unit(configText, e, indent);
		String lines = labelLines(missing, model, childIndent, usedColours);
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
	private static TextEdit combine(String text, List<TextEdit> edits, int emptyAt) {
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

	private static String labelLines(Set<String> labels, String model, String indent, Set<String> usedColours) {
		StringBuilder lines = new StringBuilder();
		int next = 0;
		for (String label : labels) {
			String colour;
			do {
				colour = colour(next++);
			} while (usedColours.contains(colour));
			usedColours.add(colour);
			lines.append(indent).append("<Label value=\"").append(escape(label)).append('"');
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
