package io.labelbench.ui.editors.task;

import java.util.function.BooleanSupplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.labelbench.core.model.TaskId;

/** Asks before leaving a task with unsaved edits: Save, Discard or Cancel. */
final class SaveQuestion {

	private SaveQuestion() {
	}

	/**
	 * Whether the editor may leave the task: the user chose Discard, or Save and {@code save} succeeded;
	 * {@code false} for Cancel or a failed save.
	 */
	static boolean savedOrDiscarded(Shell shell, TaskId task, BooleanSupplier save) {
		int answer = new MessageDialog(shell, Messages.TaskEditor_saveTitle, null,
				NLS.bind(Messages.TaskEditor_saveQuestion, task), MessageDialog.QUESTION,
				new String[] { Messages.TaskEditor_save, Messages.TaskEditor_discard, Messages.TaskEditor_cancel }, 0).open();
		if (answer == 2 || answer < 0) {
			return false;
		}
		return answer == 1 || save.getAsBoolean();
	}
}
