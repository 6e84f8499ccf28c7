package io.labelbench.ui.navigator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Display;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;

/**
 * Adds a "Tasks (N)" node to Labelbench projects in the explorer. Only file names are listed, never task
 * contents, and more than {@link #RANGE} tasks are grouped in ranges, so 100,000 tasks expand at once.
 */
public final class TasksContentProvider implements ITreeContentProvider, IResourceChangeListener {

	public static final int RANGE = 1000;

	private final Map<IProject, List<TaskId>> ids = new ConcurrentHashMap<>();
	private StructuredViewer viewer;

	@Override
	public void inputChanged(Viewer newViewer, Object oldInput, Object newInput) {
		if (viewer == null && newViewer instanceof StructuredViewer structured) {
			viewer = structured;
			ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		}
		ids.clear();
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
	}

	@Override
	public Object[] getElements(Object input) {
		return getChildren(input);
	}

	@Override
	public Object[] getChildren(Object parent) {
		if (parent instanceof IProject project && LabelbenchProjects.isLabelbench(project)) {
			return new Object[] { new TasksNode(project) };
		}
		if (parent instanceof TasksNode node) {
			List<TaskId> all = idsOf(node.project());
			if (all.size() <= RANGE) {
				return entries(node.project(), all);
			}
			List<Object> ranges = new ArrayList<>();
			for (int from = 0; from < all.size(); from += RANGE) {
				ranges.add(new TaskRange(node.project(), all.subList(from, Math.min(all.size(), from + RANGE))));
			}
			return ranges.toArray();
		}
		if (parent instanceof TaskRange range) {
			return entries(range.project(), range.ids());
		}
		return new Object[0];
	}

	private static Object[] entries(IProject project, List<TaskId> ids) {
		Object[] entries = new Object[ids.size()];
		for (int i = 0; i < entries.length; i++) {
			entries[i] = new TaskEntry(project, ids.get(i));
		}
		return entries;
	}

	/** The task ids of a project, listed once and kept until its tasks folder changes. */
	public List<TaskId> idsOf(IProject project) {
		return ids.computeIfAbsent(project, p -> {
			LabelbenchProject labelbench = LabelbenchProjects.of(p);
			try {
				return labelbench == null ? List.of() : labelbench.tasks().ids();
			} catch (IOException e) {
				return List.of();
			}
		});
	}

	@Override
	public Object getParent(Object element) {
		if (element instanceof TasksNode node) {
			return node.project();
		}
		if (element instanceof TaskRange range) {
			return new TasksNode(range.project());
		}
		if (element instanceof TaskEntry entry) {
			return new TasksNode(entry.project());
		}
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof TasksNode || element instanceof TaskRange
				|| element instanceof IProject project && LabelbenchProjects.isLabelbench(project);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		List<IProject> changed = new ArrayList<>();
		for (IResourceDelta projectDelta : delta.getAffectedChildren()) {
			if (projectDelta.findMember(IPath.fromOSString(TaskStore.FOLDER)) != null
					|| (projectDelta.getFlags() & (IResourceDelta.OPEN | IResourceDelta.DESCRIPTION)) != 0) {
				IProject project = (IProject) projectDelta.getResource();
				ids.remove(project);
				changed.add(project);
			}
		}
		if (!changed.isEmpty() && viewer != null) {
			Display.getDefault().asyncExec(() -> {
				if (viewer.getControl() != null && !viewer.getControl().isDisposed()) {
					changed.forEach(project -> viewer.refresh(project));
				}
			});
		}
	}
}
