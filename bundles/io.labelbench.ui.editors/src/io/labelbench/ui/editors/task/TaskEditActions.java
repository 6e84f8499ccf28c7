package io.labelbench.ui.editors.task;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.actions.ActionFactory;

/**
 * The Edit menu's commands for a task editor and their keys (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y, Ctrl+C, Ctrl+A,
 * Del, Ctrl+F): the command ids make the workbench activate the actions as the commands' handlers while the
 * editor is active.
 */
final class TaskEditActions {

	private final Action undo;
	private final Action redo;
	private final Action copy;
	private final Action selectAll;
	private final Action delete;
	private IAction find;

	TaskEditActions(Runnable undo, Runnable redo, Runnable copy, Runnable selectAll, Runnable delete) {
		this.undo = action(IWorkbenchCommandConstants.EDIT_UNDO, undo);
		this.redo = action(IWorkbenchCommandConstants.EDIT_REDO, redo);
		this.copy = action(IWorkbenchCommandConstants.EDIT_COPY, copy);
		this.selectAll = action(IWorkbenchCommandConstants.EDIT_SELECT_ALL, selectAll);
		this.delete = action(IWorkbenchCommandConstants.EDIT_DELETE, delete);
	}

	private static Action action(String commandId, Runnable run) {
		Action action = new Action() {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setActionDefinitionId(commandId);
		return action;
	}

	/** Edit > Find, or {@code null} when the editor has nothing to search. */
	void setFind(IAction find) {
		this.find = find;
	}

	/** Makes these actions the handlers of the Edit commands. */
	void contributeTo(IActionBars bars) {
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		bars.setGlobalActionHandler(ActionFactory.COPY.getId(), copy);
		bars.setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), selectAll);
		bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
		bars.setGlobalActionHandler(ActionFactory.FIND.getId(), find);
	}

	void update(boolean canUndo, boolean canRedo, boolean canDelete) {
		undo.setEnabled(canUndo);
		redo.setEnabled(canRedo);
		delete.setEnabled(canDelete);
	}
}
