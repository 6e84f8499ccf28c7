package io.labelbench.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.labelbench.core.io.ExportFormat;
import io.labelbench.core.io.TaskExporter;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.MonitorProgress;

/** Exports a project's tasks in the background; the output file appears only when complete. */
public final class ExportTasksJob extends Job {

	private final IProject project;
	private final ExportFormat format;
	private final Path target;

	public ExportTasksJob(IProject project, ExportFormat format, Path target) {
		super(NLS.bind(Messages.ExportJob_name, project.getName(), target.getFileName()));
		this.project = project;
		this.format = format;
		this.target = target;
		setRule(project);
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == LabelbenchJobs.FAMILY_EXPORT;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		if (labelbench == null) {
			return Status.error(NLS.bind(Messages.Job_notLabelbench, project.getName()));
		}
		try {
			new TaskExporter(labelbench).export(format, target, new MonitorProgress(monitor));
			return Status.OK_STATUS;
		} catch (CancellationException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException e) {
			return Status.error(e.getMessage(), e);
		}
	}
}
