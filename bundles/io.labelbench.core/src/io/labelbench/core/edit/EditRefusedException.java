package io.labelbench.core.edit;

/** An edit the config or the text does not allow; the message says why, for the user. */
public final class EditRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public EditRefusedException(String message) {
		super(message);
	}
}
