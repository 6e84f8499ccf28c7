package io.labelbench.core.io;

/**
 * Progress and cancellation for long headless work, so the same code runs under an Eclipse job (adapted
 * from an {@code IProgressMonitor}) and on the command line.
 */
public interface Progress {

	/** Progress that reports nothing and is never cancelled. */
	Progress NONE = new Progress() {
		@Override
		public void begin(String task, long totalUnits) {
		}

		@Override
		public void worked(long units) {
		}

		@Override
		public boolean isCanceled() {
			return false;
		}
	};

	/** Starts a phase of {@code totalUnits} units (tasks, bytes, pages); -1 when unknown. */
	void begin(String task, long totalUnits);

	void worked(long units);

	boolean isCanceled();

	/** Throws {@link java.util.concurrent.CancellationException} when cancelled. */
	default void checkCanceled() {
		if (isCanceled()) {
			throw new java.util.concurrent.CancellationException("cancelled");
		}
	}
}
