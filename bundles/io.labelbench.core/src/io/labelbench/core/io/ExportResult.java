package io.labelbench.core.io;

import java.util.List;

/**
 * What an export wrote.
 *
 * @param exported     tasks written; for COCO and Pascal VOC, the tasks with at least one box written
 * @param skipped      tasks left out: for COCO and Pascal VOC, those without a box to write (text tasks, tasks not
 *                     annotated yet, tasks whose every rectangle was reported)
 * @param problems     regions that were left out or changed, one line each as {@code task 12: completions[0].result[3]
 *                     (id r7): message}, at most {@link TaskExporter#MAX_REPORTED_PROBLEMS}
 * @param problemCount all such problems
 */
public record ExportResult(int exported, int skipped, List<String> problems, int problemCount) {
}
