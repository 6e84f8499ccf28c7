package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import io.labelbench.ui.help.GettingStartedView;
import io.labelbench.ui.hub.ModelsHubView;
import io.labelbench.ui.tasks.TasksView;

/** Help > Getting Started: six steps from import to review, each with buttons that run the step. */
class GettingStartedTest {

	@Test
	void gettingStartedShowsTheStepsAndItsButtonsRunThem() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.labelbench.ui.gettingStarted",
				null);
		GettingStartedView view = (GettingStartedView) page.findView(GettingStartedView.ID);
		UiTesting.waitUntil("Getting Started shown", () -> view != null && view.control().isVisible(), 5_000);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);

		List<String> texts = UiTesting.texts((Composite) view.control());
		List<String> titles = view.steps().stream().map(GettingStartedView.Step::title).toList();
		assertEquals(List.of("Import tasks", "Check the labeling config", "Choose models in the Models Hub",
				"Deploy a pre-annotation server", "Pre-annotate", "Review"), titles);
		assertTrue(texts.containsAll(titles), "every step shown: " + texts);
		for (String button : List.of("New Project...", "Import Tasks...", "Open Labeling Config", "Open Models Hub",
				"Deploy Server", "Pre-Annotate...", "Show Tasks")) {
			assertTrue(texts.contains(button), button + " in " + texts);
		}
		// the whole screen for the picture (under Xvfb no window manager maximizes the window)
		org.eclipse.swt.widgets.Shell shell = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Rectangle before = shell.getBounds();
		boolean maximized = shell.getMaximized();
		shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
		UiTesting.screenshot(shell, Path.of("target", "getting-started.png"));
		shell.setBounds(before);
		shell.setMaximized(maximized);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);

		UiTesting.press((Composite) view.control(), "Open Models Hub");
		assertEquals(ModelsHubView.ID, page.getActivePart().getSite().getId());
		page.activate(view);
		UiTesting.press((Composite) view.control(), "Show Tasks");
		assertEquals(TasksView.ID, page.getActivePart().getSite().getId());
	}
}
