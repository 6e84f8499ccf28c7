package io.labelbench.rules.engine;

import java.util.List;

/**
 * Finds relations between entity chunks of one sentence ("aspirin" → "100 mg": DRUG-STRENGTH). Implemented by
 * relation rules here and by the trained relation models of the server.
 */
public interface RelationAnnotator {

	/**
	 * A relation from one entity to another, {@code from} and {@code to} being indexes in the list given to
	 * {@link #relate}; as a result it is {@code {"type": "relation", "from_id", "to_id", "direction": "right",
	 * "labels": [label]}}.
	 */
	record Relation(int from, int to, String label, double confidence) {
	}

	/**
	 * The relations found, at most one per ordered pair of entities, in any order.
	 *
	 * @param entities the text's entities, in text order
	 */
	List<Relation> relate(String text, List<Entity> entities);

	/** The relation labels this annotator can give, for the server's {@code /info}. */
	List<String> labels();
}
