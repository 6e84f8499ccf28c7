package io.labelbench.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deploys a model into a labeling config: its name goes into the {@code model} attribute of the config values its
 * labels match, replacing whatever model they named before, as one text edit (one undoable document change in an
 * editor, one atomic write on the command line). Which values a model's labels match depends on its kind:
 * <ul>
 * <li>{@link Kind#NER}: the {@code <Label>}s of a Labels control that are not assertion labels;</li>
 * <li>{@link Kind#CLASSIFICATION}: the {@code <Choice>}s of a Choices control;</li>
 * <li>{@link Kind#ASSERTION}: the labels with {@code assertion="true"};</li>
 * <li>{@link Kind#RELATION}: the {@code <Relation>}s of the Relations blocks.</li>
 * </ul>
 * Unlike {@link PredefinedLabels} it adds nothing: labels of the model that the config lacks are reported in
 * {@link Plan#missing()} and left out, and every other byte of the config stays as it was.
 */
public final class ModelDeployment {

	/** What a model predicts, named as the hub metadata's {@code task} and the training types name it. */
	public enum Kind {
		NER, CLASSIFICATION, ASSERTION, RELATION;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The kind of a task name ({@code ner}, {@code classification}, {@code assertion}, {@code relation}). */
		public static Kind of(String task) {
			for (Kind kind : values()) {
				if (kind.id().equals(task)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("a " + task + " model cannot be deployed into a config's labels: only"
					+ " ner, classification, assertion and relation models can");
		}
	}

	/**
	 * The deployment of a model into a config.
	 *
	 * @param edit      the one edit to apply (empty when {@link #changes()} is false)
	 * @param deployed  the values that now name the model
	 * @param replaced  of those, the ones that named another model before, with that model
	 * @param unchanged the values that already named the model
	 * @param missing   the model's labels no value of the config matches
	 */
	public record Plan(TextEdit edit, String model, List<String> deployed, Map<String, String> replaced,
			List<String> unchanged, List<String> missing) {

		public Plan {
			deployed = List.copyOf(deployed);
			replaced = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
			unchanged = List.copyOf(unchanged);
			missing = List.copyOf(missing);
		}

		/** Whether applying {@link #edit} changes the config at all. */
		public boolean changes() {
			return !deployed.isEmpty();
		}

		/** The config text after the deployment. */
		public String apply(String configText) {
			return edit.apply(configText);
		}
	}

	private ModelDeployment() {
	}

	/**
	 * Plans deploying {@code model} for {@code labels} into the config.
	 *
	 * @param controlName the Labels or Choices control whose values are matched, or {@code null} for every control
	 *                    of the kind (ignored for relations)
	 * @throws IllegalArgumentException when the config is not well-formed, the model name is blank, or the control
	 *                                  named is missing or of another kind
	 */
	public static Plan plan(String configText, Kind kind, String controlName, String model, Collection<String> labels) {
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("a model to deploy needs a name");
		}
		LabelingConfig config = LabelingConfig.parse(configText);
		for (Diagnostic d : config.parseDiagnostics()) {
			if (d.isError()) {
				throw new IllegalArgumentException("the config is not well-formed (line " + d.line() + ": "
						+ d.message() + "); fix it before deploying " + model);
			}
		}
		Set<String> wanted = new LinkedHashSet<>(labels);
		Set<String> matched = new LinkedHashSet<>();
		List<String> deployed = new ArrayList<>();
		Map<String, String> replaced = new LinkedHashMap<>();
		List<String> unchanged = new ArrayList<>();
		List<TextEdit> edits = new ArrayList<>();
		for (LabelValue value : candidates(config, kind, controlName)) {
			if (value.value() == null || !wanted.contains(value.value())) {
				continue;
			}
			matched.add(value.value());
			if (model.equals(value.model())) {
				unchanged.add(value.value());
				continue;
			}
			ConfigAttribute current = value.element().attribute("model");
			if (current != null) {
				edits.add(new TextEdit(current.valueStart(), current.valueEnd() - current.valueStart(),
						PredefinedLabels.escape(model)));
			} else {
				// right after value="…", where a reader looks for it
				edits.add(new TextEdit(value.element().attribute("value").valueEnd() + 1, 0,
						" model=\"" + PredefinedLabels.escape(model) + "\""));
			}
			deployed.add(value.value());
			if (value.model() != null) {
				replaced.put(value.value(), value.model());
			}
		}
		List<String> missing = new ArrayList<>(wanted);
		missing.removeAll(matched);
		int emptyAt = config.root() == null ? 0 : config.root().startTagEnd();
		return new Plan(PredefinedLabels.combine(configText, edits, emptyAt), model, deployed, replaced, unchanged,
				missing);
	}

	private static List<LabelValue> candidates(LabelingConfig config, Kind kind, String controlName) {
		if (kind == Kind.RELATION) {
			return config.relations();
		}
		Set<String> types = kind == Kind.CLASSIFICATION ? Tags.CHOICE_CONTROLS : Tags.LABEL_CONTROLS;
		List<ControlTag> controls = new ArrayList<>();
		if (controlName != null) {
			ControlTag control = config.control(controlName);
			if (control == null) {
				throw new IllegalArgumentException("the config has no control named '" + controlName + "'");
			}
			if (!types.contains(control.type())) {
				throw new IllegalArgumentException("'" + controlName + "' is a <" + control.element().tag() + ">, not a "
						+ (kind == Kind.CLASSIFICATION ? "Choices" : "Labels") + " control a " + kind.id()
						+ " model fills");
			}
			controls.add(control);
		} else {
			config.controlTags().stream().filter(c -> types.contains(c.type())).forEach(controls::add);
		}
		List<LabelValue> values = new ArrayList<>();
		for (ControlTag control : controls) {
			for (LabelValue value : control.values()) {
				boolean fits = switch (kind) {
				case NER -> !value.assertion();
				case ASSERTION -> value.assertion();
				default -> true;
				};
				if (fits) {
					values.add(value);
				}
			}
		}
		return values;
	}
}
