package io.labelbench.ui.rules.internal;

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
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.handlers.HandlerUtil;

import io.labelbench.ui.servers.ServerCommands;

/**
 * Edit Rules: the selected rules file, else the project's {@code rules/rules.json} (created empty when the
 * project has no rules yet), in the {@link RulesEditor}.
 */
public final class EditRulesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		IFile file = null;
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection
				&& Adapters.adapt(selection.getFirstElement(), IResource.class) instanceof IFile selected
				&& "json".equals(selected.getFileExtension()) && selected.getParent().getName().equals("rules")) {
			file = selected;
		}
		try {
			if (file == null) {
				IProject project = ServerCommands.projectFor(HandlerUtil.getCurrentSelection(event), page);
				if (project == null) {
					MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.EditRules_command,
							Messages.EditRules_noProject);
					return null;
				}
				IFolder folder = project.getFolder("rules");
				if (!folder.exists()) {
					folder.create(true, true, null);
				}
				file = folder.getFile("rules.json");
				if (!file.exists()) {
					file.create(new ByteArrayInputStream("[]\n".getBytes(StandardCharsets.UTF_8)), true, null);
				}
			}
			page.openEditor(new FileEditorInput(file), RulesEditor.ID);
		} catch (CoreException e) {
			MessageDialog.openError(HandlerUtil.getActiveShell(event), Messages.EditRules_command, e.getMessage());
		}
		return null;
	}
}
