package io.labelbench.ui.servers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/** Deploy Server (explorer, config editor, Servers view): a server for the project's current config. */
public final class DeployServerHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IProject project = ServerCommands.projectFor(HandlerUtil.getCurrentSelection(event),
				HandlerUtil.getActiveWorkbenchWindow(event).getActivePage());
		if (project == null) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.ServersView_deploy,
					Messages.ServersView_noProject);
			return null;
		}
		// save a dirty config first: the server runs what is on disk
		HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().saveAllEditors(false);
		ServerCommands.deploy(project, HandlerUtil.getActiveShell(event), server -> ServerCommands.showServersView());
		return null;
	}
}
