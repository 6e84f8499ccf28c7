package io.labelbench.ui.wizards;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import io.labelbench.ui.LabelbenchProjects;

/** A combo of the workspace's Labelbench projects, preselecting the one of the current selection. */
final class ProjectCombo {

	private final Combo combo;
	private final List<IProject> projects;

	ProjectCombo(Composite parent, IStructuredSelection selection) {
		combo = new Combo(parent, SWT.READ_ONLY);
		projects = LabelbenchProjects.all();
		projects.forEach(project -> combo.add(project.getName()));
		int index = 0;
		if (selection != null && selection.getFirstElement() != null) {
			Object first = selection.getFirstElement();
			org.eclipse.core.resources.IResource resource = org.eclipse.core.runtime.Adapters.adapt(first,
					org.eclipse.core.resources.IResource.class);
			IProject selected = first instanceof io.labelbench.ui.navigator.TasksNode node ? node.project()
					: resource == null ? null : resource.getProject();
			index = Math.max(0, projects.indexOf(selected));
		}
		if (!projects.isEmpty()) {
			combo.select(index);
		}
	}

	Combo control() {
		return combo;
	}

	IProject selected() {
		int index = combo.getSelectionIndex();
		return index < 0 ? null : projects.get(index);
	}
}
