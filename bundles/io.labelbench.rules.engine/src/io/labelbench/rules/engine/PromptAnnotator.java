package io.labelbench.rules.engine;

import java.util.List;

/**
 * Runs zero-shot {@link Prompt}s on one text: the built-in embedding engine of the server and LLM engines both
 * implement it. Entity spans come back with exact {@code [start, end)} offsets in UTF-16 units of the text given,
 * never overlapping; relation prompts are run through {@link RelationAnnotator} on the entities found.
 */
public interface PromptAnnotator {

	/** A choice a classification prompt gives the whole text, with the engine's confidence (0–1). */
	record Choice(String choice, String prompt, double confidence) {
	}

	/** An entity span a prompt found: {@code rule} of the match is the prompt's name. */
	record Span(RuleMatch match, double confidence) {
	}

	/** The entity spans the entity prompts find in the text, without overlaps, in text order. */
	List<Span> entities(String text) throws RuleException;

	/** The choices the classification prompts give the text (those over their threshold), best first. */
	List<Choice> classify(String text) throws RuleException;

	/** The prompts this annotator runs, for the server's {@code /info}. */
	List<Prompt> prompts();
}
