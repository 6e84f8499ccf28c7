package io.labelbench.preannotate.server;

/** The server cannot be talked to at all: not running, connection broken, or the token refused. */
public class ServerUnreachableException extends ServerException {
	private static final long serialVersionUID = 1L;

	public ServerUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}
}
