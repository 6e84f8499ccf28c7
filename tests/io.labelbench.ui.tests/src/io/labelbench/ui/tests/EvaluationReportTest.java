package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.evaluation.EvaluateHandler;
import io.labelbench.ui.evaluation.EvaluationJob;
import io.labelbench.ui.evaluation.EvaluationReportEditor;

/**
 * Evaluate on a project with known predictions and completions: the report shows the scores worked out by hand,
 * draws the F1 chart and exports the JSON the command line writes; a project without completions says so plainly.
 */
class EvaluationReportTest {

	private static final String TITLE = "Evaluate Predictions";
	private static final String CONFIG = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="DRUG"/>
			    <Label value="FREQUENCY"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			  <Choices name="sentiment" toName="text">
			    <Choice value="positive"/>
			    <Choice value="negative"/>
			  </Choices>
			</View>
			""";

	@TempDir
	Path dir;

	@AfterEach
	void closeEditors() {
		UiTesting.closeDialogs();
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
	}

	private static String span(String id, int start, int end, String label) {
		return "{\"id\":\"" + id + "\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{"
				+ "\"start\":" + start + ",\"end\":" + end + ",\"labels\":[\"" + label + "\"]}}";
	}

	private static String choice(String value) {
		return "{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\""
				+ value + "\"]}}";
	}

	private static Task task(int id, String text, String completion, String prediction) throws Exception {
		return task(id, "\"test\"", text, completion, prediction);
	}

	private static Task task(int id, String tags, String text, String completion, String prediction)
			throws Exception {
		String completions = completion == null ? "" : "{\"id\": 1, \"submitted_at\": \"2026-11-01T10:00:00Z\","
				+ " \"result\": [" + completion + "]}";
		return new Task((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree("{\"id\": " + id
				+ ", \"tags\": [" + tags + "], \"data\": {\"text\": \"" + text + "\"}, \"completions\": [" + completions
				+ "], \"predictions\": [{\"id\": 1, \"model_version\": \"ner@1\", \"result\": [" + prediction + "]}]}"));
	}

	private IProject project(String name, Task... tasks) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject created = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(created.configFile(), CONFIG, StandardCharsets.UTF_8);
		for (Task task : tasks) {
			created.tasks().write(task);
		}
		return LabelbenchProjects.openOrCreate(folder, null);
	}

	/**
	 * Task 1: both drugs found; "daily" predicted one character short (an overlap, not an exact match). Task 2: a
	 * spurious FREQUENCY and the wrong choice. So DRUG F1 1 (exact and overlap); FREQUENCY exact 0 (2 false
	 * positives, 1 false negative), overlap 2/3 (1 true positive, 1 false positive); sentiment accuracy 1/2.
	 */
	@Test
	void theReportShowsTheScoresAndDrawsTheChart() throws Exception {
		IProject project = project("known",
				task(1, "Take aspirin daily", span("a", 5, 12, "DRUG") + "," + span("d", 13, 18, "FREQUENCY") + ","
						+ choice("positive"), span("a", 5, 12, "DRUG") + "," + span("d", 13, 17, "FREQUENCY") + ","
								+ choice("positive")),
				task(2, "Give ibuprofen 200 mg", span("i", 5, 14, "DRUG") + "," + choice("negative"),
						span("i", 5, 14, "DRUG") + "," + span("m", 19, 21, "FREQUENCY") + "," + choice("positive")));
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Shell shell = page.getWorkbenchWindow().getShell();
		List<String> offered = new ArrayList<>();
		UiTesting.whenDialogOpens(TITLE, dialog -> {
			offered.addAll(UiTesting.texts(dialog));
			try {
				UiTesting.screenshot(dialog, Path.of("target", "evaluate-dialog.png"));
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			UiTesting.press(dialog, "OK");
		});
		assertNotNull(EvaluateHandler.open(shell, project), "the evaluation runs");
		assertTrue(offered.stream().anyMatch(t -> t.contains("2 tasks are tagged \"test\"")), offered.toString());
		UiTesting.waitForJobs(EvaluationJob.FAMILY, 30_000);
		UiTesting.waitUntil("the report opens", () -> page.getActiveEditor() instanceof EvaluationReportEditor, 10_000);
		EvaluationReportEditor editor = (EvaluationReportEditor) page.getActiveEditor();
		List<String> texts = UiTesting.texts(editor.content());
		assertTrue(texts.contains("Evaluated the latest prediction of each task on 2 of 2 test tasks (tasks tagged"
				+ " \"test\")."), texts.toString());
		assertTrue(texts.contains("Left out: 0 without a submitted or ground-truth completion, 0 without a prediction."),
				texts.toString());
		assertTrue(texts.contains("Classification sentiment: accuracy 0.500 (1 of 2 tasks)"), texts.toString());

		Table spans = tables(editor.content()).get(0);
		assertEquals(List.of("DRUG", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "2"), row(spans, "DRUG"));
		assertEquals(List.of("FREQUENCY", "0.000", "0.000", "0.000", "0.500", "1.000", "0.667", "1"),
				row(spans, "FREQUENCY"));
		// micro: exact tp 2, fp 2, fn 1; overlap tp 3, fp 1, fn 0
		assertEquals(List.of("micro", "0.500", "0.667", "0.571", "0.750", "1.000", "0.857", "3"), row(spans, "micro"));
		assertEquals(1.0, editor.chartValue("exact", "DRUG"));
		assertEquals(0.0, editor.chartValue("exact", "FREQUENCY"));
		assertEquals(2.0 / 3, editor.chartValue("overlap", "FREQUENCY"), 1e-9);

		Table confusion = tables(editor.content()).get(1);
		assertEquals(List.of("DRUG", "2", "0", "0"), row(confusion, "DRUG"));
		assertEquals(List.of("FREQUENCY", "0", "0", "1"), row(confusion, "FREQUENCY"));
		assertEquals(List.of("O", "0", "2", "0"), row(confusion, "O"));

		shell.setMaximized(true);
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.waitUntil("the chart is drawn", () -> editor.chartPaints() > 0, 10_000);
		assertTrue(editor.chartCanvas().getSize().x > 400 && editor.chartCanvas().getSize().y > 200,
				"the chart has room: " + editor.chartCanvas().getSize());
		UiTesting.screenshot(shell, Path.of("target", "evaluation-report.png"));
		ScrolledComposite scrolled = (ScrolledComposite) editor.content().getParent();
		scrolled.setOrigin(0, editor.chartCanvas().getLocation().y - 10);
		int painted = editor.chartPaints();
		UiTesting.waitUntil("the chart is drawn again", () -> editor.chartPaints() > painted, 10_000);
		UiTesting.screenshot(shell, Path.of("target", "evaluation-report-chart.png"));

		Path json = dir.resolve("report.json");
		editor.export(json);
		JsonNode written = Json.mapper().readTree(json.toFile());
		// numbers compared as JSON text gives them (a long written reads back as an int)
		assertEquals(Json.mapper().readTree(Json.mapper().writeValueAsString(editor.report().toJson())), written,
				"the same JSON as evaluate --out");
		assertEquals(2.0 / 3, written.at("/spans/overlap/labels/FREQUENCY/f1").asDouble(), 1e-9);
	}

	@Test
	void aProjectWithoutCompletionsIsToldPlainly() throws Exception {
		IProject project = project("none", task(1, "Take aspirin daily", null, span("a", 5, 12, "DRUG")));
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Shell shell = page.getWorkbenchWindow().getShell();
		UiTesting.whenDialogOpens(TITLE, dialog -> UiTesting.press(dialog, "OK"));
		EvaluationJob job = EvaluateHandler.open(shell, project);
		assertNotNull(job);
		// the message is modal: read it and close it from the event loop
		List<String> message = new ArrayList<>();
		UiTesting.whenDialogOpens(TITLE, dialog -> {
			message.addAll(UiTesting.texts(dialog));
			try {
				UiTesting.screenshot(dialog, Path.of("target", "evaluation-no-completions.png"));
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			UiTesting.press(dialog, "OK");
		});
		UiTesting.waitForJobs(EvaluationJob.FAMILY, 30_000);
		assertNull(job.report());
		UiTesting.waitUntil("the message is read", () -> !message.isEmpty(), 10_000);
		String text = String.join("\n", message);
		assertTrue(text.contains("Nothing to evaluate in project none: no completions: none of the 1 test tasks has a"
				+ " submitted or ground-truth completion"), text);
		assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
		assertFalse(page.getActiveEditor() instanceof EvaluationReportEditor, "no report opens");
	}

	@Test
	void withoutTestTagsTheChosenShareOfTasksIsHeldOut() throws Exception {
		Task[] tasks = new Task[10];
		for (int i = 0; i < tasks.length; i++) {
			tasks[i] = task(i + 1, "", "Take aspirin daily", span("a", 5, 12, "DRUG"), span("a", 5, 12, "DRUG"));
		}
		IProject project = project("untagged", tasks);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		List<String> offered = new ArrayList<>();
		UiTesting.whenDialogOpens(TITLE, dialog -> {
			offered.addAll(UiTesting.texts(dialog));
			spinner(dialog).setSelection(100);
			UiTesting.press(dialog, "OK");
		});
		assertNotNull(EvaluateHandler.open(page.getWorkbenchWindow().getShell(), project));
		assertTrue(offered.stream().anyMatch(t -> t.startsWith("No task is tagged \"test\"")), offered.toString());
		UiTesting.waitForJobs(EvaluationJob.FAMILY, 30_000);
		UiTesting.waitUntil("the report opens", () -> page.getActiveEditor() instanceof EvaluationReportEditor, 10_000);
		EvaluationReportEditor editor = (EvaluationReportEditor) page.getActiveEditor();
		List<String> texts = UiTesting.texts(editor.content());
		assertTrue(texts.contains("Evaluated the latest prediction of each task on 10 of 10 test tasks (100% of the"
				+ " tasks by id)."), texts.toString());
		assertEquals(List.of("DRUG", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "10"),
				row(tables(editor.content()).get(0), "DRUG"));
	}

	@Test
	void thePreannotationMenuOffersEvaluate() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		org.eclipse.swt.widgets.Menu menu = null;
		for (org.eclipse.swt.widgets.MenuItem item : shell.getMenuBar().getItems()) {
			if (item.getText().replace("&", "").equals("Pre-annotation")) {
				menu = item.getMenu();
			}
		}
		assertNotNull(menu, "a Pre-annotation menu");
		menu.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
		List<String> labels = new ArrayList<>();
		for (org.eclipse.swt.widgets.MenuItem item : menu.getItems()) {
			labels.add(item.getText().replace("&", ""));
		}
		menu.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
		assertTrue(labels.contains("Evaluate..."), labels.toString());
	}

	private static org.eclipse.swt.widgets.Spinner spinner(Composite parent) {
		for (Control child : parent.getChildren()) {
			if (child instanceof org.eclipse.swt.widgets.Spinner spinner) {
				return spinner;
			}
			if (child instanceof Composite composite && spinner(composite) != null) {
				return spinner(composite);
			}
		}
		return null;
	}

	private static List<Table> tables(Composite parent) {
		List<Table> tables = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (child instanceof Table table) {
				tables.add(table);
			} else if (child instanceof Composite composite) {
				tables.addAll(tables(composite));
			}
		}
		return tables;
	}

	private static List<String> row(Table table, String first) {
		for (TableItem item : table.getItems()) {
			if (item.getText(0).equals(first)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < table.getColumnCount(); i++) {
					cells.add(item.getText(i));
				}
				return cells;
			}
		}
		throw new AssertionError("no row " + first + " in the table");
	}
}
