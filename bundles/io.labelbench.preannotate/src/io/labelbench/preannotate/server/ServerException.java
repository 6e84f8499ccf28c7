package io.labelbench.preannotate.server;

/** A pre-annotation server could not be deployed, reached or used; the message says why, for the user. */
public class ServerException extends Exception {
	private static final long serialVersionUID = 1L;

	public ServerException(String message) {
		super(message);
	}

	public ServerException(String message, Throwable cause) {
		super(message, cause);
	}
}
