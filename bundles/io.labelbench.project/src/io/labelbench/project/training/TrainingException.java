package io.labelbench.project.training;

/** Training was refused or failed; the message says why in the user's terms. */
public final class TrainingException extends Exception {
	private static final long serialVersionUID = 1L;

	public TrainingException(String message) {
		super(message);
	}

	public TrainingException(String message, Throwable cause) {
		super(message, cause);
	}
}
