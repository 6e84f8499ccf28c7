package io.labelbench.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.rules.engine.Prompt;

/**
 * Checks a labeling config the way Label Studio and the GAL pre-annotation pipeline will use it. A config
 * that Label Studio accepts never gets an error for a Label Studio rule (only warnings where it is probably
 * a mistake); errors are either malformed XML or GAL pipeline constraints that block deploy.
 */
public final class ConfigValidator {

	public static final String MALFORMED = ConfigParser.MALFORMED;
	public static final String DOCTYPE = ConfigParser.DOCTYPE;
	public static final String ENTITY = ConfigParser.ENTITY;
	public static final String ROOT = "config.root";
	public static final String UNKNOWN_TAG = "tag.unknown";
	public static final String NAME_MISSING = "tag.name-missing";
	public static final String NAME_DUPLICATE = "tag.name-duplicate";
	public static final String TONAME_MISSING = "control.toname-missing";
	public static final String TONAME_UNKNOWN = "control.toname-unknown";
	public static final String CONTROL_EMPTY = "control.empty";
	public static final String VALUE_MISSING = "label.value-missing";
	public static final String VALUE_DUPLICATE = "label.duplicate";
	public static final String OBJECT_VALUE_MISSING = "object.value-missing";
	public static final String OBJECT_VALUE_NOT_VARIABLE = "object.value-not-variable";
	public static final String OBJECT_VALUE_EMPTY_FIELD = "object.value-empty-field";
	public static final String COLOR_INVALID = "color.invalid";
	public static final String HOTKEY_DUPLICATE = "hotkey.duplicate";
	public static final String MODEL_UNKNOWN = "model.unknown";
	public static final String MODEL_LABEL_MISSING = "model.label-missing";
	public static final String MODEL_TOO_MANY = "model.too-many";
	public static final String MODEL_EMBEDDINGS_MIXED = "model.embeddings-mixed";
	public static final String MODEL_EMBEDDINGS_MISSING = "model.embeddings-missing";
	public static final String ASSERTION_WITHOUT_NER = "assertion.no-ner-label";
	public static final String RELATION_WITHOUT_BLOCK = "relation.no-block";
	public static final String MODEL_WRONG_KIND = "model.wrong-kind";
	public static final String MODEL_ENTITIES_MISSING = "model.entity-labels-missing";
	public static final String LABEL_USED_BY_TASKS = "label.used-by-tasks";
	public static final String PROMPT_UNKNOWN = "prompt.unknown";
	public static final String PROMPT_WRONG_KIND = "prompt.wrong-kind";
	public static final String PROMPT_LABEL_MISMATCH = "prompt.label-mismatch";
	public static final String PROMPT_NO_LLM = "prompt.no-llm";

	/** GAL deploys at most this many models per config (one pre-annotation server). */
	public static final int MAX_MODELS = ServerSpec.MAX_MODELS;

	private static final Set<String> COLOR_ATTRIBUTES = Set.of("background", "fillcolor", "strokecolor",
			"selectedcolor");

	private final ModelInfo models;
	private final Map<String, Integer> labelUsage;
	private final boolean allowMixedEmbeddings;
	private final Map<String, Prompt> prompts;
	private final boolean llmConfigured;

	/** A validator without hub data or task statistics: model and usage checks are skipped. */
	public ConfigValidator() {
		this(null, Map.of(), false);
	}

	/**
	 * @param models the local Models Hub cache, or {@code null} to skip the model checks
	 * @param labelUsage label -> number of tasks using it (see {@link LabelUsage#count}); may be empty
	 * @param allowMixedEmbeddings the project setting that turns mixed embeddings into a warning
	 */
	public ConfigValidator(ModelInfo models, Map<String, Integer> labelUsage, boolean allowMixedEmbeddings) {
		this(models, labelUsage, allowMixedEmbeddings, null, false);
	}

	private ConfigValidator(ModelInfo models, Map<String, Integer> labelUsage, boolean allowMixedEmbeddings,
			Map<String, Prompt> prompts, boolean llmConfigured) {
		this.models = models;
		this.labelUsage = labelUsage == null ? Map.of() : Map.copyOf(labelUsage);
		this.allowMixedEmbeddings = allowMixedEmbeddings;
		this.prompts = prompts == null ? null : Map.copyOf(prompts);
		this.llmConfigured = llmConfigured;
	}

