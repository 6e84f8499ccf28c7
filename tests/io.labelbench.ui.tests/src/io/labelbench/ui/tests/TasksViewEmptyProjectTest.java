package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.tasks.TasksView;

/** The Tasks view on a project without tasks: no error, and the count said right ("0 tasks", "1 task"). */
class TasksViewEmptyProjectTest {

	@TempDir
	Path dir;

	@Test
	void anEmptyProjectIsShownWithoutErrorsAndCountsReadRight() throws Exception {
		List<IStatus> logged = new ArrayList<>();
		ILogListener listener = (status, plugin) -> {
			if (status.getSeverity() == IStatus.ERROR) {
				logged.add(status);
			}
		};
		Platform.addLogListener(listener);
		try {
			Path folder = dir.resolve("empty");
			LabelbenchProject.create(folder, LabelbenchProject.currentUser());
			Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE),
					"<View><Labels name=\"l\" toName=\"t\"><Label value=\"A\"/></Labels><Text name=\"t\" value=\"$text\"/></View>",
					StandardCharsets.UTF_8);
			IProject project = LabelbenchProjects.openOrCreate(folder, null);
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

			// as a user does: select the project in the explorer, look at the Tasks view, sort, filter, select all
			CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
			explorer.getCommonViewer().setSelection(new StructuredSelection(project), true);
			TasksView tasks = (TasksView) page.showView(TasksView.ID);
			UiTesting.waitUntil("the empty project shown", () -> project.equals(tasks.project()), 5_000);
			UiTesting.waitForJobs(LabelbenchJobs.FAMILY_TASK_SUMMARIES, 10_000);
			for (TableColumn column : tasks.table().getColumns()) {
				column.notifyListeners(SWT.Selection, new Event());
				column.notifyListeners(SWT.Selection, new Event());
			}
			for (int i = 0; i < tasks.filterCombo().getItemCount(); i++) {
				tasks.filterCombo().select(i);
				tasks.filterCombo().notifyListeners(SWT.Modify, new Event());
			}
			tasks.filterCombo().select(0); // all tasks again, as other tests expect of the shared view
			tasks.filterCombo().notifyListeners(SWT.Modify, new Event());
			tasks.filterText().setText("aspirin");
			tasks.filterText().setText("");
			tasks.table().selectAll();
			tasks.table().notifyListeners(SWT.DefaultSelection, new Event());
			UiTesting.waitForJobs(LabelbenchJobs.FAMILY_TASK_SUMMARIES, 10_000);
			assertEquals(0, tasks.table().getItemCount());
			assertEquals("empty: 0 of 0 tasks", status(tasks));
			// GTK asks for the data of a row being removed with index -1 (SWT's indexOf of an item no longer
			// in the table) while the rows shrink to none: the view has nothing to fill, and no error
			Event removedRow = new Event();
			removedRow.index = -1;
			tasks.table().notifyListeners(SWT.SetData, removedRow);

			Files.writeString(folder.resolve("tasks").resolve("1.json"), "{\"id\": 1, \"data\": {\"text\": \"One.\"}}",
					StandardCharsets.UTF_8);
			project.refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
			UiTesting.waitUntil("the task listed", () -> tasks.table().getItemCount() == 1, 10_000);
			assertEquals("empty: 1 of 1 task", status(tasks));
			// the project deleted while shown: the view lets it go
			project.delete(false, true, null);
			UiTesting.waitUntil("the deleted project no longer shown", () -> !project.equals(tasks.project()), 5_000);
			UiTesting.waitForJobs(LabelbenchJobs.FAMILY_TASK_SUMMARIES, 10_000);
			assertEquals(List.of(), logged.stream().map(s -> s.getMessage() + " " + s.getException()).toList(),
					"nothing went wrong in the log");
		} finally {
			Platform.removeLogListener(listener);
		}
	}

	private static String status(TasksView tasks) {
		for (Control child : tasks.table().getParent().getChildren()) {
			if (child instanceof Label label) {
				return label.getText();
			}
		}
		return null;
	}
}
