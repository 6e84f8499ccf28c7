package io.labelbench.ui.prompts.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.part.FileEditorInput;

import io.labelbench.ui.servers.ServerCommands;

/**
 * Edit Prompts: the selected prompt file, else the project's {@code prompts/prompts.json} (created empty when the
 * project has no prompts yet), in the {@link PromptsEditor}.
 */
public final class EditPromptsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		IFile file = null;
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection
				&& Adapters.adapt(selection.getFirstElement(), IResource.class) instanceof IFile selected
				&& "json".equals(selected.getFileExtension()) && selected.getParent().getName().equals("prompts")) {
			file = selected;
		}
		try {
			if (file == null) {
				IProject project = ServerCommands.projectFor(HandlerUtil.getCurrentSelection(event), page);
				if (project == null) {
					MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.EditPrompts_command,
							Messages.EditPrompts_noProject);
					return null;
				}
				file = promptsFile(project);
			}
			page.openEditor(new FileEditorInput(file), PromptsEditor.ID);
		} catch (CoreException e) {
			MessageDialog.openError(HandlerUtil.getActiveShell(event), Messages.EditPrompts_command, e.getMessage());
		}
		return null;
	}

	/** The project's {@code prompts/prompts.json}, made with no prompts when missing. */
	public static IFile promptsFile(IProject project) throws CoreException {
		IFolder folder = project.getFolder("prompts");
		if (!folder.exists()) {
			folder.create(true, true, null);
		}
		IFile file = folder.getFile("prompts.json");
		if (!file.exists()) {
			file.create(new ByteArrayInputStream("[]\n".getBytes(StandardCharsets.UTF_8)), true, null);
		}
		return file;
	}
}