	/**
	 * This validator, also checking the {@code prompt} attributes: against the prompts the project can use (by
	 * name) and whether an LLM endpoint is configured (the command line's {@code LABELBENCH_LLM_BASE_URL} and
	 * {@code LABELBENCH_LLM_MODEL}, the workbench's preference). Without it prompt attributes are not checked.
	 */
	public ConfigValidator withPrompts(Map<String, Prompt> known, boolean llmEndpointConfigured) {
		return new ConfigValidator(models, labelUsage, allowMixedEmbeddings, known, llmEndpointConfigured);
	}

	/**
	 * Validates a config file read in its encoding ({@link ConfigEncoding}); an unreadable file is an
	 * {@link IOException}, bytes the encoding cannot decode are a finding.
	 */
	public List<Diagnostic> validate(Path file) throws IOException {
		return validate(LabelingConfig.read(file));
	}

	public List<Diagnostic> validate(String text) {
		return validate(LabelingConfig.parse(text));
	}

	/** All findings, ordered by position. Never throws for any text. */
	public List<Diagnostic> validate(LabelingConfig config) {
		Reporter r = config.reporter.fork();
		r.diagnostics.addAll(config.parseDiagnostics());
		ConfigElement root = config.root();
		if (root != null && !root.key().equals("view")) {
			r.report(ROOT, Severity.ERROR, "the root element must be <View>, not <" + root.tag() + ">", root.nameStart(),
					root.nameEnd());
		}
		checkTags(config, r);
		checkObjects(config, r);
		checkControls(config, r);
		checkRelations(config, r);
		checkHotkeys(config, r);
		if (models != null) {
			checkModels(config, r);
		}
		if (prompts != null) {
			checkPrompts(config, r);
		}
		checkUsage(config, r);
		List<Diagnostic> result = new ArrayList<>(r.diagnostics);
		result.sort(Comparator.comparingInt(Diagnostic::startOffset).thenComparingInt(Diagnostic::endOffset));
		return result;
	}

	private static void checkTags(LabelingConfig config, Reporter r) {
		Map<String, ConfigAttribute> names = new HashMap<>();
		for (ConfigElement e : config.elements()) {
			String key = e.key();
			if (!Tags.isKnown(key)) {
				r.report(UNKNOWN_TAG, Severity.WARNING, "unknown tag <" + e.tag() + ">: Label Studio will ignore or reject it",
						e.nameStart(), e.nameEnd());
			}
			boolean named = Tags.OBJECTS.contains(key) || Tags.isControl(key);
			ConfigAttribute name = e.attribute("name");
			if (named && (name == null || name.value().isBlank())) {
				r.report(NAME_MISSING, Severity.ERROR, "<" + e.tag() + "> needs a name attribute", e.nameStart(), e.nameEnd());
			}
			if (name != null && !name.value().isBlank() && (named || key.equals("filter"))) {
				ConfigAttribute first = names.putIfAbsent(name.value(), name);
				if (first != null) {
					r.report(NAME_DUPLICATE, Severity.ERROR, "name '" + name.value() + "' is already used at line "
							+ r.line(first.valueStart()) + ": tag names must be unique", name.valueStart(), name.valueEnd());
				}
			}
			for (ConfigAttribute attribute : e.attributes) {
				if (COLOR_ATTRIBUTES.contains(attribute.key()) && !attribute.value().isBlank()
						&& !Colors.isValid(attribute.value())) {
					r.report(COLOR_INVALID, Severity.WARNING, "'" + attribute.value() + "' is not a colour (use #rrggbb,"
							+ " rgb(…) or a CSS colour name)", attribute.valueStart(), attribute.valueEnd());
				}
			}
		}
	}

	private static void checkObjects(LabelingConfig config, Reporter r) {
		Set<String> labelled = new HashSet<>();
		for (ControlTag control : config.controlTags()) {
			labelled.addAll(control.toNames());
		}
		for (ObjectTag object : config.objectTags()) {
			ConfigElement e = object.element();
			ConfigAttribute value = e.attribute("value");
			if (value == null && e.attribute("valueList") != null) {
				// several images from one task field, e.g. <Image valueList="$pages"/>
				value = e.attribute("valueList");
			}
			if (value == null) {
				r.report(OBJECT_VALUE_MISSING, Severity.ERROR, "<" + e.tag() + "> needs a value attribute, e.g. value=\"$"
						+ e.key() + "\"", e.nameStart(), e.nameEnd());
				continue;
			}
			String v = value.value().trim();
			if (v.equals("$")) {
				r.report(OBJECT_VALUE_EMPTY_FIELD, Severity.ERROR, "'$' must be followed by a task data field name",
						value.valueStart(), value.valueEnd());
			} else if (!v.startsWith("$") && object.name() != null && labelled.contains(object.name())) {
				// Label Studio shows a literal value as is; only labelling it is suspicious
				r.report(OBJECT_VALUE_NOT_VARIABLE, Severity.WARNING, "<" + e.tag() + "> is labelled but shows the literal"
						+ " text '" + abbreviate(v) + "' for every task; use a $field of the task data",
						value.valueStart(), value.valueEnd());
			}
		}
	}

