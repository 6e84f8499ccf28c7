package io.labelbench.ui.navigator;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IAdaptable;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;

/** One task in the explorer; adapts to its JSON file. */
public record TaskEntry(IProject project, TaskId id) implements IAdaptable {

	public IFile file() {
		return project.getFolder(TaskStore.FOLDER).getFile(id.fileName());
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter.isAssignableFrom(IFile.class) ? adapter.cast(file()) : null;
	}
}
