package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.samples.SampleProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.SampleProjectJob;
import io.labelbench.ui.navigator.TasksNode;
import io.labelbench.ui.tasks.TasksView;
import io.labelbench.ui.wizards.ImportTasksWizard;

/**
 * What a user sees with the sample project: it opens in the explorer with its Tasks node, the Tasks view lists
 * its tasks, and the import wizard adds tasks that appear in the view.
 */
class SampleProjectWorkbenchTest {

	@TempDir
	Path dir;

	@Test
	void sampleProjectInExplorerTasksViewAndImportWizard() throws Exception {
		Path folder = dir.resolve(SampleProject.DEFAULT_FOLDER_NAME);
		new SampleProjectJob(folder).schedule();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_SAMPLE, 30_000);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.DEFAULT_FOLDER_NAME);
		assertTrue(LabelbenchProjects.isLabelbench(project), "the sample is a Labelbench project");
		int sampleTasks = SampleProject.taskCount();

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		explorer.getCommonViewer().expandToLevel(project, 1);
		Tree tree = explorer.getCommonViewer().getTree();
		UiTesting.waitUntil("the project's children in the explorer",
				() -> childLabels(tree, project.getName()).contains("Tasks (" + sampleTasks + ")"), 10_000);
		String children = childLabels(tree, project.getName());
		assertTrue(children.contains(LabelbenchProject.CONFIG_FILE), children);
		assertTrue(!children.contains("\ttasks\t") && !children.contains(".labelbench"), "storage folders hidden: " + children);

		explorer.getCommonViewer().setSelection(new StructuredSelection(new TasksNode(project)), true);
		TasksView tasks = (TasksView) page.showView(TasksView.ID);
		tasks.setProject(project);
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_TASK_SUMMARIES, 30_000);
		UiTesting.waitUntil("sample tasks listed", () -> tasks.table().getItemCount() == sampleTasks, 10_000);
		UiTesting.waitUntil("previews filled", () -> !tasks.table().getItem(0).getText(1).isEmpty(), 10_000);
		assertEquals("1", tasks.table().getItem(0).getText(0));

		Path source = dir.resolve("more.json");
		Files.writeString(source, "[{\"data\": {\"text\": \"Metoprolol 25 mg orally twice daily.\"}},"
				+ " {\"data\": {\"text\": \"Acme Corp. reported revenue of $4.2 billion.\"}}]", StandardCharsets.UTF_8);
		ImportTasksWizard wizard = new ImportTasksWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(page.getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		wizard.page().fill(source.toString(), "text", LabelbenchProjects.all().indexOf(project));
		UiTesting.waitUntil("wizard shown", () -> dialog.getShell().isVisible(), 5_000);
		UiTesting.screenshot(dialog.getShell(), Path.of("target", "import-wizard.png"));
		assertTrue(wizard.canFinish(), "the wizard accepts the form");
		assertTrue(wizard.performFinish());
		dialog.close();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_IMPORT, 30_000);

		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		assertEquals(sampleTasks + 2, labelbench.tasks().ids().size());
		assertEquals("Metoprolol 25 mg orally twice daily.",
				labelbench.tasks().read(TaskId.of(sampleTasks + 1)).text());
		UiTesting.waitUntil("imported tasks in the Tasks view", () -> tasks.table().getItemCount() == sampleTasks + 2,
				10_000);
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_TASK_SUMMARIES, 30_000);
		UiTesting.waitUntil("explorer count updated",
				() -> childLabels(tree, project.getName()).contains("Tasks (" + (sampleTasks + 2) + ")"), 10_000);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "workbench.png"));
		project.delete(false, true, null); // its folder goes with the test's temporary folder
	}

	private static String childLabels(Tree tree, String projectName) {
		for (TreeItem item : tree.getItems()) {
			if (item.getText().equals(projectName)) {
				item.setExpanded(true);
				return "\t" + String.join("\t", Arrays.stream(item.getItems()).map(TreeItem::getText).toList()) + "\t";
			}
		}
		return "";
	}
}
