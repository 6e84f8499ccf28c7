package io.labelbench.ui.navigator;

import org.eclipse.core.resources.IFolder;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;

/** Hides the raw {@code tasks/} and {@code .labelbench/} folders of Labelbench projects: the Tasks node shows them. */
public final class TaskStorageFilter extends ViewerFilter {

	@Override
	public boolean select(Viewer viewer, Object parent, Object element) {
		if (element instanceof IFolder folder && folder.getParent() instanceof org.eclipse.core.resources.IProject project
				&& LabelbenchProjects.isLabelbench(project)) {
			String name = folder.getName();
			return !name.equals(TaskStore.FOLDER) && !name.equals(LabelbenchProject.META_FOLDER);
		}
		return true;
	}
}
