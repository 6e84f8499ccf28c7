package io.labelbench.ui;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

import io.labelbench.ui.config.ConfigBuilder;

/** Marks an Eclipse project as a Labelbench project and installs the config validator as its builder. */
public final class LabelbenchNature implements IProjectNature {

	public static final String ID = "io.labelbench.nature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		addBuilder(project);
	}

	/** Installs the config validator in the project's build spec unless it is there. */
	static void addBuilder(IProject project) throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] commands = description.getBuildSpec();
		if (Arrays.stream(commands).anyMatch(command -> ConfigBuilder.ID.equals(command.getBuilderName()))) {
			return;
		}
		ICommand builder = description.newCommand();
		builder.setBuilderName(ConfigBuilder.ID);
		ICommand[] added = Arrays.copyOf(commands, commands.length + 1);
		added[commands.length] = builder;
		description.setBuildSpec(added);
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(Arrays.stream(description.getBuildSpec())
				.filter(command -> !ConfigBuilder.ID.equals(command.getBuilderName())).toArray(ICommand[]::new));
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
