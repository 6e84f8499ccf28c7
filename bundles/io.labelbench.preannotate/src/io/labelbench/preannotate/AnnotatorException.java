package io.labelbench.preannotate;

/** An annotator could not answer; the message says why in one line (dead server, bad rule, …). */
public class AnnotatorException extends Exception {

	private static final long serialVersionUID = 1L;

	public AnnotatorException(String message) {
		super(message);
	}

	public AnnotatorException(String message, Throwable cause) {
		super(message, cause);
	}
}
