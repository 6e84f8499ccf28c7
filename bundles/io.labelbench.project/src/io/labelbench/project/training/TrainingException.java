package io.labelbench.project.training;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Training was refused or failed; the message says why in the user's terms. A run whose JVM had started names the
 * log it left ({@link TrainingLog}).
 */
public final class TrainingException extends Exception {
	private static final long serialVersionUID = 1L;

	private final transient Path log;

	public TrainingException(String message) {
		this(message, null, null);
	}

	public TrainingException(String message, Throwable cause) {
		this(message, null, cause);
	}

	public TrainingException(String message, Path log, Throwable cause) {
		super(message, cause);
		this.log = log;
	}

	/** The failed or cancelled run's log, when its training JVM had started. */
	public Optional<Path> log() {
		return Optional.ofNullable(log);
	}
}
