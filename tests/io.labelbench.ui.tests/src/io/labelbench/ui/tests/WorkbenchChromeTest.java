package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;

import io.labelbench.ui.tasks.TasksView;

/**
 * What every Eclipse user reaches for first, in the product's window: the Edit menu with the standard commands
 * and keys, the Help menu, the main toolbar, the perspective's views, and a first window that fills the screen.
 */
class WorkbenchChromeTest {

	private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();

	@Test
	void editMenuOffersTheStandardCommandsWithTheirKeys() {
		List<String> edit = menu("Edit");
		for (String item : List.of("Undo", "Redo", "Cut", "Copy", "Paste", "Select All", "Find/Replace...")) {
			// Undo and Redo say what they undo once an editor has done something ("Undo Typing")
			assertTrue(edit.stream().anyMatch(label -> label.startsWith(item)), item + " in " + edit);
		}
		assertBound("org.eclipse.ui.edit.undo", "Ctrl+Z");
		assertBound("org.eclipse.ui.edit.redo", "Ctrl+Shift+Z");
		assertBound("org.eclipse.ui.edit.redo", "Ctrl+Y");
		assertBound("org.eclipse.ui.edit.cut", "Ctrl+X");
		assertBound("org.eclipse.ui.edit.copy", "Ctrl+C");
		assertBound("org.eclipse.ui.edit.paste", "Ctrl+V");
		assertBound("org.eclipse.ui.edit.selectAll", "Ctrl+A");
		assertBound("org.eclipse.ui.edit.findReplace", "Ctrl+F");
	}

	@Test
	void helpMenuHasGettingStartedAndAboutWithNameVersionAndBuild() {
		List<String> help = menu("Help");
		assertTrue(help.contains("Getting Started"), help.toString());
		assertTrue(help.contains("About Labelbench"), help.toString());

		List<String> about = new ArrayList<>();
		UiTesting.whenDialogOpens("About Labelbench", shell -> {
			about.addAll(UiTesting.texts(shell));
			UiTesting.press(shell, "OK");
		});
		select("Help", "About Labelbench");
		String text = String.join("\n", about);
		assertTrue(text.contains("Labelbench"), text);
		assertTrue(text.matches("(?s).*Version 1\\.0\\.0\\b.*"), text);
		assertTrue(text.matches("(?s).*Build \\d{12}.*"), "the build qualifier: " + text);
	}

	@Test
	void mainToolbarHasSaveImportExportDeployAndPreAnnotate() throws Exception {
		List<String> found = new ArrayList<>();
		for (ToolBar bar : toolBars(window.getShell(), new ArrayList<>())) {
			List<String> items = Arrays.stream(bar.getItems()).map(WorkbenchChromeTest::describe).toList();
			if (items.stream().anyMatch(i -> i.startsWith("Import"))) {
				found.addAll(items);
			}
		}
		for (String item : List.of("Save", "Import", "Export", "Deploy", "Pre-Annotate")) {
			assertTrue(found.stream().anyMatch(i -> i.startsWith(item)), item + " in " + found);
		}
		UiTesting.screenshot(window.getShell(), Path.of("target", "workbench-chrome.png"));
	}

	@Test
	void perspectiveShowsProblemsOutlineAndLabelPalette() {
		// in the perspective's layout as tabs (shown or not yet), not as placeholders for later
		EModelService models = window.getService(EModelService.class);
		MPerspective perspective = models.getActivePerspective(window.getService(MWindow.class));
		for (String id : List.of(IPageLayout.ID_PROJECT_EXPLORER, TasksView.ID, IPageLayout.ID_PROBLEM_VIEW,
				IPageLayout.ID_OUTLINE, "io.labelbench.ui.editors.labelPalette", IPageLayout.ID_PROGRESS_VIEW)) {
			List<MPlaceholder> found = models.findElements(perspective, id, MPlaceholder.class, null);
			assertEquals(1, found.stream().filter(MPlaceholder::isToBeRendered).count(),
					id + " once in the perspective: " + found);
		}
	}

	@Test
	void theFirstWindowOpensMaximized() {
		assertTrue(window.getShell().getMaximized(), "maximized");
	}

	/** The labels of a main menu's items (mnemonics and key texts left out), the menu shown first. */
	private List<String> menu(String title) {
		Menu menu = item(window.getShell().getMenuBar(), title).getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> labels = Arrays.stream(menu.getItems()).filter(i -> (i.getStyle() & SWT.SEPARATOR) == 0)
				.map(i -> label(i.getText())).toList();
		menu.notifyListeners(SWT.Hide, new Event());
		return labels;
	}

	private void select(String menuTitle, String itemLabel) {
		Menu menu = item(window.getShell().getMenuBar(), menuTitle).getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		MenuItem item = item(menu, itemLabel);
		menu.notifyListeners(SWT.Hide, new Event());
		item.notifyListeners(SWT.Selection, new Event());
	}

	private static MenuItem item(Menu menu, String label) {
		for (MenuItem item : menu.getItems()) {
			if (label(item.getText()).equals(label)) {
				return item;
			}
		}
		throw new AssertionError("no " + label + " in " + Arrays.stream(menu.getItems()).map(MenuItem::getText).toList());
	}

	private static String label(String text) {
		int tab = text.indexOf('\t');
		return (tab < 0 ? text : text.substring(0, tab)).replace("&", "");
	}

	private static void assertBound(String commandId, String keys) {
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		List<String> bound = Arrays.stream(bindings.getActiveBindingsFor(commandId)).map(t -> t.format()).toList();
		// the modifiers' order in the formatted text is the platform's
		assertTrue(bound.stream().anyMatch(b -> keySet(b).equals(keySet(keys))), commandId + " bound to " + keys + ": " + bound);
	}

	private static java.util.Set<String> keySet(String keys) {
		return java.util.Set.of(keys.split("\\+"));
	}

	private static List<ToolBar> toolBars(Composite parent, List<ToolBar> found) {
		for (Control child : parent.getChildren()) {
			if (child instanceof ToolBar bar) {
				found.add(bar);
			} else if (child instanceof Composite composite) {
				toolBars(composite, found);
			}
		}
		return found;
	}

	private static String describe(ToolItem item) {
		String tip = item.getToolTipText();
		return !item.getText().isEmpty() ? item.getText() : tip == null ? "" : tip;
	}
}
