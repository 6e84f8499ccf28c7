package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
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
 * A clinical task reviewed in the text task editor: a prediction with entities, assertion statuses and posology
 * relations; single assertions and relations accepted, a status changed by chip and by hotkey, a relation drawn by
 * Ctrl+click and a relation chip, saved, reopened. And a relation to a region that is not there: shown as a
 * problem, kept on save.
 */
class TaskEditorAssertionRelationTest {

	static final String CONFIG = """
			<View>
			  <Relations>
			    <Relation value="DRUG-STRENGTH"/>
			    <Relation value="DRUG-FREQUENCY"/>
			    <Relation value="TREATED-BY"/>
			  </Relations>
			  <Labels name="label" toName="text">
			    <Label value="PROBLEM" background="#EF9A9A"/>
			    <Label value="DRUG" background="#CE93D8" hotkey="d"/>
			    <Label value="STRENGTH" background="#90CAF9"/>
			    <Label value="FREQUENCY" background="#A5D6A7"/>
			    <Label value="present" assertion="true"/>
			    <Label value="absent" assertion="true" hotkey="a"/>
			    <Label value="possible" assertion="true" hotkey="p"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	static final String TEXT = "Patient denies chest pain. Possible pneumonia on the X-ray.\n"
			+ "Started aspirin 100 mg daily and metformin 500 mg twice daily.";

	@TempDir
	Path dir;

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
	}

	private static int at(String words) {
		return TEXT.indexOf(words);
	}

	private static Region span(Annotation annotation, String id, String words, String label, double confidence) {
		int start = at(words);
		Region region = annotation.addResult("labels").span(start, start + words.length(), words, label);
		region.json().put("id", id).put("from_name", "label").put("to_name", "text");
		region.value().put("confidence", confidence);
		return region;
	}

	private static Region relation(Annotation annotation, String id, String from, String to, String label) {
		Region relation = annotation.addResult("relation");
		relation.json().put("id", id).put("from_id", from).put("to_id", to).put("direction", "right")
				.put("confidence", 0.9);
		relation.json().putArray("labels").add(label);
		return relation;
	}

	/** What a clinical server predicts: two problems with their statuses, two drugs with strength and frequency. */
	private static Task clinicalTask(TaskId id) {
		Task task = Task.of(id, TEXT);
		Annotation prediction = task.addPrediction();
		prediction.json().put("id", 1).put("model_version", "ner_clinical_labelbench+assertion+re_posology")
				.put("created_at", "2026-12-01T08:00:00Z");
		span(prediction, "p1", "chest pain", "PROBLEM", 0.96);
		span(prediction, "p1a", "chest pain", "absent", 0.97);
		span(prediction, "p2", "pneumonia", "PROBLEM", 0.91);
		span(prediction, "p2a", "pneumonia", "possible", 0.88);
		span(prediction, "d1", "aspirin", "DRUG", 0.99);
		span(prediction, "s1", "100 mg", "STRENGTH", 0.95);
		span(prediction, "f1", "daily", "FREQUENCY", 0.9);
		span(prediction, "d2", "metformin", "DRUG", 0.99);
		span(prediction, "s2", "500 mg", "STRENGTH", 0.94);
		span(prediction, "f2", "twice daily", "FREQUENCY", 0.92);
		relation(prediction, "r1", "d1", "s1", "DRUG-STRENGTH");
		relation(prediction, "r2", "d1", "f1", "DRUG-FREQUENCY");
		relation(prediction, "r3", "d2", "s2", "DRUG-STRENGTH");
		relation(prediction, "r4", "d2", "f2", "DRUG-FREQUENCY");
		relation(prediction, "r5", "p2", "d1", "TREATED-BY"); // from one line to the next
		return task;
	}

	private IProject project(String name, Task task) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), CONFIG, StandardCharsets.UTF_8);
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
		return editor;
	}

	private static Region predicted(TaskEditor editor, String id) {
		return editor.session().predictionsNewestFirst().get(0).results().stream().filter(r -> id.equals(r.id()))
				.findFirst().orElseThrow();
	}

	/** Where an arc label or status tag is drawn, once it is painted. */
	private static Rectangle drawn(TaskEditor editor, Region region, boolean prediction) {
		UiTesting.waitUntil("painted", () -> editor.drawnLabel(region, prediction) != null, 5_000);
		return editor.drawnLabel(region, prediction);
	}

	/** A click on an arc's label or a status tag. */
	private static void clickDrawn(TaskEditor editor, Region region, boolean prediction, int stateMask) {
		Rectangle box = drawn(editor, region, prediction);
		StyledText text = prediction ? editor.predictionText() : editor.completionText();
		text.setSelection(0);
		Event event = new Event();
		event.x = box.x + box.width / 2;
		event.y = box.y + box.height / 2;
		event.button = 1;
		event.stateMask = stateMask;
		text.notifyListeners(SWT.MouseUp, event);
	}

	private static Label reviewChip(TaskEditor editor, String data) {
		return editor.widgets().reviewChips().stream().filter(chip -> data.equals(chip.getData())).findFirst()
				.orElseThrow(() -> new AssertionError("no chip " + data + " among "
						+ editor.widgets().reviewChips().stream().map(Label::getText).toList()));
	}

	private static void key(StyledText text, char character) {
		Event event = new Event();
		event.character = character;
		event.keyCode = character;
		text.notifyListeners(SWT.KeyDown, event);
	}

	private static String hover(StyledText text, int x, int y) {
		Event event = new Event();
		event.x = x;
		event.y = y;
		text.notifyListeners(SWT.MouseHover, event);
		return text.getToolTipText();
	}

	private static void accept(TaskEditor editor) {
		editor.widgets().accept().notifyListeners(SWT.Selection, new Event());
	}

	/** The completion as "text LABEL" lines, statuses as "text · status", relations as "from -> to: LABEL". */
	private static List<String> describe(Annotation completion) {
		Map<String, Region> byId = completion.results().stream().filter(r -> r.id() != null && r.start() != null)
				.collect(Collectors.toMap(Region::id, r -> r, (a, b) -> a));
		return completion.results().stream().map(r -> r.kind() == Region.Kind.RELATION
				? byId.get(r.fromId()).text() + " -> " + byId.get(r.toId()).text() + ": " + r.labels().get(0)
				: r.text() + " " + r.labels().get(0)).sorted().toList();
	}

	@Test
	void reviewAssertionsAndRelationsSaveAndReopen() throws Exception {
		IProject project = project("clinical", clinicalTask(TaskId.of(1)));
		TaskEditor editor = open(project, TaskId.of(1));
		var ui = editor.widgets();

		// the prediction side draws the four relations as arcs and the two statuses as tags
		for (String id : List.of("r1", "r2", "r3", "r4", "r5", "p1a", "p2a")) {
			assertNotNull(drawn(editor, predicted(editor, id), true), id + " is drawn");
		}
		assertEquals(List.of("PROBLEM", "DRUG", "STRENGTH", "FREQUENCY"),
				ui.labelChips().stream().map(Label::getData).toList(), "statuses are no entity chips");
		assertEquals(List.of(), editor.widgets().reviewChips(), "no status or relation chips while nothing is selected");

		// hovering an arc tells the relation, hovering a span its status
		Rectangle r1 = drawn(editor, predicted(editor, "r1"), true);
		assertEquals("aspirin (DRUG) \u2192 100 mg (STRENGTH): DRUG-STRENGTH \u00b7 confidence 0.90 \u00b7 missing from the completion",
				hover(editor.predictionText(), r1.x + r1.width / 2, r1.y + r1.height / 2));
		org.eclipse.swt.graphics.Point pain = editor.predictionText().getLocationAtOffset(at("chest pain") + 2);
		assertTrue(hover(editor.predictionText(), pain.x + 2, pain.y + 2).startsWith("PROBLEM \u00b7 absent \u00b7 \"chest pain\""),
				hover(editor.predictionText(), pain.x + 2, pain.y + 2));

		// the status tag of chest pain, accepted alone: its entity comes along
		clickDrawn(editor, predicted(editor, "p1a"), true, 0);
		accept(editor);
		assertEquals(List.of("chest pain PROBLEM", "chest pain absent"), describe(editor.session().current()));
		// the relation aspirin -> 100 mg needs both ends first
		clickDrawn(editor, predicted(editor, "r1"), true, 0);
		accept(editor);
		assertTrue(ui.status().getText().contains("both ends"), ui.status().getText());
		for (String words : List.of("aspirin", "100 mg", "pneumonia", "metformin", "500 mg")) {
			TaskEditorTest.click(editor.predictionText(), at(words) + 1, 0);
			accept(editor);
		}
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-accepting.png"));
		clickDrawn(editor, predicted(editor, "r1"), true, 0);
		accept(editor);
		assertTrue(describe(editor.session().current()).contains("aspirin -> 100 mg: DRUG-STRENGTH"),
				describe(editor.session().current()) + " " + ui.status().getText() + " " + drawn(editor, predicted(editor, "r1"), true));
		assertTrue(ui.diffSummary().getText().contains("Relations: 1 same \u00b7 4 missing"), ui.diffSummary().getText());

		// metformin -> twice daily rejected from the prediction's context menu, opened on its arc label
		Rectangle r4 = drawn(editor, predicted(editor, "r4"), true);
		Event menuDetect = new Event();
		org.eclipse.swt.graphics.Point onScreen = editor.predictionText().toDisplay(r4.x + r4.width / 2, r4.y + r4.height / 2);
		menuDetect.x = onScreen.x;
		menuDetect.y = onScreen.y;
		editor.predictionText().notifyListeners(SWT.MenuDetect, menuDetect);
		org.eclipse.swt.widgets.Menu menu = editor.contextMenu(true);
		menu.notifyListeners(SWT.Show, new Event());
		List<org.eclipse.swt.widgets.MenuItem> items = List.of(menu.getItems());
		assertEquals(List.of("Accept", "Reject"), items.stream().map(org.eclipse.swt.widgets.MenuItem::getText).toList());
		items.get(1).notifyListeners(SWT.Selection, new Event());
		assertTrue(editor.session().isRejected(predicted(editor, "r4")), "the relation is rejected");

		// chest pain: its status from absent to possible by chip
		TaskEditorTest.click(editor.completionText(), at("chest pain") + 2, 0);
		assertEquals(List.of("present", "absent", "possible", ""),
				editor.widgets().reviewChips().stream().map(Label::getData).toList());
		reviewChip(editor, "possible").notifyListeners(SWT.MouseUp, new Event());
		// pneumonia (accepted without its status): absent by hotkey
		TaskEditorTest.click(editor.completionText(), at("pneumonia") + 2, 0);
		key(editor.completionText(), 'a');
		assertTrue(ui.diffSummary().getText().contains("Assertions: 0 same \u00b7 0 missing \u00b7 2 other"),
				ui.diffSummary().getText());

		// a new relation: metformin, Ctrl+click 500 mg, then the relation chip
		TaskEditorTest.click(editor.completionText(), at("metformin") + 2, 0);
		TaskEditorTest.click(editor.completionText(), at("500 mg") + 1, SWT.MOD1);
		reviewChip(editor, "DRUG-FREQUENCY").notifyListeners(SWT.MouseUp, new Event());
		Region drawnRelation = editor.session().current().results().stream()
				.filter(r -> r.kind() == Region.Kind.RELATION && r.labels().contains("DRUG-FREQUENCY")).findFirst()
				.orElseThrow();
		// selected by a click on its arc label, relabelled by its chip; Delete and undo
		clickDrawn(editor, drawnRelation, false, 0);
		assertTrue(reviewChip(editor, "DRUG-STRENGTH").isVisible());
		reviewChip(editor, "DRUG-STRENGTH").notifyListeners(SWT.MouseUp, new Event());
		Region relabelled = editor.session().current().results().stream()
				.filter(r -> r.kind() == Region.Kind.RELATION && r.fromId().equals(drawnRelation.fromId())).findFirst()
				.orElseThrow();
		assertEquals(List.of("DRUG-STRENGTH"), relabelled.labels());
		clickDrawn(editor, relabelled, false, 0);
		Event delete = new Event();
		delete.keyCode = SWT.DEL;
		editor.completionText().notifyListeners(SWT.KeyDown, delete);
		assertFalse(describe(editor.session().current()).contains("metformin -> 500 mg: DRUG-STRENGTH"));
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");
		assertTrue(describe(editor.session().current()).contains("metformin -> 500 mg: DRUG-STRENGTH"));
		assertTrue(ui.diffSummary().getText().contains("Relations: 2 same \u00b7 3 missing"), ui.diffSummary().getText());
		assertEquals(List.of(), editor.widgets().reviewChips());

		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-assertions-relations.png"));
		TaskEditorEditingTest.execute("org.eclipse.ui.file.save");
		assertFalse(editor.isDirty());
		page().closeEditor(editor, false);

		List<String> expected = List.of("100 mg STRENGTH", "500 mg STRENGTH", "aspirin -> 100 mg: DRUG-STRENGTH",
				"aspirin DRUG", "chest pain PROBLEM", "chest pain possible", "metformin -> 500 mg: DRUG-STRENGTH",
				"metformin DRUG", "pneumonia PROBLEM", "pneumonia absent");
		Task stored = LabelbenchProjects.of(project).tasks().read(TaskId.of(1));
		assertEquals(expected, describe(stored.completions().get(0)));
		assertEquals(1, stored.predictions().size());
		assertEquals(15, stored.predictions().get(0).results().size(), "the prediction as it was");

		TaskEditor reopened = open(project, TaskId.of(1));
		assertEquals(expected, describe(reopened.session().current()));
		for (Region region : reopened.session().current().results()) {
			if (region.kind() == Region.Kind.RELATION || reopened.session().assertions().isAssertion(region)) {
				assertNotNull(drawn(reopened, region, false), region.json() + " is drawn");
			}
		}
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-assertions-reopened.png"));
		assertFalse(reopened.isDirty());
	}

	@Test
	void aRelationToARegionThatIsNotThereIsShownAsAProblemAndKept() throws Exception {
		Task task = clinicalTask(TaskId.of(2));
		Annotation completion = task.addCompletion();
		completion.json().put("id", 5);
		span(completion, "d1", "aspirin", "DRUG", 1);
		relation(completion, "broken", "d1", "gone", "DRUG-STRENGTH");
		IProject project = project("broken", task);
		TaskEditor editor = open(project, TaskId.of(2));

		String[] relations = editor.relationItems(false);
		assertEquals(1, relations.length);
		assertTrue(relations[0].startsWith("\u26a0") && relations[0].contains("?gone") && relations[0].contains("names no region"),
				relations[0]);
		assertTrue(editor.widgets().status().getText().startsWith("1 region needs attention"),
				editor.widgets().status().getText());
		Region broken = editor.session().current().results().get(1);
		drawn(editor, predicted(editor, "r1"), true);
		assertNull(editor.drawnLabel(broken, false), "no arc to nowhere");

		// an edit and a save keep it as it was
		editor.completionText().setSelection(at("100 mg"), at("100 mg") + 6);
		Label strength = editor.widgets().labelChips().stream().filter(c -> "STRENGTH".equals(c.getData())).findFirst()
				.orElseThrow();
		strength.notifyListeners(SWT.MouseUp, new Event());
		TaskEditorEditingTest.execute("org.eclipse.ui.file.save");
		assertFalse(editor.isDirty());
		Region kept = LabelbenchProjects.of(project).tasks().read(TaskId.of(2)).completions().get(0).results().get(1);
		assertEquals(List.of("d1", "gone", "DRUG-STRENGTH"), List.of(kept.fromId(), kept.toId(), kept.labels().get(0)));
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-broken-relation.png"));
	}
}
