package io.labelbench.ui.editors.task;

import static io.labelbench.ui.editors.task.EditorLayouts.button;
import static io.labelbench.ui.editors.task.EditorLayouts.row;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.labelbench.core.model.TaskId;

/** The top row of a task editor: Previous, Next, the task's title, the editor's own tools and the status line. */
final class TaskHeader {

	final Button previous;
	final Button next;
	final Label title;
	final Label status;

	TaskHeader(Composite parent, Runnable onPrevious, Runnable onNext, Consumer<Composite> tools) {
		Composite top = row(parent, 5);
		previous = button(top, Messages.TaskEditor_previous, e -> onPrevious.run());
		next = button(top, Messages.TaskEditor_next, e -> onNext.run());
		title = new Label(top, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		tools.accept(top);
		status = new Label(top, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	boolean isDisposed() {
		return title.isDisposed();
	}

	/**
	 * Shows the task's title and the status line: the message, else the number of problems of the completion; both
	 * in red.
	 */
	void show(TaskId task, int predictions, int completions, String message, int problems) {
		title.setText(Messages.format(Messages.TaskEditor_title, String.valueOf(task), predictions, completions));
		status.setText(message != null ? message : problems == 0 ? "" : Messages.format(Messages.TaskEditor_problems, problems));
		status.setForeground(message != null || problems > 0 ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		title.getParent().getParent().layout(true, true);
	}
}
