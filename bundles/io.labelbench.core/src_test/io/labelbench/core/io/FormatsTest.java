package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

class FormatsTest {

	@TempDir
	Path dir;

	private LabelbenchProject projectWith(Task... tasks) throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		for (Task task : tasks) {
			project.tasks().write(task);
		}
		return project;
	}

	@Test
	void conllTagsSpansOfTheLatestCompletionWithBio() throws IOException {
		String text = "Take ibuprofen 400 mg twice-daily.\nStop aspirin.";
		Task task = Task.of(TaskId.of(1), text);
		task.addPrediction().addResult("labels").span(40, 47, "aspirin", "WRONG");
		var completion = task.addCompletion();
		completion.addResult("labels").span(5, 14, "ibuprofen", "DRUG");
		completion.addResult("labels").span(15, 21, "400 mg", "STRENGTH");
		completion.addResult("labels").span(22, 33, "twice-daily", "FREQUENCY");
		completion.addResult("labels").span(40, 47, "aspirin", "DRUG");
		Path out = dir.resolve("out.conll");
		new TaskExporter(projectWith(task)).export(ExportFormat.CONLL, out, Progress.NONE);
		assertEquals("""
				-DOCSTART- -X- -X- O

				Take -X- -X- O
				ibuprofen -X- -X- B-DRUG
				400 -X- -X- B-STRENGTH
				mg -X- -X- I-STRENGTH
				twice-daily -X- -X- B-FREQUENCY
				. -X- -X- O

				Stop -X- -X- O
				aspirin -X- -X- B-DRUG
				. -X- -X- O

				""", Files.readString(out));
	}

	@Test
	void csvExportReimportsWithQuotesAndNewlines() throws IOException {
		Task task = Task.of(TaskId.of(7), "line one, with \"quotes\"\nline two");
		task.data().put("source", "clinic A");
		task.addPrediction().addResult("labels").span(0, 4, "line", "X");
		Path csv = dir.resolve("out.csv");
		new TaskExporter(projectWith(task)).export(ExportFormat.CSV, csv, Progress.NONE);
		assertTrue(Files.readString(csv).startsWith("id,text,source,predictions,completions\n"));

		LabelbenchProject other = LabelbenchProject.create(dir.resolve("other"), "ana");
		new TaskImporter(other).importFiles(List.of(csv), ImportOptions.DEFAULT, Progress.NONE);
		Task back = other.tasks().read(TaskId.of(1));
		assertEquals(task.text(), back.text());
		assertEquals("clinic A", back.dataText("source"));
		assertTrue(back.dataText("predictions").contains("\"labels\":[\"X\"]"), back.dataText("predictions"));
	}

	/** A task with Label Studio annotations after its completions: both go out, the last of the list is the latest. */
	@Test
	void csvAndConllSeeAnnotationsNextToCompletions() throws IOException {
		Task task = new Task((com.fasterxml.jackson.databind.node.ObjectNode) io.labelbench.core.json.Json.mapper()
				.readTree("""
						{"id": 3, "data": {"text": "Stop aspirin."},
						 "completions": [{"id": 1, "result": [{"from_name": "label", "to_name": "text", "type": "labels",
						   "value": {"start": 5, "end": 12, "text": "aspirin", "labels": ["OLD"]}}]}],
						 "annotations": [{"id": 2, "result": [{"from_name": "label", "to_name": "text", "type": "labels",
						   "value": {"start": 5, "end": 12, "text": "aspirin", "labels": ["DRUG"]}}]}]}
						"""));
		LabelbenchProject project = projectWith(task);
		Path csv = dir.resolve("out.csv");
		new TaskExporter(project).export(ExportFormat.CSV, csv, Progress.NONE);
		LabelbenchProject other = LabelbenchProject.create(dir.resolve("other"), "ana");
		new TaskImporter(other).importFiles(List.of(csv), ImportOptions.DEFAULT, Progress.NONE);
		var completions = io.labelbench.core.json.Json.mapper().readTree(
				other.tasks().read(TaskId.of(1)).dataText("completions"));
		assertEquals(List.of(1, 2), List.of(completions.get(0).get("id").asInt(), completions.get(1).get("id").asInt()),
				"the completions column holds both, in file order");

		Path conll = dir.resolve("out.conll");
		new TaskExporter(project).export(ExportFormat.CONLL, conll, Progress.NONE);
		assertTrue(Files.readString(conll).contains("aspirin -X- -X- B-DRUG"), Files.readString(conll));
	}

	@Test
	void tsvImportUsesTheChosenTextColumn() throws IOException {
		Path tsv = dir.resolve("notes.tsv");
		Files.writeString(tsv, "note_id\tbody\n1\tPatient denies chest pain.\n2\tMetformin 500 mg BID.\n");
		LabelbenchProject project = projectWith();
		ImportResult result = new TaskImporter(project).importFiles(List.of(tsv),
				ImportOptions.DEFAULT.withTextColumn("body"), Progress.NONE);
		assertEquals(2, result.imported());
		assertEquals("Metformin 500 mg BID.", project.tasks().read(TaskId.of(2)).text());
		assertEquals("2", project.tasks().read(TaskId.of(2)).dataText("note_id"));
	}

	@Test
	void folderOfTextFilesBecomesOneTaskEach() throws IOException {
		Path folder = Files.createDirectories(dir.resolve("notes"));
		Files.writeString(folder.resolve("b.txt"), "second\r\nnote", StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("a.txt"), "\uFEFFfirst note 😀", StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("skip.md"), "not a task");
		Files.writeString(folder.resolve("c.jsonl"), "{\"id\": 100, \"data\": {\"text\": \"from JSON Lines\"}}\n");
		LabelbenchProject project = projectWith(Task.of(TaskId.of(5), "existing"));
		new TaskImporter(project).importFiles(List.of(folder), ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(List.of(TaskId.of(5), TaskId.of(100), TaskId.of(101), TaskId.of(102)), project.tasks().ids());
		assertEquals("first note 😀", project.tasks().read(TaskId.of(101)).text());
		assertEquals("a.txt", project.tasks().read(TaskId.of(101)).dataText("title"));
		assertEquals("second\r\nnote", project.tasks().read(TaskId.of(102)).text());
		assertEquals("from JSON Lines", project.tasks().read(TaskId.of(100)).text());
	}

	@Test
	void reimportingAnExportWithIdsChangesNothing() throws IOException {
		LabelbenchProject project = projectWith();
		List<Path> source = List.of(Projects.TESTDATA.resolve("gal-export.json"));
		new TaskImporter(project).importFiles(source, ImportOptions.DEFAULT, Progress.NONE);
		var before = Projects.snapshot(project.tasks().folder());
		ImportResult again = new TaskImporter(project).importFiles(source, ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(0, again.imported());
		assertEquals(3, again.unchanged());
		assertEquals(before, Projects.snapshot(project.tasks().folder()));
	}

	@Test
	void cancelledExportLeavesTheEarlierFile() throws IOException {
		LabelbenchProject project = projectWith(Task.of(TaskId.of(1), "a"), Task.of(TaskId.of(2), "b"));
		Path out = dir.resolve("out.json");
		Files.writeString(out, "earlier export");
		Progress cancelAfterOne = Projects.cancelAfter(1);
		assertThrows(CancellationException.class,
				() -> new TaskExporter(project).export(ExportFormat.GAL, out, cancelAfterOne));
		Projects.assertEarlierExportKept(dir, out);
	}
}
