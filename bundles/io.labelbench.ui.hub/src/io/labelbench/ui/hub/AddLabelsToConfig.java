package io.labelbench.ui.hub;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.labelbench.config.PredefinedLabels;
import io.labelbench.config.TextEdit;
import io.labelbench.core.store.LabelbenchProject;

/** Adds labels of a model to a project's labeling config as one undoable operation. */
public final class AddLabelsToConfig {

	private AddLabelsToConfig() {
	}

	/** @return OK, or an error status with a message for the user (nothing changed then) */
	public static IStatus apply(IProject project, String controlName, String model, List<String> labels) {
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		if (!config.exists()) {
			return Status.error(NLS.bind(Messages.AddLabels_noConfig, project.getName()));
		}
		if (labels.isEmpty()) {
			return Status.error(Messages.AddLabels_noneTicked);
		}
		if (isDirtyInEditor(config)) {
			return Status.error(NLS.bind(Messages.AddLabels_dirty, config.getFullPath()));
		}
		try {
			String text = new String(config.readAllBytes(), StandardCharsets.UTF_8);
			TextEdit edit = PredefinedLabels.edit(text, controlName, model, labels);
			IUndoableOperation operation = new AddLabelsOperation(NLS.bind(Messages.AddLabels_operation, model), config,
					edit);
			operation.addContext(PlatformUI.getWorkbench().getOperationSupport().getUndoContext());
			IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
			return history.execute(operation, null, null);
		} catch (IllegalArgumentException e) {
			return Status.error(e.getMessage());
		} catch (CoreException | ExecutionException e) {
			return Status.error(e.getMessage(), e);
		}
	}

	private static boolean isDirtyInEditor(IFile file) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return false;
		}
		for (IEditorReference reference : window.getActivePage().getEditorReferences()) {
			try {
				if (file.equals(reference.getEditorInput().getAdapter(IFile.class))) {
					IEditorPart editor = reference.getEditor(false);
					return editor != null && editor.isDirty();
				}
			} catch (PartInitException e) {
				// an editor that cannot restore holds no unsaved text
			}
		}
		return false;
	}
}
