package io.labelbench.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param exported          tasks written; for COCO and Pascal VOC, the tasks with at least one box written
 * @param skipped           tasks left out: for COCO and Pascal VOC, those without a box to write (text tasks, tasks
 *                          not annotated yet, tasks whose every rectangle was reported)
 * @param problems          regions that were left out or changed, one line each as {@code task 12:
 *                          completions[0].result[3] (id r7): message}, at most {@link TaskExporter#MAX_REPORTED_PROBLEMS}
 * @param problemCount      all such problems
 * @param relationsLeftOut  relations of the written answers that the format has no place for (CoNLL, COCO, Pascal
 *                          VOC)
 * @param assertionsLeftOut assertion status regions of the written answers that the format has no place for
 */
public record ExportResult(int exported, int skipped, List<String> problems, int problemCount, int relationsLeftOut,
		int assertionsLeftOut) {

	public ExportResult(int exported, int skipped, List<String> problems, int problemCount) {
		this(exported, skipped, problems, problemCount, 0, 0);
	}

	/**
	 * One sentence saying what the format could not carry, e.g. {@code conll cannot carry relations and assertion
	 * statuses: 3 relations and 2 assertion statuses were left out …}; {@code null} when nothing was left out.
	 */
	public String leftOutSummary(ExportFormat format) {
		if (relationsLeftOut == 0 && assertionsLeftOut == 0) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (relationsLeftOut > 0) {
			parts.add(relationsLeftOut + (relationsLeftOut == 1 ? " relation" : " relations"));
		}
		if (assertionsLeftOut > 0) {
			parts.add(assertionsLeftOut + (assertionsLeftOut == 1 ? " assertion status" : " assertion statuses"));
		}
		return format.id() + " has no place for relations and assertion statuses: " + String.join(" and ", parts)
				+ " of the exported answers left out (export as gal, labelstudio or jsonl to keep them)";
	}
}
