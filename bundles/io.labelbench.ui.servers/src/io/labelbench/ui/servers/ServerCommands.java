package io.labelbench.ui.servers;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.labelbench.core.model.TaskId;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.navigator.TaskEntry;
import io.labelbench.ui.tasks.TasksView;

/** The user-facing flows shared by the handlers, the Servers view and the Pre-Annotate dialog. */
public final class ServerCommands {
	private ServerCommands() {
	}

	/** The Labelbench project of a selection, else of the active editor, else of the Tasks view. */
	public static IProject projectFor(ISelection selection, IWorkbenchPage page) {
		if (selection instanceof IStructuredSelection structured) {
			for (Object element : structured) {
				IProject project = element instanceof TaskEntry entry ? entry.project() : projectOf(element);
				if (project != null) {
					return project;
				}
			}
		}
		IEditorPart editor = page == null ? null : page.getActiveEditor();
		if (editor != null) {
			IEditorInput input = editor.getEditorInput();
			IResource resource = Adapters.adapt(input, IResource.class);
			if (resource != null && LabelbenchProjects.isLabelbench(resource.getProject())) {
				return resource.getProject();
			}
		}
		TasksView tasks = page == null ? null : (TasksView) page.findView(TasksView.ID);
		return tasks == null ? null : tasks.project();
	}

	private static IProject projectOf(Object element) {
		IResource resource = Adapters.adapt(element, IResource.class);
		IProject project = resource == null ? null : resource.getProject();
		return project != null && LabelbenchProjects.isLabelbench(project) ? project : null;
	}

	/**
	 * Deploys a server for the project; once it is healthy {@code then} runs (on the UI thread). A refused budget
	 * offers the Servers view; other failures are shown by the job's error dialog.
	 */
	public static DeployServerJob deploy(IProject project, Shell shell, Consumer<ServerRecord> then) {
		DeployServerJob job = new DeployServerJob(project);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				IStatus result = event.getResult();
				Display display = PlatformUI.getWorkbench().getDisplay();
				if (result.getCode() == DeployServerJob.BUDGET_EXCEEDED) {
					display.asyncExec(() -> offerServersView(result.getMessage()));
				} else if (result.isOK()) {
					display.asyncExec(() -> {
						refreshServersView();
						if (then != null) {
							then.accept(job.deployed());
						}
					});
				}
			}
		});
		job.schedule();
		return job;
	}

	private static void offerServersView(String message) {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		MessageDialog dialog = new MessageDialog(shell, Messages.Servers_budgetTitle, null, message,
				MessageDialog.WARNING, 0, Messages.Servers_openServersView, Messages.Servers_close);
		if (dialog.open() == 0) {
			showServersView();
		}
	}

	static ServersView showServersView() {
		try {
			return (ServersView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
					.showView(ServersView.ID);
		} catch (PartInitException e) {
			return null;
		}
	}

	/** Re-reads the servers now: a config change shows its servers stale at once. */
	public static void refreshServersView() {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window != null && window.getActivePage() != null
				&& window.getActivePage().findView(ServersView.ID) instanceof ServersView view) {
			view.refresh();
		}
	}

	/** Stops the given servers, then deploys one for the project's current spec. */
	public static void redeploy(IProject project, List<ServerRecord> old, Shell shell) {
		org.eclipse.core.runtime.jobs.Job stop = org.eclipse.core.runtime.jobs.Job.create(
				Messages.ServersView_deleteJob, monitor -> {
					for (ServerRecord server : old) {
						try {
							Servers.registry().stop(server, java.time.Duration.ofSeconds(20));
						} catch (java.io.IOException e) {
							return org.eclipse.core.runtime.Status.error(e.getMessage(), e);
						}
					}
					return org.eclipse.core.runtime.Status.OK_STATUS;
				});
		stop.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getResult().isOK()) {
					PlatformUI.getWorkbench().getDisplay().asyncExec(() -> deploy(project, shell, null));
				}
			}
		});
		stop.setUser(true);
		stop.schedule();
	}

	/** Schedules pre-annotation of {@code ids} through {@code server}. */
	public static PreannotateJob preannotate(IProject project, ServerRecord server, List<TaskId> ids, boolean replace) {
		PreannotateJob job = new PreannotateJob(project, server, ids, replace);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				PlatformUI.getWorkbench().getDisplay().asyncExec(ServerCommands::refreshServersView);
			}
		});
		job.schedule();
		return job;
	}
}
