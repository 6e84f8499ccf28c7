package io.labelbench.ui.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
 * Long documents: opening a 1 MB task with 5,000 regions in the task editor (two predictions and a completion,
 * so 15,000 regions in all), and scrolling it page by page, against loading the same text into a bare
 * StyledText of the same size in the same run. Prints the ratios, the opening ratio last. Runs only when
 * {@code -Dlabelbench.benchmark=true} (releng/benchmarks/task-editor.sh); not a timed unit test.
 */
class TaskEditorBenchmark {

	private static final int ROUNDS = 5;
	private static final int REGIONS = 5_000;
	private static final int SCROLL_STEPS = 60;

	@TempDir
	Path dir;

	@Test
	@EnabledIfSystemProperty(named = "labelbench.benchmark", matches = "true")
	void openAndScrollALongTask() throws Exception {
		Task task = longTask();
		Path folder = dir.resolve("long");
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), TaskEditorTest.CONFIG, StandardCharsets.UTF_8);
		created.tasks().write(task);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile file = project.getFolder(TaskStore.FOLDER).getFile(TaskId.of(1).fileName());
		long bytes = Files.size(created.tasks().file(TaskId.of(1)));
		System.out.printf("task-editor: task text %,d chars, file %,d bytes, %,d regions per annotation%n",
				task.text().length(), bytes, REGIONS);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Display display = Display.getCurrent();
		long[] editorOpen = new long[ROUNDS];
		long[] bareOpen = new long[ROUNDS];
		long[] editorScroll = new long[ROUNDS];
		long[] bareScroll = new long[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			TaskEditors.open(page, file);
			TaskEditor editor = (TaskEditor) page.getActiveEditor();
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
			StyledText editorText = editor.completionText();
			settle(display, editorText);
			editorOpen[round] = System.nanoTime() - start;
			editorScroll[round] = scroll(display, editorText);
			int width = editorText.getSize().x;
			int height = editorText.getSize().y;
			page.closeAllEditors(false);
			settle(display, null);

			start = System.nanoTime();
			Shell shell = new Shell(display);
			shell.setLayout(new FillLayout());
			StyledText bare = new StyledText(shell, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
			bare.setText(task.text());
			shell.setSize(width + 20, height + 20);
			shell.open();
			settle(display, bare);
			bareOpen[round] = System.nanoTime() - start;
			bareScroll[round] = scroll(display, bare);
			shell.dispose();
			settle(display, null);
		}
		double editorMs = median(editorOpen) / 1e6;
		double bareMs = median(bareOpen) / 1e6;
		double editorStep = median(editorScroll) / 1e6 / SCROLL_STEPS;
		double bareStep = median(bareScroll) / 1e6 / SCROLL_STEPS;
		System.out.printf("task-editor: open, median of %d: editor %.1f ms, bare StyledText %.1f ms%n", ROUNDS, editorMs,
				bareMs);
		System.out.printf("task-editor: scroll one page and paint, median: editor %.2f ms, bare StyledText %.2f ms,"
				+ " ratio %.2f%n", editorStep, bareStep, editorStep / bareStep);
		// the editor shows the text twice (prediction | completion): per pane, it costs this much over the baseline
		System.out.printf("task-editor: per pane (editor open / two bare StyledText opens) %.2f%n", editorMs / (2 * bareMs));
		System.out.printf("task-editor: ratio (editor open / bare StyledText open) %.2f%n", editorMs / bareMs);
	}

	/** About 1 MB of clinical-looking sentences and 5,000 spans in each of two predictions and a completion. */
	private static Task longTask() {
		String[] words = { "aspirin", "100", "mg", "twice", "daily", "patient", "reports", "no", "pain", "after",
				"ibuprofen", "東京", "😀", "café", "taken", "orally", "for", "two", "weeks" };
		Random random = new Random(42);
		StringBuilder text = new StringBuilder(1 << 20);
		while (text.length() < 1_000_000) {
			int sentence = 8 + random.nextInt(12);
			for (int i = 0; i < sentence; i++) {
				text.append(words[random.nextInt(words.length)]).append(i + 1 < sentence ? " " : ".");
			}
			text.append(random.nextInt(6) == 0 ? "\r\n" : " ");
		}
		String content = text.toString();
		Task task = Task.of(TaskId.of(1), content);
		Annotation older = task.addPrediction();
		older.json().put("id", 1).put("model_version", "ner@1").put("created_at", "2026-11-01T08:00:00Z");
		Annotation newer = task.addPrediction();
		newer.json().put("id", 2).put("model_version", "ner@2").put("created_at", "2026-11-20T08:00:00Z");
		Annotation completion = task.addCompletion();
		completion.json().put("id", 3).put("created_username", "ana");
		int step = content.length() / REGIONS;
		String[] labels = { "DRUG", "DOSAGE", "FREQUENCY" };
		for (int i = 0; i < REGIONS; i++) {
			int start = i * step;
			while (start > 0 && content.charAt(start - 1) != ' ') {
				start++;
			}
			int end = content.indexOf(' ', start);
			if (end <= start || end - start > 40) {
				continue;
			}
			String label = labels[i % labels.length];
			add(older, "o" + i, content, start, end, label);
			add(newer, "n" + i, content, start, end, i % 7 == 0 ? "DRUG" : label);
			add(completion, "c" + i, content, start, end, label);
		}
		return task;
	}

	private static void add(Annotation annotation, String id, String text, int start, int end, String label) {
		Region region = annotation.addResult("labels").span(start, end, text.substring(start, end), label);
		region.json().put("id", id).put("from_name", "label").put("to_name", "text");
	}

	/** Runs the event loop until nothing is pending and the widget has painted at its size. */
	private static void settle(Display display, StyledText text) {
		if (text != null) {
			UiTesting.waitUntil("laid out", () -> text.getSize().y > 100, 20_000);
			text.redraw();
			text.update();
		}
		while (display.readAndDispatch()) {
			// drain
		}
	}

	/** Scrolls down page by page, painting each page; returns the nanoseconds it took. */
	private static long scroll(Display display, StyledText text) {
		int page = text.getClientArea().height;
		long start = System.nanoTime();
		for (int i = 1; i <= SCROLL_STEPS; i++) {
			text.setTopPixel(i * page);
			text.update();
			while (display.readAndDispatch()) {
				// the synchronised other side paints too
			}
		}
		return System.nanoTime() - start;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
