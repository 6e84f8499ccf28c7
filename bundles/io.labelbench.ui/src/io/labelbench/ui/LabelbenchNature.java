package io.labelbench.ui;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectNature;

/** Marks an Eclipse project as a Labelbench project (labeling config, tasks, members). */
public final class LabelbenchNature implements IProjectNature {

	public static final String ID = "io.labelbench.nature";

	private IProject project;

	@Override
	public void configure() {
		// nothing to install: the project's files are the project
	}

	@Override
	public void deconfigure() {
		// the files stay
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