	private static void checkControls(LabelingConfig config, Reporter r) {
		Map<String, ObjectTag> objects = new HashMap<>();
		for (ObjectTag object : config.objectTags()) {
			if (object.name() != null) {
				objects.putIfAbsent(object.name(), object);
			}
		}
		String objectList = String.join(",", new TreeSet<>(objects.keySet()));
		for (ControlTag control : config.controlTags()) {
			ConfigElement e = control.element();
			checkToName(e, objects.keySet(), objectList, config, r);
			String type = control.type();
			boolean valued = Tags.LABEL_CONTROLS.contains(type) || Tags.CHOICE_CONTROLS.contains(type);
			if (valued && !control.dynamic() && control.values().isEmpty()) {
				r.report(CONTROL_EMPTY, Severity.WARNING, "<" + e.tag() + "> offers no " + (Tags.LABEL_CONTROLS
						.contains(type) ? "<Label>" : "<Choice>") + " to pick", e.nameStart(), e.nameEnd());
			}
			checkValues(control.values(), type.equals("taxonomy"), r);
		}
		for (ConfigElement e : config.elements()) {
			if (e.key().equals("filter")) {
				checkToName(e, config.controlNames(), String.join(",", config.controlNames()), config, r);
			}
		}
	}

	private static void checkToName(ConfigElement e, Set<String> targets, String targetList, LabelingConfig config,
			Reporter r) {
		ConfigAttribute toName = e.attribute("toName");
		if (toName == null || toName.value().isBlank()) {
			if (Tags.REGION_CONTROLS.contains(e.key())) {
				r.report(TONAME_MISSING, Severity.ERROR, "<" + e.tag() + "> needs a toName naming the object tag it labels",
						e.nameStart(), e.nameEnd(), Map.of("objects", targetList));
			} else if (!e.key().equals("filter")) {
				// Label Studio accepts it (a rating of the whole task), but pre-annotation cannot target it
				r.report(TONAME_MISSING, Severity.WARNING, "<" + e.tag() + "> has no toName: it applies to the whole"
						+ " task and pre-annotation cannot fill it", e.nameStart(), e.nameEnd(), Map.of("objects", targetList));
			}
			return;
		}
		String raw = toName.value();
		int from = 0;
		while (from <= raw.length()) {
			int comma = raw.indexOf(',', from);
			int end = comma < 0 ? raw.length() : comma;
			int a = from;
			int b = end;
			while (a < b && Character.isWhitespace(raw.charAt(a))) {
				a++;
			}
			while (b > a && Character.isWhitespace(raw.charAt(b - 1))) {
				b--;
			}
			String name = raw.substring(a, b);
			// Filter may point at a control or an object; controls point at objects
			boolean ok = targets.contains(name) || e.key().equals("filter") && config.object(name) != null;
			if (!name.isEmpty() && !ok) {
				boolean escaped = toName.valueEnd() - toName.valueStart() != raw.length();
				int start = escaped ? toName.valueStart() : toName.valueStart() + a;
				int stop = escaped ? toName.valueEnd() : toName.valueStart() + b;
				String what = e.key().equals("filter") ? "tag" : "object tag";
				String hint = config.control(name) != null && !e.key().equals("filter")
						? " ('" + name + "' is a control, not an object)"
						: targetList.isEmpty() ? "" : " (known: " + targetList.replace(",", ", ") + ")";
				r.report(TONAME_UNKNOWN, Severity.ERROR, "toName '" + name + "' names no " + what + hint, start, stop,
						Map.of("name", name, "objects", targetList));
			}
			if (comma < 0) {
				break;
			}
			from = comma + 1;
		}
	}

