package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
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
 * The task editor as a reviewer uses it: two predictions, the older one taken whole into a completion, one
 * more region accepted from the newer one, another relabelled by hotkey, saved, closed, reopened.
 */
class TaskEditorTest {

	static final String CONFIG = """
			<View>
			  <Relations><Relation value="DRUG-DOSAGE"/></Relations>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" background="#E91E63" hotkey="d"/>
			    <Label value="DOSAGE" background="#9C27B0"/>
			    <Label value="FREQUENCY" background="#3F51B5" hotkey="f"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			  <Choices name="domain" toName="text" choice="single"><Choice value="clinical"/><Choice value="finance"/></Choices>
			</View>
			""";

	static final String TEXT = "Take 😀 aspirin 100 mg twice daily.\r\n東京 ibuprofen 200 mg at night.";

	@TempDir
	Path dir;

	private IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
	}

	private static void span(Annotation annotation, String id, int start, int end, String label, double confidence) {
		Region region = annotation.addResult("labels").span(start, end, TEXT.substring(start, end), label);
		region.json().put("id", id).put("from_name", "label").put("to_name", "text");
		region.value().put("confidence", confidence);
	}

	private IProject project(String name, Task task) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), CONFIG, StandardCharsets.UTF_8);
		created.tasks().write(task);
		return LabelbenchProjects.openOrCreate(folder, null);
	}

	private TaskEditor open(IProject project, TaskId id) {
		IFile file = project.getFolder(TaskStore.FOLDER).getFile(id.fileName());
		TaskEditors.open(page(), file);
		TaskEditor editor = assertInstanceOf(TaskEditor.class, page().getActiveEditor());
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		StyledText text = editor.predictionText();
		UiTesting.waitUntil("the editor is laid out", () -> text.getSize().x > 100 && text.isVisible(), 10_000);
		return editor;
	}

	private static void select(Widget widget, int index) {
		if (widget instanceof org.eclipse.swt.widgets.Combo combo) {
			combo.select(index);
		}
		widget.notifyListeners(SWT.Selection, new Event());
	}

	/** A mouse click on the character at {@code offset}. */
	static void click(StyledText text, int offset, int stateMask) {
		text.setSelection(offset);
		text.showSelection();
		Point at = text.getLocationAtOffset(offset);
		assertEquals(offset, text.getOffsetAtPoint(new Point(at.x + 2, at.y + 2)), "the click lands on the character");
		Event event = new Event();
		event.x = at.x + 2;
		event.y = at.y + 2;
		event.button = 1;
		event.stateMask = stateMask;
		text.notifyListeners(SWT.MouseUp, event);
	}

	private static void key(StyledText text, char character) {
		Event event = new Event();
		event.character = character;
		event.keyCode = character;
		text.notifyListeners(SWT.KeyDown, event);
	}

	private static StyleRange styleAt(StyledText text, int offset) {
		return text.getStyleRangeAtOffset(offset);
	}

	@Test
	void reviewTwoPredictionsIntoOneCompletionAndPersistIt() throws Exception {
		Task task = Task.of(TaskId.of(7), TEXT);
		Annotation older = task.addPrediction();
		older.json().put("id", 1).put("model_version", "ner_posology@1").put("created_username", "server:posology")
				.put("created_at", "2026-11-01T08:00:00Z").put("score", 0.81);
		span(older, "a", 8, 15, "DRUG", 0.97); // aspirin
		span(older, "b", 16, 22, "DOSAGE", 0.88); // 100 mg
		Annotation newer = task.addPrediction();
		newer.json().put("id", 2).put("model_version", "ner_posology@2").put("created_username", "server:posology")
				.put("created_at", "2026-11-20T08:00:00Z").put("score", 0.93);
		span(newer, "a", 8, 15, "DRUG", 0.99);
		span(newer, "b", 16, 22, "DOSAGE", 0.95);
		span(newer, "c", 40, 49, "DRUG", 0.91); // ibuprofen
		newer.addResult("choices").json().put("from_name", "domain").put("to_name", "text").put("score", 0.97)
				.putObject("value").putArray("choices").add("clinical");
		IProject project = project("review", task);

		TaskEditor editor = open(project, TaskId.of(7));
		var ui = editor.widgets();
		assertEquals("Task 7 \u00b7 2 predictions \u00b7 no completion", ui.title().getText(), "plurals right");
		assertEquals(2, ui.predictions().getItemCount());
		assertTrue(ui.predictions().getItem(0).startsWith("ner_posology@2"), "newest first: " + ui.predictions().getItem(0));
		assertEquals(TEXT, editor.predictionText().getText(), "the text as stored, CRLF included");
		assertEquals(3, editor.predictionText().getStyleRanges().length, "the newer prediction's three spans");
		assertEquals("Choices: domain = clinical (0.97)", editor.predictionChoices().getText());

		// the older prediction, taken whole
		select(ui.predictions(), 1);
		assertEquals(2, editor.predictionText().getStyleRanges().length);
		select(ui.createCompletion(), 0);
		assertEquals(1, ui.completions().getItemCount());
		assertTrue(editor.isDirty());
		assertTrue(ui.diffSummary().getText().contains("2 same"), ui.diffSummary().getText());

		// ibuprofen from the newer one: shown as missing from the completion, then accepted
		select(ui.predictions(), 0);
		StyleRange missing = styleAt(editor.predictionText(), 42);
		assertTrue(missing.underline && missing.underlineStyle == SWT.UNDERLINE_SQUIGGLE, "missing is underlined wavy");
		click(editor.predictionText(), 42, 0);
		assertTrue(ui.accept().isEnabled());
		select(ui.accept(), 0);
		assertTrue(ui.diffSummary().getText().contains("3 same"), ui.diffSummary().getText());

		// relabel 100 mg by its hotkey, label 東京 by selecting it and clicking the DRUG chip
		click(editor.completionText(), 17, 0);
		key(editor.completionText(), 'f');
		editor.completionText().setSelection(37, 39);
		Label drug = ui.labelChips().stream().filter(chip -> "DRUG".equals(chip.getData())).findFirst().orElseThrow();
		drug.notifyListeners(SWT.MouseUp, new Event());
		StyleRange relabelled = styleAt(editor.completionText(), 17);
		assertTrue(relabelled.underline && relabelled.underlineStyle == SWT.UNDERLINE_DOUBLE, "other label than predicted");
		// Edit > Undo and Redo (Ctrl+Z, Ctrl+Y) take the last label back and again
		org.eclipse.jface.action.IAction undo = editor.getEditorSite().getActionBars()
				.getGlobalActionHandler(org.eclipse.ui.actions.ActionFactory.UNDO.getId());
		org.eclipse.jface.action.IAction redo = editor.getEditorSite().getActionBars()
				.getGlobalActionHandler(org.eclipse.ui.actions.ActionFactory.REDO.getId());
		assertTrue(undo.isEnabled());
		undo.run();
		assertEquals(3, editor.session().current().results().size(), "東京 unlabelled again");
		assertTrue(redo.isEnabled());
		redo.run();
		assertEquals(4, editor.session().current().results().size());
		// a label the config lacks cannot be applied; nothing changes
		editor.completionText().setSelection(23, 28);
		key(editor.completionText(), 'x');
		assertEquals(4, editor.session().current().results().size());

		// a pre-annotation run writes a third prediction meanwhile: it shows up, the unsaved completion stays
		LabelbenchProjects.of(project).tasks().update(TaskId.of(7), stored -> {
			stored.addPrediction().json().put("id", 10).put("model_version", "ner_posology@3")
					.put("created_at", "2026-11-29T08:00:00Z");
			return stored;
		});
		project.getFolder(TaskStore.FOLDER).getFile(TaskId.of(7).fileName()).refreshLocal(0, null);
		UiTesting.waitUntil("the new prediction is listed", () -> ui.predictions().getItemCount() == 3, 10_000);
		assertTrue(ui.predictions().getItem(0).startsWith("ner_posology@3"), ui.predictions().getItem(0));
		assertTrue(editor.isDirty());
		select(ui.predictions(), 1);

		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor.png"));
		select(ui.submit(), 0);
		assertFalse(editor.isDirty(), "submit saves");
		page().closeEditor(editor, false);

		Task stored = LabelbenchProjects.of(project).tasks().read(TaskId.of(7));
		assertEquals(3, stored.predictions().size(), "the prediction written meanwhile is kept");
		Annotation completion = stored.completions().get(0);
		assertEquals(1, completion.json().get("copied_from").asInt());
		assertTrue(completion.json().hasNonNull("submitted_at"));
		assertTrue(completion.json().get("lead_time").asDouble() >= 0);
		List<String> spans = completion.results().stream()
				.map(r -> r.start() + "-" + r.end() + ":" + r.labels().get(0) + ":" + r.text()).toList();
		assertEquals(List.of("8-15:DRUG:aspirin", "16-22:FREQUENCY:100 mg", "40-49:DRUG:ibuprofen", "37-39:DRUG:東京"), spans);

		TaskEditor reopened = open(project, TaskId.of(7));
		assertEquals(1, reopened.widgets().completions().getItemCount());
		assertTrue(reopened.widgets().completions().getItem(0).contains("submitted"), reopened.widgets().completions().getItem(0));
		assertEquals(4, reopened.session().current().results().size());
		assertFalse(reopened.isDirty());

		// Next moves to the following task in the same editor
		LabelbenchProjects.of(project).tasks().write(Task.of(TaskId.of(8), "Paracetamol 500 mg."));
		project.refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		select(reopened.widgets().next(), 0);
		assertEquals("Task 8", reopened.getPartName());
		assertEquals("Paracetamol 500 mg.", reopened.completionText().getText());
	}

	@Test
	void regionsThatDoNotFitAreFlaggedNotMoved() throws Exception {
		Task task = Task.of(TaskId.of(3), TEXT);
		Annotation completion = task.addCompletion();
		completion.json().put("id", 1);
		span(completion, "ok", 8, 15, "DRUG", 1);
		span(completion, "moved", 16, 22, "DOSAGE", 1);
		completion.results().get(1).value().put("text", "200 mg");
		span(completion, "outside", 40, 49, "DRUG", 1);
		completion.results().get(2).value().put("end", 4000);
		span(completion, "unknown", 23, 28, "PERSON", 1);
		IProject project = project("flagged", task);
		String before = Files.readString(LabelbenchProjects.of(project).tasks().file(TaskId.of(3)));

		// opened from the Tasks view, by a double-click on its row
		io.labelbench.ui.tasks.TasksView tasks = (io.labelbench.ui.tasks.TasksView) page()
				.showView(io.labelbench.ui.tasks.TasksView.ID);
		tasks.setProject(project);
		UiTesting.waitUntil("the Tasks view lists task 3", () -> tasks.shownIds().equals(List.of(TaskId.of(3))), 10_000);
		tasks.table().select(0);
		tasks.table().notifyListeners(SWT.DefaultSelection, new Event());
		TaskEditor editor = assertInstanceOf(TaskEditor.class, page().getActiveEditor());
		var ui = editor.widgets();
		assertEquals("Task 3", editor.getPartName());
		assertTrue(ui.status().getText().startsWith("3 regions need attention"), ui.status().getText());
		assertEquals(SWT.BORDER_DASH, styleAt(editor.completionText(), 17).borderStyle, "text mismatch is boxed");
		assertEquals(SWT.BORDER_DASH, styleAt(editor.completionText(), 24).borderStyle, "unknown label is boxed");
		assertEquals(null, styleAt(editor.completionText(), 42), "a region outside the text is not drawn anywhere");
		assertFalse(editor.isDirty());
		page().closeEditor(editor, false);
		assertEquals(before, Files.readString(LabelbenchProjects.of(project).tasks().file(TaskId.of(3))),
				"opening and closing changes nothing");
	}
}
