package io.labelbench.config;

import java.util.Locale;

/** How bad a {@link Diagnostic} is; errors block deploy and pre-annotation. */
public enum Severity {
	ERROR, WARNING, INFO;

	/** The lower-case word used in command-line and JSON output. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