	private static void checkValues(List<LabelValue> values, boolean perParent, Reporter r) {
		Map<Object, LabelValue> seen = new HashMap<>();
		for (LabelValue value : values) {
			ConfigElement e = value.element();
			ConfigAttribute attribute = e.attribute("value");
			if (attribute == null) {
				r.report(VALUE_MISSING, Severity.ERROR, "<" + e.tag() + "> needs a value attribute", e.nameStart(),
						e.nameEnd());
				continue;
			}
			// Taxonomy repeats leaf names under different parents on purpose (elements compare by identity)
			Object key = perParent ? List.of(e.parent(), value.value()) : value.value();
			LabelValue first = seen.putIfAbsent(key, value);
			if (first != null) {
				r.report(VALUE_DUPLICATE, Severity.WARNING, "'" + value.value() + "' is already offered at line "
						+ r.line(first.element().start()) + " in this control", attribute.valueStart(), attribute.valueEnd(),
						Map.of("removeStart", Integer.toString(e.start()), "removeEnd", Integer.toString(e.end())));
			}
		}
	}

	private static void checkRelations(LabelingConfig config, Reporter r) {
		for (ConfigElement e : config.elements()) {
			if (e.key().equals("relation") && !e.isInside("relations")) {
				// where the quick fix can move it: into the first block, or a new block right after <View>
				ConfigElement block = config.relationsBlocks().isEmpty() ? null : config.relationsBlocks().get(0);
				ConfigElement root = config.root();
				int insertAt = block != null ? block.startTagEnd() : root != null ? root.startTagEnd() : 0;
				String model = e.get("model");
				r.report(RELATION_WITHOUT_BLOCK, Severity.ERROR, "<" + e.tag() + "> must be inside a <Relations> block"
						+ (model == null || model.isBlank() ? "" : " (its model '" + model.trim() + "' runs only for"
								+ " relations of a Relations block)"),
						e.nameStart(), e.nameEnd(), Map.of("elementStart", Integer.toString(e.start()), "elementEnd",
								Integer.toString(e.end()), "insertAt", Integer.toString(insertAt), "newBlock",
								Boolean.toString(block == null)));
			}
		}
		// assertion labels attach to an NER chunk of the same control or of another control on the same object
		Set<String> nerObjects = new HashSet<>();
		for (ControlTag control : config.controlTags()) {
			if (Tags.LABEL_CONTROLS.contains(control.type())
					&& (control.dynamic() || control.values().stream().anyMatch(v -> !v.assertion()))) {
				nerObjects.addAll(control.toNames());
			}
		}
		for (ControlTag control : config.controlTags()) {
			for (LabelValue value : control.values()) {
				if (!value.assertion()) {
					continue;
				}
				boolean attached = control.toNames().stream().anyMatch(nerObjects::contains);
				if (!attached) {
					ConfigAttribute attribute = value.element().attribute("assertion");
					r.report(ASSERTION_WITHOUT_NER, Severity.ERROR, "assertion label '" + value.value() + "' has no NER"
							+ " label on the same text to attach to", attribute.nameStart(), attribute.valueEnd() + 1);
				}
			}
		}
	}

	private static void checkHotkeys(LabelingConfig config, Reporter r) {
		Map<String, ConfigAttribute> seen = new HashMap<>();
		for (ConfigElement e : config.elements()) {
			ConfigAttribute hotkey = e.attribute("hotkey");
			if (hotkey == null || hotkey.value().isBlank()) {
				continue;
			}
			String key = hotkey.value().replace(" ", "").toLowerCase(Locale.ROOT);
			ConfigAttribute first = seen.putIfAbsent(key, hotkey);
			if (first != null) {
				r.report(HOTKEY_DUPLICATE, Severity.WARNING, "hotkey '" + hotkey.value() + "' is also used at line "
						+ r.line(first.valueStart()) + ": only one of them will react", hotkey.valueStart(), hotkey.valueEnd());
			}
		}
	}

