package io.labelbench.rules.engine;

/**
 * An entity chunk of a text, as NER models and rules found it: {@code [start, end)} in UTF-16 units, with its label.
 * What assertion and relation annotators work on.
 */
public record Entity(int start, int end, String label) {
	public Entity {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("bad entity offsets [" + start + ", " + end + ")");
		}
	}
}
