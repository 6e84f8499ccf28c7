package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.edit.PageBox;
import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RulesAnnotator;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.rules.engine.Rule;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.editors.task.VisualTaskEditor;
import io.labelbench.ui.tasks.TaskEditors;
import io.labelbench.visual.SampleDocuments;
import io.labelbench.visual.VisualAnnotator;
import io.labelbench.visual.VisualExtractor;
import io.labelbench.visual.VisualImporter;

/**
 * A generated PDF, imported and pre-annotated by rules on its text layer, opened in the visual task editor: the
 * boxes are shown, a completion is made from the prediction, a box is resized by its corner and one is drawn
 * around a word, saved, closed and reopened.
 */
class VisualTaskEditorTest {

	static final String CONFIG = """
			<View>
			  <Image name="image" value="$image"/>
			  <RectangleLabels name="label" toName="image">
			    <Label value="PHRASE" background="#2196F3"/>
			    <Label value="WRAPPED" background="#4CAF50"/>
			    <Label value="WORD" background="#E91E63"/>
			  </RectangleLabels>
			</View>
			""";

	@TempDir
	Path dir;

	private IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
	}

	private VisualTaskEditor open(IProject project) {
		IFile file = project.getFolder(TaskStore.FOLDER).getFile(TaskId.of(1).fileName());
		TaskEditors.open(page(), file);
		VisualTaskEditor editor = assertInstanceOf(VisualTaskEditor.class, page().getActiveEditor());
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.waitUntil("the page is shown", () -> editor.completionCanvas().getSize().x > 500
				&& editor.completionCanvas().isVisible(), 10_000);
		return editor;
	}

	private static void mouse(Canvas canvas, int type, int x, int y, int stateMask) {
		Event event = new Event();
		event.x = x;
		event.y = y;
		event.button = type == SWT.MouseMove ? 0 : 1;
		event.stateMask = stateMask;
		canvas.notifyListeners(type, event);
	}

	private static void drag(Canvas canvas, int x0, int y0, int x1, int y1) {
		mouse(canvas, SWT.MouseDown, x0, y0, 0);
		mouse(canvas, SWT.MouseMove, (x0 + x1) / 2, (y0 + y1) / 2, SWT.BUTTON1);
		mouse(canvas, SWT.MouseMove, x1, y1, SWT.BUTTON1);
		mouse(canvas, SWT.MouseUp, x1, y1, SWT.BUTTON1);
	}

	private static Region labelled(List<Region> regions, String label) {
		return regions.stream().filter(r -> r.labels().contains(label)).findFirst().orElseThrow();
	}

	@Test
	void reviewAPreannotatedPdf() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(3, 2);
		Path pdf = Files.write(dir.resolve("report.pdf"), generated.pdf());
		List<SampleDocuments.Word> words = generated.pages().get(0);
		int lastOfLine0 = 0;
		while (words.get(lastOfLine0 + 1).line() == 0) {
			lastOfLine0++;
		}
		String inLine = words.get(1).text() + " " + words.get(2).text();
		String acrossLines = words.get(lastOfLine0).text() + "\n" + words.get(lastOfLine0 + 1).text();

		Path folder = dir.resolve("visual");
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), CONFIG, StandardCharsets.UTF_8);
		List<TaskId> ids = new VisualImporter(created, VisualExtractor.Limits.DEFAULT).importDocuments(List.of(pdf), null,
				Progress.NONE);
		RulesAnnotator rules = new RulesAnnotator(List.of(Rule.regex("phrase", "PHRASE", Pattern.quote(inLine), true, true),
				Rule.regex("wrapped", "WRAPPED", Pattern.quote(acrossLines), true, true)), "label", "image", "text");
		RunSummary summary = new BulkRunner(created.tasks(), new VisualAnnotator(created, rules, "label", "image"),
				BulkRunner.Options.DEFAULT).run(ids, Progress.NONE);
		assertEquals(1, summary.done(), summary.failures().toString());
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		VisualTaskEditor editor = open(project);
		var ui = editor.widgets();
		assertEquals(3, editor.predictionBoxes().size(), "one box for the phrase, one per line for the wrapped one");
		assertEquals(0, editor.completionBoxes().size());
		select(ui.createCompletion());
		assertEquals(3, editor.completionBoxes().size());
		assertTrue(ui.diffSummary().getText().contains("3 same"), ui.diffSummary().getText());

		// select the phrase's box and pull its right edge over the next word
		Canvas canvas = editor.completionCanvas();
		Region phrase = labelled(editor.completionBoxes(), "PHRASE");
		PageBox before = PageBox.of(phrase);
		Rectangle box = editor.onCanvas(phrase);
		mouse(canvas, SWT.MouseDown, box.x + box.width / 2, box.y + box.height / 2, 0);
		mouse(canvas, SWT.MouseUp, box.x + box.width / 2, box.y + box.height / 2, 0);
		double pixelsPerPoint = canvas.getSize().x / 612.0;
		int pastNextWord = (int) Math.round(words.get(3).box().x1() * pixelsPerPoint) + 2;
		drag(canvas, box.x + box.width, box.y + box.height, pastNextWord, box.y + box.height);
		phrase = labelled(editor.completionBoxes(), "PHRASE");
		assertTrue(PageBox.of(phrase).width() > before.width(), "wider after the drag");
		assertEquals(inLine + " " + words.get(3).text(), phrase.text(), "the text follows the words inside");
		assertTrue(ui.diffSummary().getText().contains("1 other boundary"), ui.diffSummary().getText());

		// a click on empty page clears the selection (a label click would relabel the selected box); then a box
		// drawn loosely around a word snaps to it
		mouse(canvas, SWT.MouseDown, 5, 5, 0);
		mouse(canvas, SWT.MouseUp, 5, 5, 0);
		SampleDocuments.Word word = words.get(lastOfLine0 + 3);
		Label wordChip = ui.labelChips().stream().filter(chip -> "WORD".equals(chip.getData())).findFirst().orElseThrow();
		wordChip.notifyListeners(SWT.MouseUp, new Event());
		drag(canvas, (int) (word.box().x0() * pixelsPerPoint) - 3, (int) (word.box().y0() * pixelsPerPoint) - 3,
				(int) (word.box().x1() * pixelsPerPoint) + 3, (int) (word.box().y1() * pixelsPerPoint) + 3);
		Region drawn = labelled(editor.completionBoxes(), "WORD");
		assertEquals(word.text(), drawn.text(), "drawn " + PageBox.of(drawn) + " around " + word + " canvas "
				+ canvas.getSize());
		assertEquals(word.box().x0() * 100 / 612, PageBox.of(drawn).x(), 0.5, "snapped to the word's left edge");
		assertTrue(editor.isDirty());
		// with the label still armed, a click on a word labels that word
		SampleDocuments.Word clicked = words.get(lastOfLine0 + 5);
		mouse(canvas, SWT.MouseDown, (int) ((clicked.box().x0() + clicked.box().x1()) / 2 * pixelsPerPoint),
				(int) ((clicked.box().y0() + clicked.box().y1()) / 2 * pixelsPerPoint), 0);
		mouse(canvas, SWT.MouseUp, (int) ((clicked.box().x0() + clicked.box().x1()) / 2 * pixelsPerPoint),
				(int) ((clicked.box().y0() + clicked.box().y1()) / 2 * pixelsPerPoint), 0);
		assertEquals(List.of(word.text(), clicked.text()), editor.completionBoxes().stream()
				.filter(r -> r.labels().contains("WORD")).map(Region::text).toList());

		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "visual-task-editor.png"));
		select(ui.submit());
		assertFalse(editor.isDirty());
		page().closeEditor(editor, false);

		Task stored = created.tasks().read(TaskId.of(1));
		Annotation completion = stored.completions().get(0);
		assertTrue(completion.json().hasNonNull("copied_from"));
		assertEquals(5, completion.results().size());
		VisualTaskEditor reopened = open(project);
		assertEquals(5, reopened.completionBoxes().size());
		Region reopenedPhrase = labelled(reopened.completionBoxes(), "PHRASE");
		assertEquals(PageBox.of(phrase), PageBox.of(reopenedPhrase));
		assertEquals(word.text(), labelled(reopened.completionBoxes(), "WORD").text(), "the first WORD box");
		assertFalse(reopened.isDirty());

		// a prediction box is rejected (greyed, the completion untouched), another accepted by a double-click
		Canvas predictions = reopened.predictionCanvas();
		Region wrapped = labelled(reopened.predictionBoxes(), "WRAPPED");
		Rectangle at = reopened.onCanvas(wrapped);
		mouse(predictions, SWT.MouseDown, at.x + at.width / 2, at.y + at.height / 2, 0);
		mouse(predictions, SWT.MouseUp, at.x + at.width / 2, at.y + at.height / 2, 0);
		select(reopened.widgets().reject());
		assertTrue(reopened.session().isRejected(wrapped));
		assertFalse(reopened.isDirty(), "rejecting changes no completion");
		Region predictedPhrase = labelled(reopened.predictionBoxes(), "PHRASE");
		at = reopened.onCanvas(predictedPhrase);
		Event doubleClick = new Event();
		doubleClick.x = at.x + at.width / 2;
		doubleClick.y = at.y + at.height / 2;
		doubleClick.button = 1;
		predictions.notifyListeners(SWT.MouseDoubleClick, doubleClick);
		assertEquals(6, reopened.completionBoxes().size(), "the predicted phrase box taken beside the resized one");
		assertTrue(reopened.isDirty());
	}

	/** A click in the middle of a word of the first page. */
	private static void clickWord(Canvas canvas, SampleDocuments.Word word) {
		double pixelsPerPoint = canvas.getSize().x / 612.0;
		int x = (int) ((word.box().x0() + word.box().x1()) / 2 * pixelsPerPoint);
		int y = (int) ((word.box().y0() + word.box().y1()) / 2 * pixelsPerPoint);
		mouse(canvas, SWT.MouseDown, x, y, 0);
		mouse(canvas, SWT.MouseUp, x, y, 0);
	}

	private static void clickChip(VisualTaskEditor editor, String label) {
		editor.widgets().labelChips().stream().filter(chip -> label.equals(chip.getData())).findFirst().orElseThrow()
				.notifyListeners(SWT.MouseUp, new Event());
	}

	@Test
	void aLabelClickAfterDrawingRelabelsNothingAndUndoTakesABoxBack() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(5, 1);
		Path pdf = Files.write(dir.resolve("note.pdf"), generated.pdf());
		List<SampleDocuments.Word> words = generated.pages().get(0);
		Path folder = dir.resolve("relabel");
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), CONFIG, StandardCharsets.UTF_8);
		new VisualImporter(created, VisualExtractor.Limits.DEFAULT).importDocuments(List.of(pdf), null, Progress.NONE);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		VisualTaskEditor editor = open(project);
		Canvas canvas = editor.completionCanvas();

		// WORD armed, a click on a word labels it; then PHRASE is clicked to label the next word with it
		clickChip(editor, "WORD");
		clickWord(canvas, words.get(0));
		assertEquals(List.of("WORD"), editor.completionBoxes().stream().map(r -> r.labels().get(0)).toList());
		clickChip(editor, "PHRASE");
		assertEquals(List.of("WORD"), editor.completionBoxes().stream().map(r -> r.labels().get(0)).toList(),
				"the new box keeps its label: it was never selected by the user");
		clickWord(canvas, words.get(2));
		assertEquals(List.of("WORD", "PHRASE"), editor.completionBoxes().stream().map(r -> r.labels().get(0)).toList());
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "visual-two-labels.png"));

		// Edit > Undo takes the PHRASE box back, Edit > Redo brings it again
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");
		assertEquals(List.of("WORD"), editor.completionBoxes().stream().map(r -> r.labels().get(0)).toList());
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.redo");
		assertEquals(2, editor.completionBoxes().size());

		// a box the user selects is relabelled by a label click
		Region word = labelled(editor.completionBoxes(), "WORD");
		Rectangle at = editor.onCanvas(word);
		mouse(canvas, SWT.MouseDown, at.x + at.width / 2, at.y + at.height / 2, 0);
		mouse(canvas, SWT.MouseUp, at.x + at.width / 2, at.y + at.height / 2, 0);
		clickChip(editor, "WRAPPED");
		assertEquals(List.of("WRAPPED", "PHRASE"), editor.completionBoxes().stream().map(r -> r.labels().get(0)).toList());

		// Edit > Select All selects every box of the page, Copy copies their text, Delete removes them
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.selectAll");
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.copy");
		org.eclipse.swt.dnd.Clipboard clipboard = new org.eclipse.swt.dnd.Clipboard(canvas.getDisplay());
		try {
			assertEquals(words.get(0).text() + "\n" + words.get(2).text(),
					clipboard.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance()));
		} finally {
			clipboard.dispose();
		}
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.delete");
		assertEquals(0, editor.completionBoxes().size());
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");
		assertEquals(2, editor.completionBoxes().size());
	}

	static final String CLINICAL_CONFIG = """
			<View>
			  <Image name="image" value="$image"/>
			  <Relations><Relation value="DRUG-STRENGTH"/></Relations>
			  <RectangleLabels name="label" toName="image">
			    <Label value="DRUG" background="#CE93D8"/>
			    <Label value="STRENGTH" background="#90CAF9"/>
			    <Label value="absent" assertion="true"/>
			    <Label value="possible" assertion="true"/>
			  </RectangleLabels>
			</View>
			""";

	private static Label reviewChip(VisualTaskEditor editor, String data) {
		return editor.widgets().reviewChips().stream().filter(chip -> data.equals(chip.getData())).findFirst()
				.orElseThrow(() -> new AssertionError("no chip " + data));
	}

	private static void clickBox(VisualTaskEditor editor, Region region, int stateMask) {
		Rectangle at = editor.onCanvas(region);
		mouse(editor.completionCanvas(), SWT.MouseDown, at.x + at.width / 2, at.y + at.height / 2, stateMask);
		mouse(editor.completionCanvas(), SWT.MouseUp, at.x + at.width / 2, at.y + at.height / 2, stateMask);
	}

	@Test
	void boxesShowTheirAssertionAndRelationsJoinThem() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(5, 1);
		Path pdf = Files.write(dir.resolve("clinical.pdf"), generated.pdf());
		List<SampleDocuments.Word> words = generated.pages().get(0);
		Path folder = dir.resolve("visual-clinical");
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), CLINICAL_CONFIG, StandardCharsets.UTF_8);
		new VisualImporter(created, VisualExtractor.Limits.DEFAULT).importDocuments(List.of(pdf), null, Progress.NONE);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		VisualTaskEditor editor = open(project);
		assertEquals(List.of("DRUG", "STRENGTH"), editor.widgets().labelChips().stream().map(Label::getData).toList());

		clickChip(editor, "DRUG");
		clickWord(editor.completionCanvas(), words.get(0));
		clickChip(editor, "STRENGTH");
		clickWord(editor.completionCanvas(), words.get(2));
		Region drug = labelled(editor.completionBoxes(), "DRUG");
		Region strength = labelled(editor.completionBoxes(), "STRENGTH");

		// the selected box gets a status from its chips; the box says so
		clickBox(editor, drug, 0);
		reviewChip(editor, "absent").notifyListeners(SWT.MouseUp, new Event());
		assertEquals("DRUG \u00b7 absent", editor.boxLabel(drug));
		assertEquals(2, editor.completionBoxes().size(), "the status is no box of its own");
		// a click on the box's label selects the status alone: Delete removes it, the box stays
		Region status = editor.session().assertions().assertionOf(editor.session().current(), drug);
		UiTesting.waitUntil("the status is drawn", () -> editor.relationLabel(status) != null, 5_000);
		Rectangle tag = editor.relationLabel(status);
		mouse(editor.completionCanvas(), SWT.MouseDown, tag.x + tag.width / 2, tag.y + tag.height / 2, 0);
		mouse(editor.completionCanvas(), SWT.MouseUp, tag.x + tag.width / 2, tag.y + tag.height / 2, 0);
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.delete");
		assertEquals("DRUG", editor.boxLabel(drug));
		assertEquals(2, editor.completionBoxes().size());
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");
		assertEquals("DRUG \u00b7 absent", editor.boxLabel(labelled(editor.completionBoxes(), "DRUG")));
		clickBox(editor, labelled(editor.completionBoxes(), "DRUG"), 0);

		// Ctrl+click the other box, then the relation chip: an arrow with its label joins them
		clickBox(editor, strength, SWT.MOD1);
		reviewChip(editor, "DRUG-STRENGTH").notifyListeners(SWT.MouseUp, new Event());
		Region relation = editor.session().current().results().stream().filter(r -> r.kind() == Region.Kind.RELATION)
				.findFirst().orElseThrow();
		assertEquals(List.of(drug.id(), strength.id()), List.of(relation.fromId(), relation.toId()));
		UiTesting.waitUntil("the relation is drawn", () -> editor.relationLabel(relation) != null, 5_000);
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "visual-assertion-relation.png"));

		// a click on its label selects it; Delete removes it and keeps the boxes
		Rectangle label = editor.relationLabel(relation);
		mouse(editor.completionCanvas(), SWT.MouseDown, label.x + label.width / 2, label.y + label.height / 2, 0);
		mouse(editor.completionCanvas(), SWT.MouseUp, label.x + label.width / 2, label.y + label.height / 2, 0);
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.delete");
		assertEquals(List.of(Region.Kind.RECTANGLE_LABELS, Region.Kind.RECTANGLE_LABELS, Region.Kind.RECTANGLE_LABELS),
				editor.session().current().results().stream().map(Region::kind).toList(), "two boxes and a status");
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");

		TaskEditorEditingTest.execute("org.eclipse.ui.file.save");
		Annotation stored = created.tasks().read(TaskId.of(1)).completions().get(0);
		assertEquals(List.of("DRUG", "absent", "STRENGTH", "DRUG-STRENGTH"),
				stored.results().stream().map(r -> r.labels().get(0)).toList());
		assertEquals(PageBox.of(stored.results().get(0)), PageBox.of(stored.results().get(1)), "the status on its box");
	}

	private static void select(org.eclipse.swt.widgets.Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}
}