	private void checkModels(LabelingConfig config, Reporter r) {
		Map<String, ConfigAttribute> firstUse = new LinkedHashMap<>();
		Map<String, Optional<ModelInfo.Model>> known = new HashMap<>();
		Map<String, Set<String>> entities = new HashMap<>();
		for (LabelValue value : config.allValues()) {
			if (value.model() == null) {
				continue;
			}
			ConfigAttribute attribute = value.element().attribute("model");
			firstUse.putIfAbsent(value.model(), attribute);
			Optional<ModelInfo.Model> model = known.computeIfAbsent(value.model(), this::lookup);
			if (model.isEmpty()) {
				r.report(MODEL_UNKNOWN, Severity.ERROR, "model '" + value.model() + "' is not in the local Models Hub"
						+ " cache: download it first", attribute.valueStart(), attribute.valueEnd(),
						Map.of("model", value.model()));
			} else if (!checkKind(value, model.get(), attribute, r)) {
				// the label-missing check would only repeat that the model does not fit here
			} else if (value.value() != null && !model.get().labels().isEmpty()) {
				Set<String> offered = entities.computeIfAbsent(value.model(), name -> entities(model.get()));
				if (!offered.contains(value.value())) {
					ConfigAttribute v = value.element().attribute("value");
					r.report(MODEL_LABEL_MISSING, Severity.ERROR, "model '" + value.model() + "' does not predict '"
							+ value.value() + "' (it offers " + abbreviate(String.join(", ", offered)) + ")",
							v.valueStart(), v.valueEnd(), Map.of("model", value.model(), "labels", String.join(",", offered)));
				}
			}
		}
		List<String> names = new ArrayList<>(firstUse.keySet());
		Map<String, ConfigAttribute> counted = new LinkedHashMap<>(firstUse);
		promptEngines(config).forEach(counted::putIfAbsent);
		List<String> countedNames = new ArrayList<>(counted.keySet());
		for (int m = MAX_MODELS; m < countedNames.size(); m++) {
			String name = countedNames.get(m);
			ConfigAttribute attribute = counted.get(name);
			String what = firstUse.containsKey(name) ? "model '" + name + "'" : name;
			r.report(MODEL_TOO_MANY, Severity.ERROR, what + " is model " + (m + 1) + " of " + countedNames.size()
					+ ": GAL deploys at most " + MAX_MODELS + " models per config (the prompts of one engine count as"
					+ " one model), deploy will be blocked", attribute.valueStart(), attribute.valueEnd(),
					Map.of("model", name, "keep", String.join(",", countedNames.subList(0, MAX_MODELS))));
		}
		checkEntityLabels(config, names, known, firstUse, r);
		for (String name : names) {
			Optional<ModelInfo.Model> model = known.get(name);
			// assertion and relation models work on NER chunks, never on word embeddings
			String embeddings = model.isEmpty() || needsNoEmbeddings(model.get()) ? null : model.get().embeddings();
			if (embeddings != null && !embeddings.equals(name) && lookup(embeddings).isEmpty()) {
				ConfigAttribute attribute = firstUse.get(name);
				r.report(MODEL_EMBEDDINGS_MISSING, Severity.WARNING, "model '" + name + "' runs on the embeddings '"
						+ embeddings + "', which are not downloaded: deploy will fail until they are",
						attribute.valueStart(), attribute.valueEnd(), Map.of("model", name, "embeddings", embeddings));
			}
		}
		String reference = null;
		String referenceModel = null;
		Map<String, Long> extra = new LinkedHashMap<>();
		List<String[]> mixed = new ArrayList<>();
		for (String name : names) {
			Optional<ModelInfo.Model> model = known.get(name);
			if (model.isEmpty() || model.get().embeddings() == null || needsNoEmbeddings(model.get())) {
				continue;
			}
			String embeddings = model.get().embeddings();
			if (reference == null) {
				reference = embeddings;
				referenceModel = name;
			} else if (!reference.equals(embeddings)) {
				extra.putIfAbsent(embeddings, model.get().embeddingsBytes());
				mixed.add(new String[] { name, embeddings });
			}
		}
		if (mixed.isEmpty()) {
			return;
		}
		long bytes = 0;
		boolean unknownSize = false;
		for (long size : extra.values()) {
			bytes += size;
			unknownSize |= size <= 0;
		}
		String cost = "loading " + extra.size() + " more embeddings (" + String.join(", ", extra.keySet()) + ") costs "
				+ (bytes > 0 ? "about " + megabytes(bytes) + (unknownSize ? " plus embeddings of unknown size" : "")
						: "memory of unknown size")
				+ " per server";
		for (String[] model : mixed) {
			ConfigAttribute attribute = firstUse.get(model[0]);
			String message = "model '" + model[0] + "' uses embeddings '" + model[1] + "' but '" + referenceModel
					+ "' uses '" + reference + "': " + cost;
			if (allowMixedEmbeddings) {
				r.report(MODEL_EMBEDDINGS_MIXED, Severity.WARNING, message + " (mixing is allowed by the project setting)",
						attribute.valueStart(), attribute.valueEnd(), Map.of("model", model[0]));
			} else {
				r.report(MODEL_EMBEDDINGS_MIXED, Severity.ERROR, message + "; models of one pipeline must share their"
						+ " embeddings, deploy will be blocked", attribute.valueStart(), attribute.valueEnd(),
						Map.of("model", model[0]));
			}
		}
	}

