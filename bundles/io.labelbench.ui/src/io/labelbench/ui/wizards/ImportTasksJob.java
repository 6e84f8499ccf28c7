package io.labelbench.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.io.ImportResult;
import io.labelbench.core.io.TaskImporter;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.MonitorProgress;

/** Imports task files into a Labelbench project in the background; one import per project at a time. */
public final class ImportTasksJob extends Job {

	private final IProject project;
	private final List<Path> sources;
	private final ImportOptions options;

	public ImportTasksJob(IProject project, List<Path> sources, ImportOptions options) {
		super(NLS.bind(Messages.ImportJob_name, sources.size(), project.getName()));
		this.project = project;
		this.sources = List.copyOf(sources);
		this.options = options;
		setRule(project);
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == LabelbenchJobs.FAMILY_IMPORT;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		if (labelbench == null) {
			return Status.error(NLS.bind(Messages.Job_notLabelbench, project.getName()));
		}
		try {
			ImportResult result = new TaskImporter(labelbench).importFiles(sources, options, new MonitorProgress(monitor));
			if (result.problemCount() == 0) {
				return Status.OK_STATUS;
			}
			MultiStatus status = new MultiStatus(getClass(), 0,
					NLS.bind(Messages.ImportJob_problems, result.total(), result.problemCount()));
			result.problems().forEach(problem -> status.add(Status.warning(problem)));
			return status;
		} catch (CancellationException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException e) {
			// one line naming file and position; the exception is kept for the error log only
			return Status.error(e.getMessage(), e);
		} finally {
			try {
				project.refreshLocal(IResource.DEPTH_INFINITE, null);
			} catch (CoreException e) {
				// the next refresh shows the files
			}
		}
	}
}
