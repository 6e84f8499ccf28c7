package io.labelbench.ui.tasks;

import java.util.List;

import org.eclipse.core.resources.IProject;

import io.labelbench.core.model.TaskId;

/**
 * The order in which a view shows tasks, so that a task editor's Previous and Next follow it (the Tasks view's
 * filter then becomes a review queue). Editors ask for it by adapting a view, never by casting it.
 */
public interface TaskNavigation {

	/**
	 * The ids of the tasks shown, in the order shown, when they include {@code task} of {@code project};
	 * otherwise an empty list (the editor then falls back to all tasks by id).
	 */
	List<TaskId> orderAround(IProject project, TaskId task);
}
