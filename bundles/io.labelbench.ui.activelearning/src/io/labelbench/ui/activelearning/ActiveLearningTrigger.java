package io.labelbench.ui.activelearning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.ProjectSettings;
import io.labelbench.core.store.TaskStore;
import io.labelbench.project.training.ActiveLearning;
import io.labelbench.ui.LabelbenchProjects;

/**
 * Counts submitted completions as task files change — a Submit in a task editor, an edit, a deleted completion
 * or task, an import — and starts a training when one is due. Listens to the workspace from the workbench's start;
 * the counting runs in a job of its own, so that saving a task never waits for it.
 */
public final class ActiveLearningTrigger implements IStartup, IResourceChangeListener {

	private static final ActiveLearningTrigger INSTANCE = new ActiveLearningTrigger();

	private static volatile boolean listening;

	private final Map<IProject, Set<TaskId>> changed = new HashMap<>();
	private final Job counting = Job.create(Messages.Job_count, this::count);

	public ActiveLearningTrigger() {
		counting.setSystem(true);
	}

	@Override
	public void earlyStartup() {
		install();
	}

	/** Starts listening (once). */
	public static void install() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(INSTANCE);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(INSTANCE, IResourceChangeEvent.POST_CHANGE);
		listening = true;
	}

	/** Whether the workspace is listened to (from the workbench's start on). */
	public static boolean listening() {
		return listening;
	}

	/** The job that counts changed tasks, for tests to wait on. */
	public static Job countingJob() {
		return INSTANCE.counting;
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		boolean[] settingsChanged = { false };
		Map<IProject, Set<TaskId>> found = new HashMap<>();
		try {
			delta.accept(child -> {
				IResource resource = child.getResource();
				if (resource.getType() == IResource.PROJECT) {
					return LabelbenchProjects.isLabelbench((IProject) resource) || child.getKind() == IResourceDelta.REMOVED;
				}
				if (resource instanceof IFile file) {
					taskOf(file, child).ifPresent(id -> found.computeIfAbsent(file.getProject(), p -> new HashSet<>()).add(id));
					settingsChanged[0] |= file.getProjectRelativePath().toString().equals(ProjectSettings.RELATIVE_PATH);
				}
				return true;
			});
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
		}
		if (!found.isEmpty()) {
			synchronized (changed) {
				found.forEach((project, ids) -> changed.computeIfAbsent(project, p -> new HashSet<>()).addAll(ids));
			}
			counting.schedule();
		} else if (settingsChanged[0]) {
			ActiveLearningDecorator.refresh();
		}
	}

	private static Optional<TaskId> taskOf(IFile file, IResourceDelta delta) {
		IResource parent = file.getParent();
		boolean contentOrPresence = delta.getKind() != IResourceDelta.CHANGED
				|| (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
		if (!contentOrPresence || parent.getType() != IResource.FOLDER || !TaskStore.FOLDER.equals(parent.getName())
				|| parent.getParent().getType() != IResource.PROJECT) {
			return Optional.empty();
		}
		return Optional.ofNullable(TaskStore.idOf(Path.of(file.getName())));
	}

	private IStatus count(IProgressMonitor monitor) {
		Map<IProject, Set<TaskId>> batch;
		synchronized (changed) {
			batch = new HashMap<>(changed);
			changed.clear();
		}
		for (Map.Entry<IProject, Set<TaskId>> entry : batch.entrySet()) {
			IProject project = entry.getKey();
			LabelbenchProject lb = project.isOpen() ? LabelbenchProjects.of(project) : null;
			if (lb == null) {
				continue;
			}
			try {
				ActiveLearning learning = new ActiveLearning(lb);
				if (learning.status().settings().enabled()) {
					learning.tasksChanged(entry.getValue());
					ActiveTrainings.startIfDue(project, learning);
				}
			} catch (IOException e) {
				ILog.of(getClass()).log(Status.warning("active learning of project " + project.getName()
						+ ": the count could not be kept: " + e.getMessage(), e));
			}
		}
		ActiveLearningDecorator.refresh();
		return Status.OK_STATUS;
	}
}
