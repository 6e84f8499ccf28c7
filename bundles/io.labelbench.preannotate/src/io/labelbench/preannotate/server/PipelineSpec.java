package io.labelbench.preannotate.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ConfigValidator;
import io.labelbench.config.ControlTag;
import io.labelbench.config.Diagnostic;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.config.ModelInfo;
import io.labelbench.core.json.Json;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelRef;
import io.labelbench.protocol.ServerSpec.LlmEndpoint;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelCache;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.Rule;

/**
 * The pipeline a pre-annotation server runs, derived from a project's labeling config: every model named by a
 * {@code model} attribute of a Label or Choice (with the config labels it fills), the word embeddings those models
 * were trained with, the project's rules (each filling the Labels control that offers its label), and the prompts
 * named by {@code prompt} attributes (whole, with the LLM endpoint's base URL and model when one runs on an LLM). The JSON
 * written for the server is the protocol's {@link ServerSpec}, the records the server reads.
 * <p>
 * A spec with {@link #problems()} must not be deployed: config errors, more than {@value #MAX_MODELS} models,
 * models or embeddings not downloaded, rules whose label no control offers (for assertion rules: statuses that are
 * not assertion labels; for relation rules: a label that is not a {@code <Relation>}).
 */
public final class PipelineSpec {
	/** Generative AI Lab's limit, kept: one server runs at most this many models. */
	public static final int MAX_MODELS = ServerSpec.MAX_MODELS;

	private final ObjectNode json;
	private final List<String> problems;
	private final List<String> models;
	private final Set<String> labels;
	private final String modelVersion;
	private final String dataField;

	private PipelineSpec(ObjectNode json, List<String> problems, List<String> models, Set<String> labels,
			String modelVersion, String dataField) {
		this.dataField = dataField;
		this.json = json;
		this.problems = List.copyOf(problems);
		this.models = List.copyOf(models);
		this.labels = Set.copyOf(labels);
		this.modelVersion = modelVersion;
	}

	/** The spec's JSON, as the server reads it. */
	public ObjectNode json() {
		return json.deepCopy();
	}

	public List<String> problems() {
		return problems;
	}

	/** Digest of the spec: servers record it, and a server whose digest differs from the current spec's is stale. */
	public String hash() {
		return digest(json.toString());
	}

	/** Names of the models, in config order. */
	public List<String> models() {
		return models;
	}

	/** Config labels the models and rules fill. */
	public Set<String> labels() {
		return labels;
	}

	/** Changes with any model download or rule edit: predictions carry it as model_version. */
	public String modelVersion() {
		return modelVersion;
	}

	/** The task data field the server's texts come from ({@code text} for {@code <Text value="$text">}). */
	public String dataField() {
		return dataField;
	}

	/** What the config validator knows about the models of a local cache. */
	public static ModelInfo modelInfo(ModelCache cache) {
		Map<String, ModelInfo.Model> known = new HashMap<>();
		try {
			for (InstalledModel model : cache.installed()) {
				known.put(model.name(), new ModelInfo.Model(Set.copyOf(model.metadata().labels()),
						model.metadata().embeddings(), 0, model.metadata().task(), Set.copyOf(model.metadata().entityLabels())));
			}
		} catch (IOException e) {
			// an unreadable cache is an empty one: the validator then reports the models as not downloaded
		}
		return name -> Optional.ofNullable(known.get(name));
	}

	public static PipelineSpec derive(String name, Path configFile, ModelCache cache, List<Rule> rules)
			throws IOException {
		return derive(name, configFile, cache, rules, List.of(), null);
	}

