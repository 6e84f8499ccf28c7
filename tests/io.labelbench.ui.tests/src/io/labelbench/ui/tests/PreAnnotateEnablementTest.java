package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IProject;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.tasks.TasksView;

/** Pre-Annotate is offered to Owners and Managers of the project in view, and greyed out for anyone else. */
class PreAnnotateEnablementTest {

	private static final String PREANNOTATE = "io.labelbench.ui.servers.preannotate";

	@TempDir
	Path dir;

	private static boolean enabledFor(IProject project) throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		TasksView tasks = (TasksView) page.showView(TasksView.ID);
		tasks.setProject(project);
		page.activate(tasks);
		UiTesting.waitUntil("the Tasks view shows " + project.getName(), () -> project.equals(tasks.project()), 5_000);
		Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(PREANNOTATE);
		command.setEnabled(PlatformUI.getWorkbench().getService(IHandlerService.class).getCurrentState());
		return command.isEnabled();
	}

	@Test
	void onlyOwnersAndManagersMayPreannotate() throws Exception {
		LabelbenchProject.create(dir.resolve("mine"), LabelbenchProject.currentUser());
		LabelbenchProject.create(dir.resolve("theirs"), "someone-else");
		IProject mine = LabelbenchProjects.openOrCreate(dir.resolve("mine"), null);
		IProject theirs = LabelbenchProjects.openOrCreate(dir.resolve("theirs"), null);
		assertTrue(enabledFor(mine), "the owner may pre-annotate");
		assertFalse(enabledFor(theirs), "someone who is not a member may not");
	}
}
