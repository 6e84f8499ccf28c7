package io.labelbench.protocol;

import java.util.List;
import java.util.Locale;

import io.labelbench.rules.engine.Prompt;

/**
 * The answer to {@code GET /info}: what a server runs and how it is doing.
 *
 * <pre>
 * {"name": "sample", "modelVersion": "...", "specHash": "1a2b3c4d5e6f7a8b",
 *  "models": [{"name": "ner_clinical_labelbench", "kind": "ner", "labels": ["PROBLEM", "TEST", "TREATMENT"]},
 *             {"name": "assertion_clinical_labelbench", "kind": "assertion", "labels": ["absent", ...]}],
 *  "rules": 2, "prompts": [{"name": "symptom", "kind": "entity", "engine": "builtin", "label": "SYMPTOM"}],
 *  "labels": ["DRUG", "PROBLEM", ...], "assertionLabels": ["absent", "possible"],
 *  "relationLabels": ["DRUG-DOSAGE"],
 *  "limits": {"maxModels": 5, "maxTexts": 10000, "maxRequestBytes": 8388608, "maxRequestSeconds": 600},
 *  "versions": {"sparkNlp": "5.5.3", "spark": "3.5.7", "java": "17.0.12"}, "pid": 4242, "heapUsed": 1,
 *  "heapMax": 2, "uptimeSeconds": 3, "busy": false, "tasksDone": 120, "lastUsed": 1732000000000}
 * </pre>
 *
 * {@code labels} are the entity and class labels the server gives, {@code assertionLabels} the assertion statuses
 * and {@code relationLabels} the relation labels, each as the spec allows them. Fields a server does not send
 * (an older one) read as empty lists, zeros and nulls.
 *
 * @param rules   how many rules the server runs
 * @param prompts the prompts it runs (never an endpoint's key or address)
 */
public record ServerInfo(String name, String modelVersion, String specHash, List<ModelInfo> models, int rules,
		List<String> labels, List<String> assertionLabels, List<String> relationLabels, Limits limits,
		Versions versions, long pid, long heapUsed, long heapMax, long uptimeSeconds, boolean busy, long tasksDone,
		long lastUsed, List<PromptInfo> prompts) {

	/**
	 * One model of the server.
	 *
	 * @param kind {@code ner}, {@code classification}, {@code assertion} or {@code relation}
	 * @param labels what the model can give (read from the model, not limited by the spec)
	 */
	public record ModelInfo(String name, String kind, List<String> labels) {
		public ModelInfo {
			labels = labels == null ? List.of() : List.copyOf(labels);
		}
	}

	/**
	 * One prompt of the server.
	 *
	 * @param kind   {@code entity}, {@code classification} or {@code relation}
	 * @param engine {@code builtin} (the embedding model in the server) or {@code llm} (an OpenAI-compatible endpoint)
	 * @param label  the label, choice or relation it gives
	 */
	public record PromptInfo(String name, String kind, String engine, String label) {
		/** What a server says of a prompt: its name, kind, engine and label, nothing of its endpoint. */
		public static PromptInfo of(Prompt prompt) {
			return new PromptInfo(prompt.name(), prompt.kind().name().toLowerCase(Locale.ROOT),
					prompt.engine().name().toLowerCase(Locale.ROOT), prompt.label());
		}

		/** {@code symptom (entity, builtin)}. */
		@Override
		public String toString() {
			return name + " (" + kind + ", " + engine + ")";
		}
	}

	/** What one server accepts. */
	public record Limits(int maxModels, int maxTexts, long maxRequestBytes, long maxRequestSeconds) {
	}

	public record Versions(String sparkNlp, String spark, String java) {
	}

	public ServerInfo {
		models = models == null ? List.of() : List.copyOf(models);
		labels = labels == null ? List.of() : List.copyOf(labels);
		assertionLabels = assertionLabels == null ? List.of() : List.copyOf(assertionLabels);
		relationLabels = relationLabels == null ? List.of() : List.copyOf(relationLabels);
		prompts = prompts == null ? List.of() : List.copyOf(prompts);
	}

	/** A server's answer without prompts. */
	public ServerInfo(String name, String modelVersion, String specHash, List<ModelInfo> models, int rules,
			List<String> labels, List<String> assertionLabels, List<String> relationLabels, Limits limits,
			Versions versions, long pid, long heapUsed, long heapMax, long uptimeSeconds, boolean busy, long tasksDone,
			long lastUsed) {
		this(name, modelVersion, specHash, models, rules, labels, assertionLabels, relationLabels, limits, versions, pid,
				heapUsed, heapMax, uptimeSeconds, busy, tasksDone, lastUsed, List.of());
	}

	/** The names of the models, in the spec's order. */
	public List<String> modelNames() {
		return models.stream().map(ModelInfo::name).toList();
	}
}
