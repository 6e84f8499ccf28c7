package io.labelbench.rules.engine;

import java.util.List;

/**
 * Decides the assertion status of entity chunks ("chest pain" absent, possible, hypothetical …) from their context
 * in the text. Implemented by NegEx-style rules here and by the trained assertion models of the server, which run
 * one after the other on the entities of one text.
 */
public interface AssertionAnnotator {

	/** The status of one entity: {@code entity} is its index in the list given to {@link #assess}. */
	record Assertion(int entity, String status, double confidence) {
	}

	/**
	 * The statuses of the entities this annotator qualifies (others, e.g. of labels it does not know, are left
	 * out), at most one per entity, in any order.
	 *
	 * @param entities the text's entities, in text order
	 */
	List<Assertion> assess(String text, List<Entity> entities);

	/** The statuses this annotator can give, for the server's {@code /info}. */
	List<String> statuses();
}
