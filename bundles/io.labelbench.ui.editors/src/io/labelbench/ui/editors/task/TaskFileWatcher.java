package io.labelbench.ui.editors.task;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;

import io.labelbench.core.store.LabelbenchProject;

/**
 * Tells a task editor when its task file or its project's labeling config changed on disk: a pre-annotation job
 * (or another tool) that rewrote the open task, or an edited config.
 */
final class TaskFileWatcher implements IResourceChangeListener {

	private final Supplier<IFile> file;
	private final Executor ui;
	private final Runnable taskChanged;
	private final Runnable configChanged;

	/** Both callbacks run on {@code ui}. */
	TaskFileWatcher(Supplier<IFile> file, Executor ui, Runnable taskChanged, Runnable configChanged) {
		this.file = file;
		this.ui = ui;
		this.taskChanged = taskChanged;
		this.configChanged = configChanged;
	}

	void start() {
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
	}

	void stop() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IFile watched = file.get();
		if (event.getDelta() == null || watched == null) {
			return;
		}
		if (changedContent(event.getDelta().findMember(watched.getFullPath()))) {
			ui.execute(taskChanged);
		}
		IResourceDelta configDelta = event.getDelta()
				.findMember(watched.getProject().getFile(LabelbenchProject.CONFIG_FILE).getFullPath());
		if (configDelta != null && (configDelta.getKind() != IResourceDelta.CHANGED || changedContent(configDelta))) {
			ui.execute(configChanged);
		}
	}

	private static boolean changedContent(IResourceDelta delta) {
		return delta != null && delta.getKind() == IResourceDelta.CHANGED && (delta.getFlags() & IResourceDelta.CONTENT) != 0;
	}
}
