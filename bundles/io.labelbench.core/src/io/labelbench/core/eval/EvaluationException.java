package io.labelbench.core.eval;

/** An evaluation that cannot give numbers: no test tasks, no completions, no predictions to compare. */
public final class EvaluationException extends Exception {

	private static final long serialVersionUID = 1L;

	public EvaluationException(String message) {
		super(message);
	}
}
