package io.labelbench.ui.wizards;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.MonitorProgress;

/**
 * A user job over the tasks of one Labelbench project: one such job per project at a time, cancel honoured,
 * failures reported as their one-line message (the exception goes to the error log only).
 */
abstract class ProjectTasksJob extends Job {

	protected final IProject project;
	private final Object family;

	ProjectTasksJob(String name, IProject project, Object family) {
		super(name);
		this.project = project;
		this.family = family;
		setRule(project);
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object candidate) {
		return candidate == family;
	}

	@Override
	protected final IStatus run(IProgressMonitor monitor) {
		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		if (labelbench == null) {
			return Status.error(NLS.bind(Messages.Job_notLabelbench, project.getName()));
		}
		try {
			return run(labelbench, new MonitorProgress(monitor));
		} catch (CancellationException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException e) {
			return Status.error(e.getMessage(), e);
		} finally {
			done(labelbench);
		}
	}

	protected abstract IStatus run(LabelbenchProject labelbench, MonitorProgress progress) throws IOException;

	/** Runs after success, failure or cancel. */
	protected void done(LabelbenchProject labelbench) {
		// nothing by default
	}
}
