package io.labelbench.config;

import java.util.Locale;

/**
 * An attribute as written: its name, its value with character and predefined entity references resolved,
 * the range of the name and the range of the value between the quotes (both {@code [start, end)} offsets).
 */
public record ConfigAttribute(String name, String value, int nameStart, int nameEnd, int valueStart, int valueEnd) {

	/** The name in lower case: Label Studio matches attribute names case-insensitively. */
	public String key() {
		return name.toLowerCase(Locale.ROOT);
	}
}
