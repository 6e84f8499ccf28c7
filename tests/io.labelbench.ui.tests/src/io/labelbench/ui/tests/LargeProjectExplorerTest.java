package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.navigator.TaskRange;
import io.labelbench.ui.navigator.TasksContentProvider;
import io.labelbench.ui.navigator.TasksNode;

/** A 100,000-task project: the Tasks node holds ranges of 1,000, built from file names alone. */
class LargeProjectExplorerTest {

	private static final int TASKS = 100_000;

	@TempDir
	Path dir;

	@Test
	void hundredThousandTasksExpandAsRanges() throws Exception {
		Path folder = dir.resolve("big");
		LabelbenchProject project = LabelbenchProject.create(folder, "ana");
		Path tasks = project.tasks().folder();
		for (int id = 1; id <= TASKS; id++) {
			// a file that is not valid JSON: expanding must list names only, never read contents
			Files.writeString(tasks.resolve(id + ".json"), "not read by the explorer", StandardCharsets.UTF_8);
		}
		IProject eclipseProject = LabelbenchProjects.openOrCreate(folder, null);

		TasksContentProvider provider = new TasksContentProvider();
		Object[] ranges = provider.getChildren(new TasksNode(eclipseProject));
		assertEquals(TASKS / TasksContentProvider.RANGE, ranges.length);
		TaskRange second = (TaskRange) ranges[1];
		assertEquals("1001", second.ids().get(0).value());
		assertEquals("2000", second.ids().get(999).value());
		assertEquals(1000, provider.getChildren(second).length);

		CommonNavigator explorer = (CommonNavigator) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.showView(IPageLayout.ID_PROJECT_EXPLORER);
		explorer.getCommonViewer().expandToLevel(new TasksNode(eclipseProject), 1);
		UiTesting.waitUntil("ranges in the explorer", () -> explorer.getCommonViewer().getTree().getItemCount() > 0, 10_000);
		String labels = explorer.getCommonViewer().getTree().getItem(0).getText();
		assertTrue(!labels.isEmpty());
		eclipseProject.delete(false, true, null);
	}

}
