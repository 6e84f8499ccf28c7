package io.labelbench.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;

import io.labelbench.samples.SampleProject;

/**
 * Opens the bundled sample project when the product is started with {@code -Dlabelbench.sample=<folder>}:
 * installs it there if the folder has no project yet (never over a user's changes), then adds it to the
 * workspace with the Labelbench nature.
 */
public final class SampleProjectJob extends WorkspaceJob {

	public static final String PROPERTY = "labelbench.sample";

	private final Path folder;

	public SampleProjectJob(Path folder) {
		super(Messages.SampleProjectJob_name);
		this.folder = folder;
		setRule(ResourcesPlugin.getWorkspace().getRoot());
	}

	public static void scheduleIfRequested() {
		String folder = System.getProperty(PROPERTY);
		if (folder != null && !folder.isBlank()) {
			new SampleProjectJob(Path.of(folder)).schedule();
		}
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == LabelbenchJobs.FAMILY_SAMPLE;
	}

	@Override
	public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
		try {
			SampleProject.install(folder);
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.SampleProjectJob_failed, folder, e.getMessage()), e);
		}
		LabelbenchProjects.openOrCreate(folder, monitor);
		return Status.OK_STATUS;
	}
}