	/**
	 * The prompt engines the config uses, each with the first attribute naming one of its prompts: all built-in
	 * prompts run on one embedding model and all LLM prompts on one endpoint, so each engine counts as one model
	 * toward {@link #MAX_MODELS} (as GAL counts the one zero-shot model behind its prompts). Unknown prompts count
	 * as nothing (they are reported on their own).
	 */
	private Map<String, ConfigAttribute> promptEngines(LabelingConfig config) {
		Map<String, ConfigAttribute> engines = new LinkedHashMap<>();
		if (prompts == null) {
			return engines;
		}
		for (LabelValue value : config.allValues()) {
			Prompt prompt = value.prompt() == null ? null : prompts.get(value.prompt());
			if (prompt != null) {
				engines.putIfAbsent(prompt.engine() == Prompt.Engine.LLM ? "the LLM prompts" : "the built-in prompts",
						value.element().attribute("prompt"));
			}
		}
		return engines;
	}

	/**
	 * Each {@code prompt} attribute names a known prompt of the kind its place takes (entity prompts on the labels
	 * of Labels controls, classification prompts on choices, relation prompts on relations) giving that very value;
	 * LLM prompts need an endpoint.
	 */
	private void checkPrompts(LabelingConfig config, Reporter r) {
		for (ControlTag control : config.controlTags()) {
			boolean labels = Tags.LABEL_CONTROLS.contains(control.type());
			boolean choices = "choices".equals(control.type());
			for (LabelValue value : control.values()) {
				Prompt.Kind fits = labels && !value.assertion() ? Prompt.Kind.ENTITY
						: choices ? Prompt.Kind.CLASSIFICATION : null;
				checkPrompt(value, fits, r);
			}
		}
		for (LabelValue relation : config.relations()) {
			checkPrompt(relation, Prompt.Kind.RELATION, r);
		}
	}

	private void checkPrompt(LabelValue value, Prompt.Kind fits, Reporter r) {
		if (value.prompt() == null) {
			return;
		}
		ConfigAttribute attribute = value.element().attribute("prompt");
		Prompt prompt = prompts.get(value.prompt());
		String tag = "<" + value.element().tag() + ">";
		if (prompt == null) {
			List<String> names = new ArrayList<>(prompts.keySet());
			names.sort(null);
			r.report(PROMPT_UNKNOWN, Severity.ERROR, "prompt '" + value.prompt() + "' is neither in the project's"
					+ " prompts/ nor in the prompt library" + (names.isEmpty() ? "" : " (known: "
							+ abbreviate(String.join(", ", names)) + ")"),
					attribute.valueStart(), attribute.valueEnd(), Map.of("prompt", value.prompt()));
			return;
		}
		String kind = prompt.kind().name().toLowerCase(Locale.ROOT);
		if (prompt.kind() != fits) {
			String takes = fits == null ? "no prompt (assertion labels and this control are not pre-annotated by prompts)"
					: "a" + (fits == Prompt.Kind.ENTITY ? "n " : " ") + fits.name().toLowerCase(Locale.ROOT) + " prompt";
			r.report(PROMPT_WRONG_KIND, Severity.ERROR, "prompt '" + prompt.name() + "' is a" + (prompt.kind()
					== Prompt.Kind.ENTITY ? "n " : " ") + kind + " prompt: this " + tag + " takes " + takes,
					attribute.valueStart(), attribute.valueEnd(), Map.of("prompt", prompt.name()));
		} else if (value.value() != null && !prompt.label().equals(value.value())) {
			r.report(PROMPT_LABEL_MISMATCH, Severity.ERROR, "prompt '" + prompt.name() + "' gives '" + prompt.label()
					+ "', not '" + value.value() + "'", attribute.valueStart(), attribute.valueEnd(),
					Map.of("prompt", prompt.name(), "label", prompt.label()));
		}
		if (prompt.engine() == Prompt.Engine.LLM && !llmConfigured) {
			r.report(PROMPT_NO_LLM, Severity.ERROR, "prompt '" + prompt.name() + "' runs on an LLM, and no LLM endpoint"
					+ " is configured (base URL and model: LABELBENCH_LLM_BASE_URL and LABELBENCH_LLM_MODEL on the"
					+ " command line, the LLM preferences in the workbench)", attribute.valueStart(),
					attribute.valueEnd(), Map.of("prompt", prompt.name()));
		}
	}