	/**
	 * @param prompts the prompts the project can name (its own first: of two with one name the first is used)
	 * @param llm     the LLM endpoint of the workspace or command line, or {@code null} when none is configured
	 */
	public static PipelineSpec derive(String name, Path configFile, ModelCache cache, List<Rule> rules,
			List<Prompt> prompts, LlmEndpoint llm) throws IOException {
		LabelingConfig config = LabelingConfig.read(configFile);
		List<String> problems = new ArrayList<>();
		Map<String, Prompt> known = new LinkedHashMap<>();
		prompts.forEach(p -> known.putIfAbsent(p.name(), p));
		for (Diagnostic d : new ConfigValidator(modelInfo(cache), Map.of(), false).withPrompts(known, llm != null)
				.validate(config)) {
			if (d.isError()) {
				problems.add(configFile.getFileName() + ":" + d.line() + ":" + d.column() + ": " + d.message());
			}
		}
		List<ModelRef> embeddings = new ArrayList<>();
		List<ModelSpec> modelList = new ArrayList<>();
		List<RuleSpec> ruleList = new ArrayList<>();
		Set<String> embeddingNames = new LinkedHashSet<>();
		Map<String, InstalledModel> installed = new LinkedHashMap<>();
		Set<String> labels = new TreeSet<>();
		List<String> embeddingVersions = new ArrayList<>();

		Map<ControlTag, Map<String, List<String>>> byControl = new LinkedHashMap<>();
		for (ControlTag control : config.controlTags()) {
			Map<String, List<String>> byModel = byControl.computeIfAbsent(control, c -> new LinkedHashMap<>());
			for (LabelValue value : control.values()) {
				if (value.model() != null && value.value() != null) {
					byModel.computeIfAbsent(value.model(), m -> new ArrayList<>()).add(value.value());
				}
			}
		}
		// a relation model is named by <Relation> values; it runs on the entities of the Labels control holding
		// the labels it relates (the first Labels control on an object when the config lacks them: the validator
		// reports that)
		for (LabelValue relation : config.relations()) {
			if (relation.model() == null || relation.value() == null) {
				continue;
			}
			ControlTag holder = ContextRuleSpecs.holderOfAny(config, cache.find(relation.model())
					.map(m -> m.metadata().entityLabels()).orElse(List.of()));
			if (holder == null) {
				problems.add("relation model '" + relation.model() + "': the config has no Labels control on an object");
				continue;
			}
			byControl.get(holder).computeIfAbsent(relation.model(), m -> new ArrayList<>()).add(relation.value());
		}
		for (Map.Entry<ControlTag, Map<String, List<String>>> entry : byControl.entrySet()) {
			ControlTag control = entry.getKey();
			Map<String, List<String>> byModel = entry.getValue();
			for (Map.Entry<String, List<String>> e : byModel.entrySet()) {
				String model = e.getKey();
				Optional<InstalledModel> found = cache.find(model);
				if (found.isEmpty()) {
					problems.add("model '" + model + "' is not downloaded: download it in the Models Hub");
					continue;
				}
				if (control.toNames().isEmpty()) {
					continue; // reported by the validator
				}
				installed.putIfAbsent(model, found.get());
				modelList.add(new ModelSpec(model, found.get().folder().toAbsolutePath().toString(), control.name(),
						control.toNames().get(0), e.getValue()));
				labels.addAll(e.getValue());
				String ref = found.get().metadata().embeddings();
				if (ref != null && embeddingNames.add(ref)) {
					Optional<InstalledModel> emb = cache.find(ref);
					if (emb.isEmpty()) {
						problems.add("model '" + model + "' needs the embeddings '" + ref
								+ "', which are not downloaded: download them in the Models Hub");
					} else {
						embeddings.add(new ModelRef(ref, emb.get().folder().toAbsolutePath().toString()));
						embeddingVersions.add(ref + "@" + emb.get().entry().time().toEpochMilli());
					}
				}
			}
		}
		if (installed.size() > MAX_MODELS) {
			problems.add("the config names " + installed.size() + " models (" + String.join(", ", installed.keySet())
					+ "); a pre-annotation server runs at most " + MAX_MODELS);
		}
		// models, then the embeddings they run on, then the rules
		List<String> versionParts = new ArrayList<>();
		installed.forEach((n, m) -> versionParts.add(n + "@" + m.entry().time().toEpochMilli()));
		versionParts.addAll(embeddingVersions);

		for (Rule rule : rules) {
			if (!rule.type().findsSpans()) {
				RuleSpec spec = ContextRuleSpecs.spec(rule, config, problems);
				if (spec != null) {
					ruleList.add(spec);
					labels.addAll(ContextRuleSpecs.labels(rule));
				}
				continue;
			}
			ControlTag target = null;
			for (ControlTag control : config.controlTags()) {
				if (control.type().endsWith("labels") && !control.toNames().isEmpty()
						&& config.valuesOf(control.name()).contains(rule.label())) {
					target = control;
					break;
				}
			}
			if (target == null) {
				problems.add("rule '" + rule.name() + "' labels '" + rule.label()
						+ "', which no Labels control of the config offers");
				continue;
			}
			ruleList.add(new RuleSpec(rule.name(), rule.label(), rule.type(), rule.pattern(), rule.terms(),
					rule.caseSensitive(), rule.wholeWord(), target.name(), target.toNames().get(0)));
			labels.add(rule.label());
		}
		if (!rules.isEmpty()) {
			versionParts.add("rules@" + digest(Json.mapper().valueToTree(ruleList).toString()));
		}
		List<PromptSpec> promptList = promptSpecs(config, known);
		promptList.forEach(p -> labels.add(p.prompt().label()));
		boolean usesLlm = promptList.stream().anyMatch(p -> p.prompt().engine() == Prompt.Engine.LLM);
		LlmEndpoint endpoint = usesLlm ? llm : null;
		if (!promptList.isEmpty()) {
			// the endpoint's model is part of the version: another LLM gives other answers
			versionParts.add("prompts@" + digest(Json.mapper().valueToTree(promptList).toString()
					+ (endpoint == null ? "" : "\u0000" + endpoint.model())));
		}
		if (installed.isEmpty() && rules.isEmpty() && promptList.isEmpty() && problems.isEmpty()) {
			problems.add("nothing to deploy: no Label or Choice of the config names a model or a prompt (attributes"
					+ " model, prompt) and the project has no rules");
		}
		String modelVersion = String.join("+", versionParts);
		ObjectNode json = Json.mapper().valueToTree(new ServerSpec(name, modelVersion, embeddings, modelList, ruleList,
				promptList, endpoint));
		String toName = !modelList.isEmpty() ? modelList.get(0).toName()
				: !ruleList.isEmpty() ? ruleList.get(0).toName()
						: !promptList.isEmpty() ? promptList.get(0).toName() : null;
		String field = toName == null ? null : config.dataFieldOf(toName);
		return new PipelineSpec(json, problems, new ArrayList<>(installed.keySet()), labels, modelVersion,
				field == null ? "text" : field);
	}

