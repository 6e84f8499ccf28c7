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

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.preannotate.server.ServerAnnotator;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.visual.VisualAnnotator;

/**
 * Pre-annotates tasks through a server: tasks streamed in batches, progress in tasks and tasks/s, cancel after
 * the batch in flight, failures collected into the job's result. No scheduling rule: runs may go on side by
 * side (every task file is updated under its own lock). The tasks folder is refreshed as predictions land, so the
 * Tasks view follows.
 */
public final class PreannotateJob extends Job {
	private static final long REFRESH_NANOS = 2_000_000_000L;

	private final IProject project;
	private final ServerRecord server;
	private final List<TaskId> ids;
	private final boolean replace;
	private volatile RunSummary summary;

	public PreannotateJob(IProject project, ServerRecord server, List<TaskId> ids, boolean replace) {
		super(NLS.bind(Messages.PreannotateJob_name, new Object[] { ids.size(), project.getName(), server.name() }));
		this.project = project;
		this.server = server;
		this.ids = List.copyOf(ids);
		this.replace = replace;
		setUser(true);
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
					sub.subTask(NLS.bind(Messages.PreannotateJob_progress, new Object[] { done, ids.size(),
							String.format("%.1f", seconds > 0 ? done / seconds : 0) }));
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
			summary = new BulkRunner(store, visual, new BulkRunner.Options(BulkRunner.DEFAULT_BATCH_SIZE, replace))
					.run(ids, progress);
		} catch (ServerException | IOException e) {
			return Status.error(NLS.bind(Messages.PreannotateJob_failed, server.name(), e.getMessage()), e);
		} finally {
			refreshTasks();
		}
		if (summary.cancelled()) {
			return Status.CANCEL_STATUS;
		}
		if (summary.complete()) {
			return Status.info(summary.toString());
		}
		MultiStatus result = new MultiStatus(DeployServerJob.PLUGIN, 0, summary.stoppedBy() != null
				? NLS.bind(Messages.PreannotateJob_stopped, summary.stoppedBy(), summary) : summary.toString(), null);
		summary.failures().forEach(f -> result.add(Status.warning(f)));
		return result;
	}

	private void refreshTasks() {
		try {
			project.getFolder(TaskStore.FOLDER).refreshLocal(IResource.DEPTH_ONE, null);
		} catch (CoreException e) {
			// the explorer catches up on the next refresh
		}
	}
}
