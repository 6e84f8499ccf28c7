package io.labelbench.preannotate;

/**
 * The annotator cannot answer at all (its server is gone, refuses the token…): retrying task by task is useless,
 * so a bulk run stops and reports it; a rerun continues where it stopped.
 */
public class AnnotatorUnavailableException extends AnnotatorException {
	private static final long serialVersionUID = 1L;

	public AnnotatorUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
