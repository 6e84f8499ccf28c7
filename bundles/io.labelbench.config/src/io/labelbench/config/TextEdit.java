package io.labelbench.config;

/** Replace {@code length} characters at {@code offset} by {@code replacement}: one undoable editor change. */
public record TextEdit(int offset, int length, String replacement) {

	public String apply(String text) {
		return text.substring(0, offset) + replacement + text.substring(offset + length);
	}
}
