package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import io.labelbench.ui.internal.workbench.Perspective;
import io.labelbench.ui.tasks.TasksView;

class PerspectiveTest {

	@Test
	void workbenchOpensLabelbenchPerspectiveWithExplorerAndTasks() {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		assertEquals(Perspective.ID, page.getPerspective().getId());
		assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "Project Explorer");
		assertNotNull(page.findViewReference(TasksView.ID), "Tasks view");
	}
}
