package io.labelbench.ui.editors.task;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.part.EditorActionBarContributor;

/**
 * Points the Edit commands (Undo, Redo, Copy, Select All, Delete, Find) at the task editor being activated: editors
 * of one kind share their action bars, so with several tasks open the commands must follow the active one.
 */
public final class TaskEditorContributor extends EditorActionBarContributor {

	@Override
	public void setActiveEditor(IEditorPart part) {
		if (part instanceof TaskEditorBase editor) {
			editor.contributeEditActions(getActionBars());
			getActionBars().updateActionBars();
		}
	}
}
