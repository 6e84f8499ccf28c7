package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.editors.task.TaskEditor;
import io.labelbench.ui.tasks.TaskEditors;

/**
 * The text task editor with the workbench's Edit commands and keys (Undo, Redo, Copy, Select All), its own save,
 * and a config that changes while it is open.
 */
class TaskEditorEditingTest {

	static final String TEXT = "Take aspirin 100 mg twice daily.";

	@TempDir
	Path dir;

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
	}

	private IProject project(String name, Task task) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), TaskEditorTest.CONFIG, StandardCharsets.UTF_8);
		created.tasks().write(task);
		return LabelbenchProjects.openOrCreate(folder, null);
	}

	private static TaskEditor open(IProject project, TaskId id) {
		IFile file = project.getFolder(TaskStore.FOLDER).getFile(id.fileName());
		TaskEditors.open(page(), file);
		TaskEditor editor = assertInstanceOf(TaskEditor.class, page().getActiveEditor());
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		StyledText text = editor.completionText();
		UiTesting.waitUntil("the editor is laid out", () -> text.getSize().x > 100 && text.isVisible(), 10_000);
		editor.setFocus();
		return editor;
	}

	private static Label chip(TaskEditor editor, String label) {
		return editor.widgets().labelChips().stream().filter(c -> label.equals(c.getData())).findFirst().orElseThrow();
	}

	/** Runs a workbench command as its menu item or key binding does: through the handler of the active part. */
	static void execute(String commandId) throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(commandId, null);
	}

	/**
	 * The keys bound to a command where the user is now, e.g. "Ctrl+Shift+Z" (modifiers in one order: GTK shows
	 * "Shift+Ctrl+Z").
	 */
	static List<String> keysOf(String commandId) {
		return Arrays.stream(PlatformUI.getWorkbench().getService(IBindingService.class).getActiveBindingsFor(commandId))
				.map(trigger -> {
					List<String> parts = Arrays.asList(trigger.format().split("\\+"));
					List<String> modifiers = parts.subList(0, parts.size() - 1).stream()
							.sorted(java.util.Comparator.comparing(m -> m.equals("Ctrl") ? 0 : m.equals("Shift") ? 1 : 2))
							.toList();
					return String.join("+", modifiers) + (modifiers.isEmpty() ? "" : "+") + parts.get(parts.size() - 1);
				}).toList();
	}

	/** Presses a key with modifiers through the window system, as a user does. */
	static void press(int modifiers, char key) {
		Display display = Display.getCurrent();
		int[] modifierKeys = { SWT.CTRL, SWT.SHIFT };
		for (int modifier : modifierKeys) {
			if ((modifiers & modifier) != 0) {
				post(display, SWT.KeyDown, modifier, '\0');
			}
		}
		post(display, SWT.KeyDown, 0, key);
		post(display, SWT.KeyUp, 0, key);
		for (int modifier : modifierKeys) {
			if ((modifiers & modifier) != 0) {
				post(display, SWT.KeyUp, modifier, '\0');
			}
		}
	}

	private static void post(Display display, int type, int keyCode, char character) {
		Event event = new Event();
		event.type = type;
		event.keyCode = keyCode;
		event.character = character;
		assertTrue(display.post(event), "the window system takes the key event");
	}

	private static int regions(TaskEditor editor) {
		Annotation current = editor.session().current();
		return current == null ? 0 : current.results().size();
	}

	@Test
	void undoRedoCopyAndSelectAllThroughTheEditCommands() throws Exception {
		IProject project = project("edit", Task.of(TaskId.of(1), TEXT));
		TaskEditor editor = open(project, TaskId.of(1));

		editor.completionText().setSelection(5, 12); // aspirin
		chip(editor, "DRUG").notifyListeners(SWT.MouseUp, new Event());
		assertEquals(1, regions(editor));
		assertTrue(editor.isDirty());

		// Edit > Undo and Edit > Redo (what the menu items and their keys run)
		execute("org.eclipse.ui.edit.undo");
		assertEquals(0, regions(editor), "the label is taken back");
		execute("org.eclipse.ui.edit.redo");
		assertEquals(1, regions(editor), "and applied again");

		// the keys a user expects: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y
		assertTrue(keysOf("org.eclipse.ui.edit.undo").contains("Ctrl+Z"), keysOf("org.eclipse.ui.edit.undo").toString());
		List<String> redoKeys = keysOf("org.eclipse.ui.edit.redo");
		assertTrue(redoKeys.contains("Ctrl+Shift+Z") && redoKeys.contains("Ctrl+Y"), redoKeys.toString());

		// Ctrl+Z pressed on the keyboard
		page().getWorkbenchWindow().getShell().forceActive();
		editor.completionText().forceFocus();
		UiTesting.waitUntil("the completion text has the focus",
				() -> Display.getCurrent().getFocusControl() == editor.completionText(), 5_000);
		press(SWT.CTRL, 'z');
		UiTesting.waitUntil("Ctrl+Z undoes the label", () -> regions(editor) == 0, 5_000);
		press(SWT.CTRL, 'y');
		UiTesting.waitUntil("Ctrl+Y redoes it", () -> regions(editor) == 1, 5_000);
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-undo.png"));

		// Edit > Copy copies the selected text, Edit > Select All selects the whole text
		editor.completionText().setSelection(13, 19);
		execute("org.eclipse.ui.edit.copy");
		Clipboard clipboard = new Clipboard(Display.getCurrent());
		try {
			assertEquals("100 mg", clipboard.getContents(TextTransfer.getInstance()));
		} finally {
			clipboard.dispose();
		}
		execute("org.eclipse.ui.edit.selectAll");
		assertEquals(new Point(0, TEXT.length()), editor.completionText().getSelection());

		// Edit > Find is there for the task, and its dialog finds in the task text
		assertTrue(PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class)
				.getCommand("org.eclipse.ui.edit.findReplace").isHandled());
		org.eclipse.jface.text.IFindReplaceTarget find = editor.getAdapter(org.eclipse.jface.text.IFindReplaceTarget.class);
		editor.completionText().setSelection(0);
		assertEquals(13, find.findAndSelect(0, "100 MG", true, false, false));
		assertEquals(new Point(13, 19), editor.completionText().getSelection());
		assertEquals(-1, find.findAndSelect(0, "100 MG", true, true, false), "case-sensitive");
	}

	@Test
	void withTwoTasksOpenUndoTakesBackTheActiveEditorsLabel() throws Exception {
		IProject project = project("two", Task.of(TaskId.of(4), TEXT));
		LabelbenchProjects.of(project).tasks().write(Task.of(TaskId.of(5), TEXT));
		project.refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		TaskEditor first = open(project, TaskId.of(4));
		first.completionText().setSelection(5, 12);
		chip(first, "DRUG").notifyListeners(SWT.MouseUp, new Event());
		TaskEditor second = open(project, TaskId.of(5));
		second.completionText().setSelection(13, 19);
		chip(second, "DOSAGE").notifyListeners(SWT.MouseUp, new Event());

		page().activate(first);
		execute("org.eclipse.ui.edit.undo");
		assertEquals(0, regions(first), "the active editor's label is taken back");
		assertEquals(1, regions(second), "the other editor's stays");
		page().activate(second);
		execute("org.eclipse.ui.edit.undo");
		assertEquals(0, regions(second));
	}

	@Test
	void ownSaveShowsNoBannerAndKeepsRejections() throws Exception {
		Task task = Task.of(TaskId.of(2), TEXT);
		Annotation prediction = task.addPrediction();
		prediction.json().put("id", 1).put("model_version", "ner@1");
		Region aspirin = prediction.addResult("labels").span(5, 12, "aspirin", "DRUG");
		aspirin.json().put("id", "a").put("from_name", "label").put("to_name", "text");
		aspirin.value().put("confidence", 0.91);
		Region dose = prediction.addResult("labels").span(13, 19, "100 mg", "DOSAGE");
		dose.json().put("id", "b").put("from_name", "label").put("to_name", "text");
		IProject project = project("save", task);
		TaskEditor editor = open(project, TaskId.of(2));
		var ui = editor.widgets();

		// reject 100 mg, accept aspirin into a new completion
		TaskEditorTest.click(editor.predictionText(), 15, 0);
		ui.reject().notifyListeners(SWT.Selection, new Event());
		TaskEditorTest.click(editor.predictionText(), 7, 0);
		ui.accept().notifyListeners(SWT.Selection, new Event());
		assertEquals(1, regions(editor));
		assertTrue(editor.isDirty());

		execute("org.eclipse.ui.file.save");
		assertFalse(editor.isDirty());
		// the workspace reports the save synchronously; the editor takes the report on the UI thread: let it run
		while (Display.getCurrent().readAndDispatch()) {
			// the editor's pending updates
		}
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-saved.png"));
		assertEquals("", ui.status().getText(), "no 'changed on disk' after one's own save");
		Region storedDose = editor.session().predictionsNewestFirst().get(0).results().get(1);
		assertTrue(editor.session().isRejected(storedDose), "100 mg stays rejected");
		StyleRange struck = editor.predictionText().getStyleRangeAtOffset(15);
		assertTrue(struck != null && struck.strikeout, "and is shown struck out");
	}

	@Test
	void anOpenEditorTakesAChangedConfig() throws Exception {
		IProject project = project("config", Task.of(TaskId.of(3), TEXT));
		TaskEditor editor = open(project, TaskId.of(3));
		assertEquals(List.of("DRUG", "DOSAGE", "FREQUENCY"),
				editor.widgets().labelChips().stream().map(Label::getData).toList());
		org.eclipse.swt.graphics.RGB drugBefore = chip(editor, "DRUG").getBackground().getRGB();

		// the config gains ROUTE and DRUG changes colour, saved as the config editor saves it
		String changed = TaskEditorTest.CONFIG.replace("#E91E63", "#00796B").replace("<Label value=\"DOSAGE\"",
				"<Label value=\"ROUTE\" background=\"#FFC107\"/>\n    <Label value=\"DOSAGE\"");
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.setContents(new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)), true, false, null);
		UiTesting.waitUntil("the chips show ROUTE", () -> editor.widgets().labelChips().stream()
				.anyMatch(c -> "ROUTE".equals(c.getData())), 10_000);
		assertEquals(List.of("DRUG", "ROUTE", "DOSAGE", "FREQUENCY"),
				editor.widgets().labelChips().stream().map(Label::getData).toList());
		assertNotEquals(drugBefore, chip(editor, "DRUG").getBackground().getRGB(), "DRUG in its new colour");

		// and the new label can be applied (the edit session follows the config too)
		editor.completionText().setSelection(0, 4);
		chip(editor, "ROUTE").notifyListeners(SWT.MouseUp, new Event());
		assertEquals(1, regions(editor), editor.widgets().status().getText());
		assertEquals(List.of("ROUTE"), editor.session().current().results().get(0).labels());
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-config-changed.png"));
	}
}
