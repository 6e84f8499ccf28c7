package io.labelbench.ui.servers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.navigator.TaskEntry;
import io.labelbench.ui.tasks.TasksView;

/**
 * Pre-Annotate (Tasks view, explorer): Owners and Managers only. Opens the {@link PreAnnotateDialog} on the
 * project's servers; with none, the dialog offers to deploy one and the run starts once it is healthy.
 */
public final class PreAnnotateHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		IWorkbenchPart part = HandlerUtil.getActivePart(event);
		IProject project = part instanceof TasksView tasks ? tasks.project()
				: ServerCommands.projectFor(HandlerUtil.getCurrentSelection(event), page);
		if (project == null) {
			MessageDialog.openInformation(shell, Messages.PreAnnotateDialog_command, Messages.ServersView_noProject);
			return null;
		}
		open(shell, project, part instanceof TasksView tasks ? tasks : null, HandlerUtil.getCurrentSelection(event)
				instanceof IStructuredSelection s ? s : null);
		return null;
	}

	/** Enabled only where the current user is an Owner or a Manager of the project the command would act on. */
	@Override
	public void setEnabled(Object evaluationContext) {
		Object part = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_PART_NAME);
		Object selection = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_CURRENT_SELECTION_NAME);
		Object window = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_WORKBENCH_WINDOW_NAME);
		IWorkbenchPage page = window instanceof IWorkbenchWindow w ? w.getActivePage() : null;
		IProject project = part instanceof TasksView tasks ? tasks.project()
				: ServerCommands.projectFor(selection instanceof ISelection s ? s : null, page);
		LabelbenchProject labelbench = project == null ? null : LabelbenchProjects.of(project);
		// without a project the command explains itself when run
		setBaseEnabled(labelbench == null || mayPreannotate(labelbench));
	}

	/** The whole flow; public for the UI tests, which drive the dialog it opens. */
	public static void open(Shell shell, IProject project, TasksView tasksView, IStructuredSelection selection) {
		LabelbenchProject lb = LabelbenchProjects.of(project);
		if (!mayPreannotate(lb)) {
			MessageDialog.openError(shell, Messages.PreAnnotateDialog_command,
					NLS.bind(Messages.Servers_notPermitted, project.getName()));
			return;
		}
		try {
			org.eclipse.core.runtime.IStatus config = io.labelbench.ui.config.ConfigBuilder.configStatus(project);
			if (!config.isOK()) {
				// a config with errors would write predictions it cannot describe
				MessageDialog.openError(shell, Messages.PreAnnotateDialog_command, config.getMessage());
				return;
			}
		} catch (org.eclipse.core.runtime.CoreException e) {
			MessageDialog.openError(shell, Messages.PreAnnotateDialog_command, e.getMessage());
			return;
		}
		List<ServerStatus> servers = new ArrayList<>();
		List<Set<String>> labels = new ArrayList<>(List.of(Set.of()));
		List<List<TaskId>> all = new ArrayList<>(List.of(List.of()));
		String[] error = { null };
		BusyIndicator.showWhile(shell.getDisplay(), () -> {
			for (ServerRecord server : Servers.registry().list()) {
				if (server.remote() || Servers.belongsTo(server, project)) {
					servers.add(Servers.registry().status(server));
				}
			}
			try {
				labels.set(0, allLabels(lb));
				all.set(0, lb.tasks().ids());
			} catch (IOException e) {
				error[0] = e.getMessage();
			}
		});
		if (error[0] != null) {
			MessageDialog.openError(shell, Messages.PreAnnotateDialog_command, error[0]);
			return;
		}
		List<TaskId> selected = new ArrayList<>();
		if (tasksView != null) {
			selected.addAll(tasksView.selectedIds());
		} else if (selection != null) {
			for (Object o : selection) {
				if (o instanceof TaskEntry entry) {
					selected.add(entry.id());
				}
			}
		}
		List<TaskId> shown = tasksView != null && project.equals(tasksView.project()) ? tasksView.shownIds() : all.get(0);
		PreAnnotateDialog dialog = new PreAnnotateDialog(shell, project.getName(), servers, labels.get(0),
				new PreAnnotateDialog.Scope(selected, shown, all.get(0)));
		int code = dialog.open();
		if (code == Window.OK) {
			ServerCommands.preannotate(project, dialog.server().server(), dialog.tasks(), dialog.replace());
		} else if (code == PreAnnotateDialog.DEPLOY) {
			List<TaskId> ids = dialog.tasks();
			boolean replace = dialog.replace();
			ServerCommands.deploy(project, shell, server -> ServerCommands.preannotate(project, server, ids, replace));
		}
	}

	private static boolean mayPreannotate(LabelbenchProject project) {
		try {
			return project.may(Permission.PRE_ANNOTATE);
		} catch (IOException e) {
			return false; // no readable project.json: no roles to grant it
		}
	}

	private static Set<String> allLabels(LabelbenchProject lb) throws IOException {
		LabelingConfig config = LabelingConfig.read(lb.folder().resolve(LabelbenchProject.CONFIG_FILE));
		Set<String> out = new java.util.TreeSet<>();
		for (var control : config.controlTags()) {
			out.addAll(config.valuesOf(control.name()));
		}
		return out;
	}
}
