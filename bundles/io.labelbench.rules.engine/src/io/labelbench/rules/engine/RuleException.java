package io.labelbench.rules.engine;

/** A rule that cannot be read or run; the message names the rule (and file) and says what is wrong. */
public class RuleException extends Exception {

	private static final long serialVersionUID = 1L;

	public RuleException(String message) {
		super(message);
	}

	public RuleException(String message, Throwable cause) {
		super(message, cause);
	}
}
