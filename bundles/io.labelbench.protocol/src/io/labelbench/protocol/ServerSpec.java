package io.labelbench.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.Rule;

/**
 * What a pre-annotation server runs, as the workbench derives it from a project's labeling config (written to
 * {@code spec.json} next to the server's log):
 *
 * <pre>
 * {"name": "sample", "modelVersion": "ner_posology_labelbench@1732000000000+rules@1a2b3c4d",
 *  "embeddings": [{"name": "w2v_labelbench_100d", "path": "/cache/w2v_labelbench_100d_en_5.5.3_3.5_..."}],
 *  "models": [{"name": "ner_posology_labelbench", "path": "...", "fromName": "label", "toName": "text",
 *              "labels": ["DRUG", "DOSAGE"]}],
 *  "rules": [{"name": "mg", "label": "STRENGTH", "type": "REGEX", "pattern": "\\d+ mg", "terms": [],
 *             "caseSensitive": false, "wholeWord": true, "fromName": "label", "toName": "text"},
 *            {"name": "negation", "type": "ASSERTION", "fromName": "label", "toName": "text", "assertion":
 *             {"triggers": [], "triggerSet": "clinical_en", "terminators": [], "window": 8,
 *              "entityLabels": ["PROBLEM"], "markPresent": false}, …},
 *            {"name": "dose", "label": "DRUG-DOSAGE", "type": "RELATION", "fromName": "label", "toName": "text",
 *             "relation": {"fromLabel": "DRUG", "toLabel": "DOSAGE", "maxTokens": 6}, …}],
 *  "prompts": [{"prompt": {"name": "problem", "kind": "ENTITY", "label": "PROBLEM", "engine": "BUILTIN",
 *               "description": "a disease or symptom", "examples": ["chest pain"], "counterExamples": [],
 *               "head": null, "tail": null, "threshold": 0.3}, "fromName": "label", "toName": "text"}],
 *  "llm": {"baseUrl": "http://127.0.0.1:11434/v1", "model": "llama3"}}
 * </pre>
 *
 * A model's {@code labels} are the config labels it may produce (its other labels are dropped); empty means all.
 * The prompts the config names travel whole (the server never reads a prompt library); {@code llm} is the endpoint
 * of the LLM prompts, never its key (the server process gets that in its environment).
 * <p>
 * The one definition of the spec for both sides: the workbench writes it, the server reads it. Plain records
 * without annotations, so that each side maps them with its own Jackson (2.20 in the workbench, Spark's 2.15 in
 * the server; both map records by their components).
 */
public record ServerSpec(String name, String modelVersion, List<ModelRef> embeddings, List<ModelSpec> models,
		List<RuleSpec> rules, List<PromptSpec> prompts, LlmEndpoint llm) {

	/** At most this many models (NER and classification) in one server, as in Generative AI Lab. */
	public static final int MAX_MODELS = 5;

	public record ModelRef(String name, String path) {
	}

	public record ModelSpec(String name, String path, String fromName, String toName, List<String> labels) {
		public ModelSpec {
			labels = labels == null ? List.of() : List.copyOf(labels);
		}
	}

	/**
	 * A rule: regex and dictionary rules fill {@code label} in the Labels control {@code fromName}; an assertion rule
	 * ({@code assertion} set, no label) gives the entities of {@code toName} statuses that are labels of
	 * {@code fromName}; a relation rule ({@code relation} set) relates them with the relation {@code label}.
	 */
	public record RuleSpec(String name, String label, Rule.Type type, String pattern, List<String> terms,
			boolean caseSensitive, boolean wholeWord, String fromName, String toName, Rule.Assertion assertion,
			Rule.Relation relation) {

		/** A regex or dictionary rule. */
		public RuleSpec(String name, String label, Rule.Type type, String pattern, List<String> terms,
				boolean caseSensitive, boolean wholeWord, String fromName, String toName) {
			this(name, label, type, pattern, terms, caseSensitive, wholeWord, fromName, toName, null, null);
		}

		public Rule rule() {
			return new Rule(name, label, type, pattern, terms == null ? List.of() : terms, caseSensitive, wholeWord,
					assertion, relation);
		}
	}

	/**
	 * A prompt the config names: entity prompts fill {@code prompt.label} in the Labels control {@code fromName},
	 * classification prompts the choice in the Choices control {@code fromName}; relation prompts relate the entities
	 * of the Labels control {@code fromName}. {@code toName} is the object.
	 */
	public record PromptSpec(Prompt prompt, String fromName, String toName) {
	}

	/** An OpenAI-compatible chat-completions endpoint: base URL and model; the API key is never part of a spec. */
	public record LlmEndpoint(String baseUrl, String model) {
	}

	/** A spec without prompts. */
	public ServerSpec(String name, String modelVersion, List<ModelRef> embeddings, List<ModelSpec> models,
			List<RuleSpec> rules) {
		this(name, modelVersion, embeddings, models, rules, List.of(), null);
	}

	public ServerSpec {
		embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
		models = models == null ? List.of() : List.copyOf(models);
		rules = rules == null ? List.of() : List.copyOf(rules);
		prompts = prompts == null ? List.of() : List.copyOf(prompts);
	}

	/** What makes this spec impossible to run, in words for the user. */
	public List<String> problems() {
		List<String> out = new ArrayList<>();
		if (models.isEmpty() && rules.isEmpty() && prompts.isEmpty()) {
			out.add("nothing to run: no models, rules or prompts");
		}
		if (models.size() > MAX_MODELS) {
			out.add(models.size() + " models, a server runs at most " + MAX_MODELS);
		}
		for (ModelSpec m : models) {
			if (m.name() == null || m.path() == null || m.fromName() == null || m.toName() == null) {
				out.add("a model needs name, path, fromName and toName: " + m);
			}
		}
		for (RuleSpec r : rules) {
			if (r.label() == null && r.type() != Rule.Type.ASSERTION || r.type() == null || r.fromName() == null
					|| r.toName() == null) {
				out.add("a rule needs label, type, fromName and toName: " + r);
			} else if (r.type() == Rule.Type.ASSERTION && r.assertion() == null
					|| r.type() == Rule.Type.RELATION && r.relation() == null) {
				out.add("an assertion or relation rule needs its parameters: " + r);
			}
		}
		for (PromptSpec p : prompts) {
			if (p.prompt() == null || p.fromName() == null || p.toName() == null) {
				out.add("a prompt needs its definition, fromName and toName: " + p);
			} else if (p.prompt().engine() == Prompt.Engine.LLM && (llm == null || llm.baseUrl() == null
					|| llm.model() == null)) {
				out.add("prompt '" + p.prompt().name() + "' needs an LLM endpoint (base URL and model)");
			}
		}
		return out;
	}

	public String modelVersion() {
		return Objects.requireNonNullElse(modelVersion, "labelbench-server");
	}
}
