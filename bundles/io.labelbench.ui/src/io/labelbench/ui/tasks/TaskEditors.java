package io.labelbench.ui.tasks;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;

/**
 * Opens tasks in the task editor, which lives in a bundle that depends on this one: callers here know it by
 * its id only.
 */
public final class TaskEditors {

	public static final String ID = "io.labelbench.ui.editors.taskEditor";

	private TaskEditors() {
	}

	/** Opens (or brings forward) the task editor on a task file; a failure is shown, not thrown. */
	public static void open(IWorkbenchPage page, IFile taskFile) {
		try {
			IDE.openEditor(page, taskFile, ID);
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW);
		}
	}
}
