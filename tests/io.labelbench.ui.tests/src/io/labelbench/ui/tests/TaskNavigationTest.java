package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.editors.task.TaskEditor;
import io.labelbench.ui.tasks.TasksView;

/** Previous and Next of the task editor follow the Tasks view's filtered rows: a review queue. */
class TaskNavigationTest {

	@TempDir
	Path dir;

	private TasksView tasks;

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void cleanUp() {
		page().closeAllEditors(false);
		if (tasks != null) {
			filter(0); // all tasks again, as other tests expect of the shared view
		}
	}

	private void filter(int index) {
		tasks.filterCombo().select(index);
		tasks.filterCombo().notifyListeners(SWT.Modify, new Event());
	}

	private static void press(org.eclipse.swt.widgets.Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}

	@Test
	void nextAndPreviousFollowTheRowsOfTheFilter() throws Exception {
		Path folder = dir.resolve("queue");
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), TaskEditorTest.CONFIG, StandardCharsets.UTF_8);
		for (int id = 1; id <= 4; id++) {
			Task task = Task.of(TaskId.of(id), "Task text " + id + ".");
			if (id != 4) {
				task.addPrediction().json().put("model_version", "ner@1");
			}
			if (id == 2) {
				task.addCompletion();
			}
			created.tasks().write(task);
		}
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		tasks = (TasksView) page().showView(TasksView.ID);
		tasks.setProject(project);
		filter(2); // predictions, no completion
		UiTesting.waitUntil("the Tasks view lists tasks 1 and 3",
				() -> tasks.shownIds().equals(List.of(TaskId.of(1), TaskId.of(3))), 10_000);
		tasks.table().select(0);
		tasks.table().notifyListeners(SWT.DefaultSelection, new Event());
		TaskEditor editor = assertInstanceOf(TaskEditor.class, page().getActiveEditor());
		assertEquals("Task 1", editor.getPartName());

		press(editor.widgets().next());
		assertEquals("Task 3", editor.getPartName(), "task 2 has a completion: the filter leaves it out");
		press(editor.widgets().next());
		assertEquals("Task 3", editor.getPartName());
		assertEquals("This is the last task.", editor.widgets().status().getText());
		press(editor.widgets().previous());
		assertEquals("Task 1", editor.getPartName());

		filter(0);
		UiTesting.waitUntil("the Tasks view lists every task", () -> tasks.shownIds().size() == 4, 10_000);
		press(editor.widgets().next());
		assertEquals("Task 2", editor.getPartName(), "without a filter, every task in id order");
	}
}
