package io.labelbench.rules.engine;

import java.util.List;
import java.util.Objects;

/**
 * A zero-shot prompt: a label, choice or relation described in plain language, for the built-in embedding engine
 * or an LLM endpoint. Stored as JSON ({@code prompts/*.json} of a project, or the workspace prompt library), one
 * prompt or an array of them per file:
 * <pre>{"name": "problem", "kind": "entity", "label": "PROBLEM", "engine": "builtin",
 *  "description": "a disease, symptom or finding of the patient", "examples": ["chest pain"],
 *  "counterExamples": ["pain clinic"], "threshold": 0.3}
 *{"name": "cardiology", "kind": "classification", "label": "Cardiology", "engine": "builtin",
 *  "description": "a note about the heart or blood vessels", "threshold": 0.3}
 *{"name": "drug_dosage", "kind": "relation", "label": "DRUG-DOSAGE", "engine": "llm", "head": "DRUG",
 *  "tail": "DOSAGE", "description": "the amount of the drug taken at one time"}</pre>
 * A config names a prompt where it names a model: {@code <Label value="PROBLEM" prompt="problem"/>},
 * {@code <Choice value="Cardiology" prompt="cardiology"/>}, {@code <Relation value="DRUG-DOSAGE" prompt="drug_dosage"/>}.
 *
 * @param label           the entity label, choice or relation label the prompt gives
 * @param examples        phrases that are this label (entity prompts; optional)
 * @param counterExamples phrases that look alike but are not (entity prompts; optional)
 * @param head            the entity label a relation starts from (relation prompts only, else {@code null})
 * @param tail            the entity label a relation goes to (relation prompts only, else {@code null})
 * @param threshold       the lowest similarity the built-in engine accepts (0–1); ignored by LLM engines
 */
public record Prompt(String name, Kind kind, String label, Engine engine, String description, List<String> examples,
		List<String> counterExamples, String head, String tail, double threshold) {

	/** What a prompt finds. */
	public enum Kind {
		ENTITY, CLASSIFICATION, RELATION
	}

	/** What runs a prompt: the offline sentence-embedding model shipped with the server, or an LLM endpoint. */
	public enum Engine {
		BUILTIN, LLM
	}

	/** The threshold when a prompt file gives none. */
	public static final double DEFAULT_THRESHOLD = 0.3;

	public Prompt {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(label, "label");
		engine = engine == null ? Engine.BUILTIN : engine;
		description = description == null ? "" : description;
		examples = examples == null ? List.of() : List.copyOf(examples);
		counterExamples = counterExamples == null ? List.of() : List.copyOf(counterExamples);
	}
}
