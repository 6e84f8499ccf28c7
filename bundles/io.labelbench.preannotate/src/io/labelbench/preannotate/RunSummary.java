package io.labelbench.preannotate;

import java.util.List;

/**
 * What a pre-annotation run did.
 *
 * @param failures one line per failed task, at most {@link BulkRunner#MAX_REPORTED_FAILURES}
 */
public record RunSummary(int done, int skipped, int failed, List<String> failures, long elapsedNanos, boolean cancelled) {

	public double tasksPerSecond() {
		return elapsedNanos == 0 ? 0 : done / (elapsedNanos / 1e9);
	}

	/** {@code 120 tasks done, 3 skipped, 1 failed in 2.4 s (50.0 tasks/s)}. */
	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "%d tasks done, %d skipped, %d failed in %.1f s (%.1f tasks/s)%s",
				done, skipped, failed, elapsedNanos / 1e9, tasksPerSecond(), cancelled ? ", cancelled" : "");
	}
}
