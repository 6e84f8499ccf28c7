package io.labelbench.core.check;

import io.labelbench.core.model.TaskId;

/**
 * A problem found in a stored or imported task. {@code where} names the annotation and result, e.g.
 * {@code completions[0].result[3] (id r7)}; it is empty for task-level problems.
 */
public record TaskProblem(TaskId task, String where, String message) {

	/** One line for command-line output: {@code task 12: completions[0].result[3] (id r7): message}. */
	@Override
	public String toString() {
		return "task " + task + ": " + (where.isEmpty() ? "" : where + ": ") + message;
	}
}
