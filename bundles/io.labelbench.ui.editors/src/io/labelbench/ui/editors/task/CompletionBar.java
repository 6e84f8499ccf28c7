package io.labelbench.ui.editors.task;

import static io.labelbench.ui.editors.task.EditorLayouts.button;
import static io.labelbench.ui.editors.task.EditorLayouts.labelledCombo;
import static io.labelbench.ui.editors.task.EditorLayouts.row;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;

/** Above the completion: the task's completions to pick one from, New, the ground-truth flag and Submit/Update. */
final class CompletionBar {

	final Combo completions;
	final Button groundTruth;
	final Button submit;

	CompletionBar(Composite side, IntConsumer picked, Runnable onNew, Consumer<Boolean> onGroundTruth, Runnable onSubmit) {
		completions = labelledCombo(side, Messages.TaskEditor_completion, picked);
		Composite actions = row(side, 3);
		button(actions, Messages.TaskEditor_newCompletion, e -> onNew.run());
		groundTruth = new Button(actions, SWT.CHECK);
		groundTruth.setText(Messages.TaskEditor_groundTruth);
		groundTruth.addListener(SWT.Selection, e -> onGroundTruth.accept(groundTruth.getSelection()));
		submit = button(actions, Messages.TaskEditor_submit, e -> onSubmit.run());
	}

	void show(TaskEditSession session) {
		Annotation current = session.current();
		completions.setItems(session.completions().stream().map(CompletionBar::describe).toArray(String[]::new));
		if (current != null) {
			completions.select(session.currentIndex());
		}
		groundTruth.setEnabled(current != null);
		groundTruth.setSelection(session.isGroundTruth());
		submit.setEnabled(current != null);
		submit.setText(current != null && current.json().hasNonNull(TaskEditSession.SUBMITTED_AT)
				? Messages.TaskEditor_update : Messages.TaskEditor_submit);
	}

	static String describe(Annotation completion) {
		ObjectNode json = completion.json();
		String state = json.hasNonNull(TaskEditSession.SUBMITTED_AT)
				? NLS.bind(Messages.TaskEditor_submittedAt, json.get(TaskEditSession.SUBMITTED_AT).asText())
				: Messages.TaskEditor_draft;
		return NLS.bind(Messages.TaskEditor_completionItem,
				new Object[] { completion.id() == null ? "?" : completion.id(),
						completion.author() == null ? "\u2013" : completion.author(), state,
						json.path(TaskEditSession.GROUND_TRUTH).asBoolean(false) ? Messages.TaskEditor_groundTruthMark : "" });
	}
}
