package io.labelbench.visual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RulesAnnotator;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.rules.engine.Rule;

/** A digital PDF imported as a visual task and pre-annotated by rules on its text layer. */
class VisualPreannotationTest {

	@TempDir
	Path dir;

	@Test
	void multiTokenEntitiesBecomeOneRegionPerLineLinkedAcrossLines() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(3, 1);
		Path pdf = dir.resolve("report.pdf");
		Files.write(pdf, generated.pdf());
		List<SampleDocuments.Word> words = generated.pages().get(0);
		// a two-word phrase inside one line, and one that crosses the first line break
		int lastOfLine0 = 0;
		while (words.get(lastOfLine0 + 1).line() == 0) {
			lastOfLine0++;
		}
		String inLine = words.get(1).text() + " " + words.get(2).text();
		String acrossLines = words.get(lastOfLine0).text() + "\n" + words.get(lastOfLine0 + 1).text();

		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		List<TaskId> ids = new VisualImporter(project, VisualExtractor.Limits.DEFAULT).importDocuments(List.of(pdf), null,
				Progress.NONE);
		assertEquals(List.of(TaskId.of(1)), ids);
		Task task = project.tasks().read(TaskId.of(1));
		assertTrue(Files.isRegularFile(project.folder().resolve(task.dataText("image"))));

		RulesAnnotator rules = new RulesAnnotator(List.of(
				Rule.regex("phrase", "PHRASE", java.util.regex.Pattern.quote(inLine), true, true),
				Rule.regex("wrapped", "WRAPPED", java.util.regex.Pattern.quote(acrossLines), true, true)),
				"label", "image", "text");
		RunSummary summary = new BulkRunner(project.tasks(), new VisualAnnotator(project, rules, "label", "image"),
				BulkRunner.Options.DEFAULT).run(ids, Progress.NONE);
		assertEquals(1, summary.done(), summary.failures().toString());

		List<Region> regions = project.tasks().read(TaskId.of(1)).predictions().get(0).results();
		Map<String, List<Region>> byLabel = new TreeMap<>();
		for (Region region : regions) {
			assertEquals("rectanglelabels", region.type());
			byLabel.computeIfAbsent(region.labels().get(0), k -> new ArrayList<>()).add(region);
		}
		assertEquals(1, byLabel.get("PHRASE").size(), "two tokens on one line: one region");
		assertEquals(inLine, byLabel.get("PHRASE").get(0).value().get("text").asText());
		Box expected = words.get(1).box().union(words.get(2).box());
		double x = byLabel.get("PHRASE").get(0).value().get("x").asDouble() * 612 / 100;
		assertEquals(expected.x0(), x, 0.5, "x of the merged box in points");

		List<Region> wrapped = byLabel.get("WRAPPED");
		assertEquals(2, wrapped.size(), "one region per line");
		assertEquals(wrapped.get(0).json().at("/meta/chunk"), wrapped.get(1).json().at("/meta/chunk"), "linked");
		assertEquals(1, wrapped.get(0).value().get("pageNumber").asInt());
	}

	@Test
	void unsupportedFilesAreRefusedAndNothingIsWritten() throws Exception {
		Path notPdf = dir.resolve("notes.pdf");
		Files.writeString(notPdf, "just text, named .pdf");
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		IOException e = assertThrows(IOException.class, () -> new VisualImporter(project, VisualExtractor.Limits.DEFAULT)
				.importDocuments(List.of(notPdf), null, Progress.NONE));
		assertTrue(e.getMessage().contains("unsupported file type"), e.getMessage());
		try (Stream<Path> files = Files.walk(project.folder())) {
			assertEquals(List.of(), files.filter(f -> f.startsWith(project.folder().resolve("files"))
					|| f.startsWith(project.tasks().folder()) && Files.isRegularFile(f)).toList());
		}
	}

	/**
	 * Text tasks mixed with a visual one: the text annotator gets the text tasks of a batch in one call (a server
	 * gets one request, not one a task), and the outputs stay in task order.
	 */
	@Test
	void textTasksOfABatchGoToTheTextAnnotatorInOneCall() throws Exception {
		Path pdf = Files.write(dir.resolve("one.pdf"), SampleDocuments.digitalPdf(6, 1).pdf());
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		TaskId visualId = new VisualImporter(project, VisualExtractor.Limits.DEFAULT).importDocuments(List.of(pdf), null,
				Progress.NONE).get(0);
		List<Integer> calls = new ArrayList<>();
		io.labelbench.preannotate.Annotator counting = new io.labelbench.preannotate.Annotator() {
			@Override
			public String author() {
				return "test";
			}

			@Override
			public String modelVersion() {
				return "count@1";
			}

			@Override
			public List<Output> annotate(List<Task> tasks) {
				calls.add(tasks.size());
				return tasks.stream().map(t -> new Output(List.of(), new java.math.BigDecimal(t.text().length())))
						.toList();
			}
		};
		List<Task> batch = List.of(Task.of(TaskId.of(10), "a"), project.tasks().read(visualId), Task.of(TaskId.of(11), "bbb"),
				Task.of(TaskId.of(12), "cc"));
		List<io.labelbench.preannotate.Annotator.Output> outputs = new VisualAnnotator(project, counting, "label", "image")
				.annotate(batch);
		assertEquals(List.of(1, 3), calls, "the document's one page, then the three text tasks in one call");
		assertEquals(1, outputs.get(0).score().intValue());
		assertEquals(3, outputs.get(2).score().intValue());
		assertEquals(2, outputs.get(3).score().intValue());
	}
}
