package io.labelbench.ui.tasks;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.config.VisualConfigCheck;

/**
 * Opens tasks in the task editor, which lives in a bundle that depends on this one: callers here know it by
 * its id only.
 */
public final class TaskEditors {

	public static final String ID = "io.labelbench.ui.editors.taskEditor";
	/** The editor of PDF and image tasks. */
	public static final String VISUAL_ID = "io.labelbench.ui.editors.visualTaskEditor";

	private TaskEditors() {
	}

	/**
	 * Opens (or brings forward) the task editor on a task file, the visual one for tasks of a document without
	 * text; a failure is shown, not thrown.
	 */
	public static void open(IWorkbenchPage page, IFile taskFile) {
		boolean visual = isVisual(taskFile);
		if (visual && VisualConfigCheck.lacksImageBoxes(taskFile.getProject())
				&& !VisualConfigCheck.offerFix(page.getWorkbenchWindow().getShell(), taskFile.getProject(),
						NLS.bind(Messages.VisualConfig_open, taskFile.getName().replaceFirst("\\.json$", ""),
								taskFile.getProject().getName()),
						Messages.VisualConfig_openAnyway)) {
			return;
		}
		try {
			IDE.openEditor(page, taskFile, visual ? VISUAL_ID : ID);
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW);
		}
	}

	private static boolean isVisual(IFile taskFile) {
		LabelbenchProject project = LabelbenchProjects.of(taskFile.getProject());
		TaskId id = TaskStore.idOf(Path.of(taskFile.getName()));
		if (project == null || id == null) {
			return false;
		}
		try {
			Task task = project.tasks().read(id);
			return task.text() == null && task.dataText("image") != null;
		} catch (IOException e) {
			return false; // the text editor says what is wrong with the file
		}
	}
}
