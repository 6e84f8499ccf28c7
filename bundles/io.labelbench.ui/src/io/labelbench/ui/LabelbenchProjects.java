package io.labelbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;

import io.labelbench.core.store.LabelbenchProject;

/** Between Eclipse projects with the Labelbench nature and the headless {@link LabelbenchProject}. */
public final class LabelbenchProjects {

	private LabelbenchProjects() {
	}

	public static boolean isLabelbench(IProject project) {
		try {
			return project != null && project.isOpen() && project.hasNature(LabelbenchNature.ID);
		} catch (CoreException e) {
			return false;
		}
	}

	/** The headless view of an open Labelbench project, or {@code null}. */
	public static LabelbenchProject of(IProject project) {
		if (!isLabelbench(project) || project.getLocation() == null) {
			return null;
		}
		return new LabelbenchProject(project.getLocation().toPath());
	}

	public static List<IProject> all() {
		List<IProject> projects = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (isLabelbench(project)) {
				projects.add(project);
			}
		}
		return projects;
	}

	/**
	 * The workspace project for a Labelbench folder: an existing one at that location, or a new one named after
	 * the folder, opened, with the nature.
	 */
	public static IProject openOrCreate(Path folder, IProgressMonitor monitor) throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IPath location = IPath.fromPath(folder.toAbsolutePath().normalize());
		for (IProject project : workspace.getRoot().getProjects()) {
			if (location.equals(project.getLocation())) {
				open(project, monitor);
				return project;
			}
		}
		IProject project = workspace.getRoot().getProject(folder.getFileName().toString());
		if (!project.exists()) {
			IProjectDescription description = workspace.newProjectDescription(project.getName());
			if (!workspace.getRoot().getLocation().append(project.getName()).equals(location)) {
				description.setLocation(location);
			}
			description.setNatureIds(new String[] { LabelbenchNature.ID });
			project.create(description, monitor);
		}
		open(project, monitor);
		return project;
	}

	private static void open(IProject project, IProgressMonitor monitor) throws CoreException {
		if (!project.isOpen()) {
			project.open(monitor);
		}
		if (!project.hasNature(LabelbenchNature.ID)) {
			IProjectDescription description = project.getDescription();
			String[] natures = description.getNatureIds();
			String[] added = java.util.Arrays.copyOf(natures, natures.length + 1);
			added[natures.length] = LabelbenchNature.ID;
			description.setNatureIds(added);
			project.setDescription(description, monitor);
		}
		// a project created with the nature in its description is not configured by the workspace
		LabelbenchNature.addBuilder(project);
	}
}