	private static boolean needsNoEmbeddings(ModelInfo.Model model) {
		return model.isAssertion() || model.isRelation();
	}

	/**
	 * Whether the model's kind fits the value naming it: assertion models on labels with {@code assertion="true"},
	 * relation models on {@code <Relation>} values, NER and classification models on the other labels and
	 * choices. Reports a mismatch and returns {@code false}.
	 */
	private static boolean checkKind(LabelValue value, ModelInfo.Model model, ConfigAttribute attribute, Reporter r) {
		String name = value.model();
		boolean relation = value.element().key().equals("relation");
		String kind = model.task() == null ? "an NER or classification" : article(model.task());
		String message;
		Map<String, String> fix = Map.of("model", name);
		if (relation) {
			if (model.isRelation()) {
				return true;
			}
			message = "relation '" + value.value() + "' names model '" + name + "', which is " + kind
					+ " model: a <Relation> takes a relation model";
		} else if (value.assertion()) {
			if (model.isAssertion()) {
				return true;
			}
			message = "assertion label '" + value.value() + "' names model '" + name + "', which is " + kind
					+ " model: an assertion label takes an assertion model";
		} else if (model.isAssertion() && !value.element().key().equals("label")) {
			message = "model '" + name + "' is an assertion model: it sets the status of entity chunks and cannot fill"
					+ " a <" + value.element().tag() + ">";
		} else if (model.isAssertion()) {
			message = "model '" + name + "' is an assertion model: label '" + value.value()
					+ "' must have assertion=\"true\" to take its status";
			ConfigAttribute v = value.element().attribute("value");
			int insertAt = v != null ? v.valueEnd() + 1 : value.element().nameEnd();
			fix = Map.of("model", name, "insertAt", Integer.toString(insertAt), "insert", " assertion=\"true\"");
		} else if (model.isRelation()) {
			message = "model '" + name + "' is a relation model: name it on a <Relation value=…> inside <Relations>,"
					+ " not on <" + value.element().tag() + ">";
		} else {
			return true;
		}
		r.report(MODEL_WRONG_KIND, Severity.ERROR, message, attribute.valueStart(), attribute.valueEnd(), fix);
		return false;
	}

	private static String article(String task) {
		return ("aeiou".indexOf(task.isEmpty() ? 'x' : task.charAt(0)) >= 0 ? "an " : "a ") + task;
	}

	/**
	 * Assertion and relation models work on the chunks of NER labels: the labels they name must be offered by a
	 * Labels control, or the model has nothing to work on. All missing is an error, some missing a warning.
	 */
	private static void checkEntityLabels(LabelingConfig config, List<String> names,
			Map<String, Optional<ModelInfo.Model>> known, Map<String, ConfigAttribute> firstUse, Reporter r) {
		Set<String> offered = null;
		for (String name : names) {
			Optional<ModelInfo.Model> model = known.get(name);
			if (model.isEmpty() || !needsNoEmbeddings(model.get()) || model.get().entityLabels().isEmpty()) {
				continue;
			}
			if (offered == null) {
				offered = entityLabelsOf(config);
				if (offered == null) {
					return; // labels come from task data: any may be there
				}
			}
			Set<String> missing = new TreeSet<>(model.get().entityLabels());
			missing.removeAll(offered);
			if (missing.isEmpty()) {
				continue;
			}
			boolean none = missing.size() == model.get().entityLabels().size();
			ConfigAttribute attribute = firstUse.get(name);
			String what = model.get().isRelation() ? "relates" : "qualifies";
			String message = "model '" + name + "' " + what + " chunks of " + String.join(", ",
					new TreeSet<>(model.get().entityLabels())) + "; the config has no NER label " + String.join(", ", missing)
					+ (none ? ", so the model has nothing to work on" : ", so chunks of those are never " + (model.get()
							.isRelation() ? "related" : "qualified"));
			r.report(MODEL_ENTITIES_MISSING, none ? Severity.ERROR : Severity.WARNING, message, attribute.valueStart(),
					attribute.valueEnd(), Map.of("model", name, "labels", String.join(",", missing)));
		}
	}