	/**
	 * The prompts named where they fit (the validator reports the others): entity prompts on the labels of a Labels
	 * control, classification prompts on choices, relation prompts on relations (run on the entities of the Labels
	 * control holding their head and tail labels).
	 */
	private static List<PromptSpec> promptSpecs(LabelingConfig config, Map<String, Prompt> known) {
		List<PromptSpec> out = new ArrayList<>();
		for (ControlTag control : config.controlTags()) {
			if (control.toNames().isEmpty()) {
				continue;
			}
			boolean labels = control.type().endsWith("labels");
			for (LabelValue value : control.values()) {
				Prompt prompt = value.prompt() == null ? null : known.get(value.prompt());
				if (prompt != null && prompt.label().equals(value.value()) && (labels && !value.assertion()
						&& prompt.kind() == Prompt.Kind.ENTITY
						|| control.type().equals("choices") && prompt.kind() == Prompt.Kind.CLASSIFICATION)) {
					out.add(new PromptSpec(prompt, control.name(), control.toNames().get(0)));
				}
			}
		}
		for (LabelValue relation : config.relations()) {
			Prompt prompt = relation.prompt() == null ? null : known.get(relation.prompt());
			if (prompt == null || prompt.kind() != Prompt.Kind.RELATION || !prompt.label().equals(relation.value())) {
				continue;
			}
			ControlTag holder = ContextRuleSpecs.holderOfAny(config, List.of(prompt.head(), prompt.tail()));
			if (holder != null) {
				out.add(new PromptSpec(prompt, holder.name(), holder.toNames().get(0)));
			}
		}
		return out;
	}

	/** A short digest of a text, for versions and spec comparison. */
	public static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 6);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
