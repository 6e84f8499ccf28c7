package io.labelbench.preannotate.server;

/** Deploying another server would exceed the servers budget set in the preferences. */
public class BudgetExceededException extends ServerException {
	private static final long serialVersionUID = 1L;

	public BudgetExceededException(String message) {
		super(message);
	}
}