	/** The NER labels the Labels controls offer (assertion labels left out), or {@code null} when any is dynamic. */
	private static Set<String> entityLabelsOf(LabelingConfig config) {
		Set<String> labels = new HashSet<>();
		for (ControlTag control : config.controlTags()) {
			if (!Tags.LABEL_CONTROLS.contains(control.type())) {
				continue;
			}
			if (control.dynamic()) {
				return null;
			}
			for (LabelValue value : control.values()) {
				if (!value.assertion() && value.value() != null) {
					labels.add(value.value());
					if (value.alias() != null) {
						labels.add(value.alias());
					}
				}
			}
		}
		return labels;
	}

	private Optional<ModelInfo.Model> lookup(String name) {
		Optional<ModelInfo.Model> model = models.lookup(name);
		return model == null ? Optional.empty() : model;
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
	}

	/** The entity names a model predicts: NER tags without their IOB/BIOES prefix, and no {@code O}. */
	static Set<String> entities(ModelInfo.Model model) {
		Set<String> entities = new TreeSet<>();
		if (model.isAssertion() || model.isRelation()) {
			// statuses and relation labels are names as they are ("associated_with_someone_else", "DRUG-DOSAGE")
			entities.addAll(model.labels());
			return entities;
		}
		for (String tag : model.labels()) {
			if (tag.equals("O")) {
				continue;
			}
			if (tag.length() > 2 && tag.charAt(1) == '-' && "BIESLU".indexOf(tag.charAt(0)) >= 0) {
				entities.add(tag.substring(2));
			} else {
				entities.add(tag);
			}
		}
		return entities;
	}

	private void checkUsage(LabelingConfig config, Reporter r) {
		if (labelUsage.isEmpty()) {
			return;
		}
		Set<String> values = new HashSet<>();
		for (ControlTag control : config.controlTags()) {
			if (control.dynamic()) {
				// labels come from task data: any label may still be valid
				return;
			}
			for (LabelValue value : control.values()) {
				values.add(value.value());
				values.add(value.alias());
			}
		}
		for (LabelValue relation : config.relations()) {
			values.add(relation.value());
		}
		ConfigElement root = config.root();
		int start = root == null ? 0 : root.nameStart();
		int end = root == null ? 0 : root.nameEnd();
		for (Map.Entry<String, Integer> usage : new java.util.TreeMap<>(labelUsage).entrySet()) {
			if (usage.getValue() > 0 && !values.contains(usage.getKey())) {
				int n = usage.getValue();
				r.report(LABEL_USED_BY_TASKS, Severity.WARNING, "label '" + usage.getKey() + "' is used in " + n
						+ (n == 1 ? " task" : " tasks") + " (predictions or completions) but the config no longer has it",
						start, end, Map.of("label", usage.getKey(), "tasks", Integer.toString(n)));
			}
		}
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 57) + "…";
	}

	/** {@code FILE:LINE:COLUMN: error|warning|info: message [code]}, the form compilers and editors understand. */
	public static String format(Path file, Diagnostic d) {
		return file + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": " + d.message() + " ["
				+ d.code() + "]";
	}

	/** The diagnostics of one file as a JSON array of objects with the fields of {@link #format}. */
	public static ArrayNode toJson(Path file, List<Diagnostic> diagnostics) {
		ArrayNode array = Json.nodes().arrayNode();
		for (Diagnostic d : diagnostics) {
			ObjectNode node = array.addObject();
			node.put("file", file.toString());
			node.put("line", d.line());
			node.put("column", d.column());
			node.put("severity", d.severity().label());
			node.put("message", d.message());
			node.put("code", d.code());
			node.put("startOffset", d.startOffset());
			node.put("endOffset", d.endOffset());
			if (!d.fix().isEmpty()) {
				ObjectNode fix = node.putObject("fix");
				new java.util.TreeMap<>(d.fix()).forEach(fix::put);
			}
		}
		return array;
	}

	/** {@link #toJson(Path, List)} as text. */
	public static String formatJson(Path file, List<Diagnostic> diagnostics) {
		try {
			return Json.mapper().writeValueAsString(toJson(file, diagnostics));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("JSON of diagnostics", e);
		}
	}
}
