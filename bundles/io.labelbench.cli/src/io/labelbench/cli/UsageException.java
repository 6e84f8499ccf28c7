package io.labelbench.cli;

/** A command line that cannot be run as given; the message is shown with a pointer to --help. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
