package io.labelbench.ui.editors.task;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.UserPreferences;
import io.labelbench.ui.tasks.TaskNavigation;

/**
 * The task a task editor edits, without widgets: its file, project and labeling config, the edit session, the
 * prediction history (newest first, and which one is shown), taking in what others wrote to the task or the
 * config, saving only the completions under the task's lock, and the order of Previous and Next.
 */
final class TaskEditorController {

	/** What reading the task again after it changed on disk did. */
	enum StoredChange {
		/** The file holds what this editor saved: nothing to take. */
		OWN_SAVE,
		/** The editor has unsaved edits: only the predictions were taken. */
		PREDICTIONS_TAKEN,
		/** The editor had no edits: it now shows the file as it is. */
		RELOADED
	}

	private IFile file;
	private LabelbenchProject project;
	private TaskId taskId;
	private LabelingConfig config;
	private TaskEditSession session;
	private List<Annotation> predictions = List.of();
	private int shownPrediction;

	/** Reads the task of an editor input; the config is read again only when the project changes. */
	void load(IEditorInput input) throws PartInitException {
		if (!(input instanceof IFileEditorInput fileInput)) {
			throw new PartInitException(Messages.TaskEditor_notATaskFile);
		}
		IFile newFile = fileInput.getFile();
		LabelbenchProject newProject = LabelbenchProjects.of(newFile.getProject());
		TaskId id = TaskStore.idOf(Path.of(newFile.getName()));
		if (newProject == null || id == null) {
			throw new PartInitException(NLS.bind(Messages.TaskEditor_notATask, newFile.getFullPath()));
		}
		Task task;
		try {
			task = newProject.tasks().read(id);
		} catch (TaskFormatException e) {
			throw new PartInitException(NLS.bind(Messages.TaskEditor_unreadable, newFile.getFullPath(), e.getMessage()));
		} catch (IOException e) {
			throw new PartInitException(NLS.bind(Messages.TaskEditor_unreadable, newFile.getFullPath(), e.getMessage()), e);
		}
		if (config == null || project == null || !project.folder().equals(newProject.folder())) {
			config = readConfig(newProject);
		}
		file = newFile;
		project = newProject;
		taskId = id;
		startSession(task);
	}

	private void startSession(Task task) {
		session = new TaskEditSession(task, config, UserPreferences.currentUser(), Clock.systemUTC());
		showHistory();
	}

	private void showHistory() {
		predictions = session.predictionsNewestFirst();
		shownPrediction = 0;
	}

	private static LabelingConfig readConfig(LabelbenchProject project) {
		try {
			return LabelingConfig.read(project.configFile());
		} catch (IOException e) {
			return null;
		}
	}

	/**
	 * Reads the task again after it changed on disk. Unedited, the editor shows the file as it is now; with
	 * unsaved edits, only the predictions are taken, and saving keeps both. One's own save changes nothing.
	 */
	StoredChange takeStoredChanges() throws IOException {
		Task stored = project.tasks().read(taskId);
		if (session.matches(stored)) {
			return StoredChange.OWN_SAVE;
		}
		StoredChange change;
		if (session.isDirty()) {
			session.replacePredictions(stored);
			showHistory();
			change = StoredChange.PREDICTIONS_TAKEN;
		} else {
			startSession(stored);
			change = StoredChange.RELOADED;
		}
		return change;
	}

	/** Takes the project's labeling config again after it changed: what edits may do follows it. */
	void takeConfigChange() {
		config = readConfig(project);
		session.setSchema(config);
	}

	/** Writes the completions into the task file under the task's lock, keeping what others wrote meanwhile. */
	void save(IProgressMonitor monitor) throws IOException, CoreException {
		project.tasks().update(taskId, session::applyTo);
		session.markSaved();
		file.refreshLocal(IResource.DEPTH_ZERO, monitor);
	}

	/** The order of Previous and Next: the navigation's (its filter applies) when it shows this task, else every task by id. */
	List<TaskId> navigationOrder(TaskNavigation navigation) {
		if (navigation != null) {
			List<TaskId> order = navigation.orderAround(file.getProject(), taskId);
			if (!order.isEmpty()) {
				return order;
			}
		}
		try {
			List<TaskId> ids = new ArrayList<>(project.tasks().ids());
			ids.sort(null);
			return ids;
		} catch (IOException e) {
			return List.of(taskId);
		}
	}

	/** The config's controls of one type ({@code labels}, {@code rectanglelabels}) that label an object. */
	List<ControlTag> labelControls(String type) {
		List<ControlTag> controls = new ArrayList<>();
		if (config != null) {
			for (ControlTag control : config.controlTags()) {
				if (type.equals(control.type()) && !control.toNames().isEmpty()) {
					controls.add(control);
				}
			}
		}
		return controls;
	}

	/** The file of another task of the same project. */
	IFile fileOf(TaskId id) {
		return file.getProject().getFolder(TaskStore.FOLDER).getFile(id.fileName());
	}

	/** The prediction shown on the left, or {@code null} when the task has none. */
	Annotation shown() {
		return shownPrediction >= 0 && shownPrediction < predictions.size() ? predictions.get(shownPrediction) : null;
	}

	void showPrediction(int index) {
		shownPrediction = index;
	}

	int shownIndex() {
		return shownPrediction;
	}

	/** The task's predictions, newest first. */
	List<Annotation> predictions() {
		return predictions;
	}

	IFile file() {
		return file;
	}

	LabelbenchProject project() {
		return project;
	}

	TaskId taskId() {
		return taskId;
	}

	LabelingConfig config() {
		return config;
	}

	TaskEditSession session() {
		return session;
	}
}
