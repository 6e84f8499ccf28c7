package io.labelbench.config;

import java.util.Map;
import java.util.Objects;

/**
 * One finding in a labeling config: a stable {@code code}, a severity, a message, the 1-based line and
 * column of its start and its {@code [startOffset, endOffset)} range in the text, and optional quick-fix
 * data (keys depend on the code, e.g. {@code objects} for a bad {@code toName}).
 */
public record Diagnostic(String code, Severity severity, String message, int line, int column, int startOffset,
		int endOffset, Map<String, String> fix) {

	public Diagnostic {
		Objects.requireNonNull(code);
		Objects.requireNonNull(severity);
		Objects.requireNonNull(message);
		fix = fix == null ? Map.of() : Map.copyOf(fix);
		if (startOffset < 0 || endOffset < startOffset) {
			throw new IllegalArgumentException("bad range " + startOffset + ".." + endOffset);
		}
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}
}
