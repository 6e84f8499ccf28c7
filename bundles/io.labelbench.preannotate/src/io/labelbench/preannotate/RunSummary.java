package io.labelbench.preannotate;

import java.util.List;

/**
 * What a pre-annotation run did.
 *
 * @param failures  one line per failed task, at most {@link BulkRunner#MAX_REPORTED_FAILURES}
 * @param stoppedBy why the run stopped before the end (the annotator became unavailable), or {@code null}
 */
public record RunSummary(int done, int skipped, int failed, List<String> failures, long elapsedNanos, boolean cancelled,
		String stoppedBy) {

	/** Whether every selected task was done or skipped. */
	public boolean complete() {
		return failed == 0 && !cancelled && stoppedBy == null;
	}

	public double tasksPerSecond() {
		return elapsedNanos == 0 ? 0 : done / (elapsedNanos / 1e9);
	}

	/** {@code 120 tasks done, 3 skipped, 1 failed in 2.4 s (50.0 tasks/s)}; {@code 1 task done, …}. */
	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "%d %s done, %d skipped, %d failed in %.1f s (%.1f tasks/s)%s",
				done, done == 1 ? "task" : "tasks", skipped, failed, elapsedNanos / 1e9, tasksPerSecond(),
				cancelled ? ", cancelled" : stoppedBy != null ? ", stopped: " + stoppedBy : "");
	}
}
