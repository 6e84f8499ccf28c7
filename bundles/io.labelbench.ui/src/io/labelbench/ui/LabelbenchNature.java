package io.labelbench.ui;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** Marks an Eclipse project as a Labelbench project and installs the config validator as its builder. */
public final class LabelbenchNature implements IProjectNature {

	public static final String ID = "io.labelbench.nature";
	/** The builder the nature installs, the config package's ConfigBuilder: named here so that this package
	 * does not depend on the builder's (which depends on this one). */
	public static final String BUILDER_ID = "io.labelbench.ui.configBuilder";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		addBuilder(project);
	}

	/** Installs the config validator in the project's build spec unless it is there. */
	static void addBuilder(IProject project) throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] commands = description.getBuildSpec();
		if (Arrays.stream(commands).anyMatch(command -> BUILDER_ID.equals(command.getBuilderName()))) {
			return;
		}
		ICommand builder = description.newCommand();
		builder.setBuilderName(BUILDER_ID);
		ICommand[] added = Arrays.copyOf(commands, commands.length + 1);
		added[commands.length] = builder;
		description.setBuildSpec(added);
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(Arrays.stream(description.getBuildSpec())
				.filter(command -> !BUILDER_ID.equals(command.getBuilderName())).toArray(ICommand[]::new));
		project.setDescription(description, null);
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
