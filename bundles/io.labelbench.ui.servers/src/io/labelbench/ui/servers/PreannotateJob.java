package io.labelbench.ui.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;
import org.eclipse.ui.statushandlers.StatusManager;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.preannotate.cluster.ClusterDrivers;
import io.labelbench.preannotate.server.ServerAnnotator;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.visual.VisualAnnotator;

/**
 * Pre-annotates tasks through a server: tasks streamed in batches, progress in tasks and tasks/s, cancel after
 * the batch in flight, failures collected into the job's result. The run is a user job kept in the Progress view
 * with its summary (done, skipped, failed, tasks/s), which a notification also shows; failures open an error
 * dialog. No scheduling rule: runs may go on side by side (every task file is updated under its own lock). The
 * tasks folder is refreshed as predictions land, so the Tasks view follows.
 */
public final class PreannotateJob extends Job {
	private static final long REFRESH_NANOS = 2_000_000_000L;

	private final IProject project;
	private final ServerRecord server;
	private final List<TaskId> ids;
	private final boolean replace;
	private volatile RunSummary summary;

	public PreannotateJob(IProject project, ServerRecord server, List<TaskId> ids, boolean replace) {
		super(Messages.format(Messages.PreannotateJob_name, ids.size(), project.getName(), server.name()));
		this.project = project;
		this.server = server;
		this.ids = List.copyOf(ids);
		this.replace = replace;
		setUser(true);
		// the finished run stays in the Progress view with its summary as the last line
		setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
		// the run tells its end itself (below), so the workbench's own error prompt would say it twice
		setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
		addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				tellUser(event.getResult());
			}
		});
	}

	/**
	 * A failed run (failed tasks, a server that stopped or was never there) in an error dialog; the summary of a
	 * run that went well or was cancelled in a notification that fades by itself.
	 */
	private void tellUser(IStatus result) {
		if (result.getSeverity() == IStatus.ERROR) {
			StatusManager.getManager().handle(result, StatusManager.SHOW); // the job framework logs it
		} else if (PlatformUI.isWorkbenchRunning()) {
			Display display = PlatformUI.getWorkbench().getDisplay();
			display.asyncExec(() -> NotificationPopup.forDisplay(display)
					.title(NLS.bind(Messages.PreannotateJob_summaryTitle, project.getName(), server.name()), true)
					.text(result.getMessage()).delay(8_000).open());
		}
	}

	public RunSummary summary() {
		return summary;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == LabelbenchJobs.FAMILY_PREANNOTATE;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, getName(), ids.size());
		try {
			String field = Servers.specOf(project).dataField();
			ServerAnnotator annotator = new ServerAnnotator(server, field, Duration.ofMinutes(5));
			TaskStore store = LabelbenchProjects.of(project).tasks();
			long started = System.nanoTime();
			Progress progress = new Progress() {
				long done;
				long lastRefresh = System.nanoTime();

				@Override
				public void begin(String task, long totalUnits) {
					// the job's own name says what runs
				}

				@Override
				public void worked(long units) {
					done += units;
					sub.worked((int) units);
					double seconds = (System.nanoTime() - started) / 1e9;
					sub.subTask(Messages.format(Messages.PreannotateJob_progress, done, ids.size(),
							String.format("%.1f", seconds > 0 ? done / seconds : 0)));
					if (System.nanoTime() - lastRefresh > REFRESH_NANOS) {
						lastRefresh = System.nanoTime();
						refreshTasks();
					}
				}

				@Override
				public boolean isCanceled() {
					return monitor.isCanceled();
				}
			};
			// visual tasks: the server's models and rules on the page text, results as boxes on the page
			Annotator visual = VisualAnnotator.forProject(LabelbenchProjects.of(project), annotator, field);
			int batch = ClusterDrivers.masterOf(server) != null ? ClusterDrivers.BATCH_SIZE : BulkRunner.DEFAULT_BATCH_SIZE;
			summary = new BulkRunner(store, visual, new BulkRunner.Options(batch, replace))
					.run(ids, progress);
		} catch (ServerException | IOException e) {
			return Status.error(NLS.bind(Messages.PreannotateJob_failed, server.name(), e.getMessage()), e);
		} finally {
			refreshTasks();
		}
		String text = summaryText(summary);
		sub.subTask(text);
		if (summary.cancelled()) {
			return new Status(IStatus.CANCEL, DeployServerJob.PLUGIN, text);
		}
		if (summary.complete()) {
			return Status.info(text);
		}
		// failed tasks and a stopped run are errors: the workbench shows a user job's error to the user
		MultiStatus result = new MultiStatus(DeployServerJob.PLUGIN, IStatus.ERROR, summary.stoppedBy() != null
				? NLS.bind(Messages.PreannotateJob_stopped, summary.stoppedBy(), text)
				: Messages.format(Messages.PreannotateJob_failures, text, summary.failed()), null);
		summary.failures().forEach(f -> result.add(Status.error(f)));
		return result;
	}

	/**
	 * On a Spark cluster, cancel stops the driver: the Spark job in flight ends with its application and the
	 * cluster's cores are free at once (a plain server finishes the batch in flight).
	 */
	@Override
	protected void canceling() {
		if (ClusterDrivers.masterOf(server) != null) {
			Thread stop = new Thread(() -> {
				try {
					Servers.registry().stop(server, Duration.ofSeconds(30));
				} catch (IOException e) {
					// the driver exits by itself once idle
				}
			}, "stop cluster driver");
			stop.setDaemon(true);
			stop.start();
		}
	}

	/** {@code 120 tasks done, 3 skipped, 1 failed in 2.4 s (50.0 tasks/s)}, with the plural right. */
	public static String summaryText(RunSummary summary) {
		String text = Messages.format(Messages.PreannotateJob_summary, summary.done(), summary.skipped(),
				summary.failed(), String.format("%.1f", summary.elapsedNanos() / 1e9),
				String.format("%.1f", summary.tasksPerSecond()));
		return summary.cancelled() ? text + " (" + Messages.PreannotateJob_cancelled + ")" : text;
	}

	private void refreshTasks() {
		try {
			project.getFolder(TaskStore.FOLDER).refreshLocal(IResource.DEPTH_ONE, null);
		} catch (CoreException e) {
			// the explorer catches up on the next refresh
		}
	}
}
