package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** Import then export keeps every field: compared as JSON trees, numbers with their exact decimal form. */
class RoundTripTest {

	@TempDir
	Path dir;

	@Test
	void galExportSurvivesImportAndExport() throws IOException {
		Path source = Projects.TESTDATA.resolve("gal-export.json");
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		ImportResult result = new TaskImporter(project).importFiles(List.of(source), ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(3, result.imported());
		assertEquals(List.of(), result.problems(), "the sample's offsets are exact");

		Path out = dir.resolve("out.json");
		assertEquals(3, new TaskExporter(project).export(ExportFormat.GAL, out, Progress.NONE).exported());
		assertEquals(Projects.readTree(source), Projects.readTree(out));
		String written = Files.readString(out, StandardCharsets.UTF_8);
		assertTrue(written.contains("0.930"), "score keeps its trailing zero");
		assertTrue(written.contains("😀"), "emoji written as is");
		assertTrue(written.contains("患者"), "CJK written as is");
		assertTrue(written.contains("\\r\\n"), "CRLF kept");
	}

	@Test
	void labelStudioAnnotationsAreCompletionsInsideAndAnnotationsOnExport() throws IOException {
		Path source = Projects.TESTDATA.resolve("labelstudio-export.json");
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		new TaskImporter(project).importFiles(List.of(source), ImportOptions.DEFAULT, Progress.NONE);

		Task stored = project.tasks().read(TaskId.of(1));
		assertFalse(stored.json().has(Task.ANNOTATIONS));
		assertEquals(1, stored.completions().size());
		assertEquals("ana@example.org", stored.completions().get(0).json().at("/completed_by/email").asText());

		Path out = dir.resolve("ls.json");
		new TaskExporter(project).export(ExportFormat.LABEL_STUDIO, out, Progress.NONE);
		assertEquals(Projects.readTree(source), Projects.readTree(out));
	}

	/**
	 * Label Studio's template example tasks carry annotations and predictions but no id; Label Studio imports them,
	 * and so does Labelbench: new ids, every other field kept, back out unchanged as Label Studio JSON.
	 */
	@Test
	void labelStudioTasksWithoutIdsGetNewIdsAndKeepEverythingElse() throws IOException {
		Path source = Projects.TESTDATA.resolve("labelstudio-tasks-without-ids.json");
		for (boolean renumber : new boolean[] { false, true }) {
			LabelbenchProject project = LabelbenchProject.create(dir.resolve("p" + renumber), "ana");
			project.tasks().write(Task.of(TaskId.of(7), "a task that was there before"));
			ImportResult result = new TaskImporter(project).importFiles(List.of(source),
					ImportOptions.DEFAULT.withRenumber(renumber), Progress.NONE);
			assertEquals(3, result.imported());
			assertEquals(List.of(TaskId.of(7), TaskId.of(8), TaskId.of(9), TaskId.of(10)), project.tasks().ids());
			Task first = project.tasks().read(TaskId.of(8));
			assertEquals(1, first.completions().size(), "Label Studio's annotations are the task's completions");
			assertEquals(3, first.completions().get(0).results().size());

			Path out = dir.resolve("ls" + renumber + ".json");
			new TaskExporter(project).export(ExportFormat.LABEL_STUDIO, out, Progress.NONE);
			JsonNode exported = Projects.readTree(out);
			JsonNode original = Projects.readTree(source);
			for (int i = 0; i < original.size(); i++) {
				ObjectNode task = (ObjectNode) exported.get(i + 1).deepCopy();
				assertEquals(8 + i, task.get(Task.ID).intValue());
				List<String> keys = new java.util.ArrayList<>();
				task.fieldNames().forEachRemaining(keys::add);
				List<String> originalKeys = new java.util.ArrayList<>();
				originalKeys.add(Task.ID);
				original.get(i).fieldNames().forEachRemaining(originalKeys::add);
				assertEquals(originalKeys, keys, "the new id goes first, the other fields keep their order");
				task.remove(Task.ID);
				assertEquals(original.get(i), task);
			}
			assertTrue(Files.readString(out).contains("0.870"), "numbers keep their exact form");
		}
	}

	@Test
	void jsonLinesRoundTrip() throws IOException {
		Path source = Projects.TESTDATA.resolve("gal-export.json");
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		new TaskImporter(project).importFiles(List.of(source), ImportOptions.DEFAULT, Progress.NONE);
		Path jsonl = dir.resolve("tasks.jsonl");
		new TaskExporter(project).export(ExportFormat.JSONL, jsonl, Progress.NONE);
		assertEquals(3, Files.readAllLines(jsonl).size());

		LabelbenchProject copy = LabelbenchProject.create(dir.resolve("copy"), "ana");
		new TaskImporter(copy).importFiles(List.of(jsonl), ImportOptions.DEFAULT, Progress.NONE);
		Path out = dir.resolve("out.json");
		new TaskExporter(copy).export(ExportFormat.GAL, out, Progress.NONE);
		assertEquals(Projects.readTree(source), Projects.readTree(out));
	}

	@Test
	void storedTaskFileIsTheTaskTree() throws IOException {
		Path source = Projects.TESTDATA.resolve("gal-export.json");
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		new TaskImporter(project).importFiles(List.of(source), ImportOptions.DEFAULT, Progress.NONE);
		JsonNode first = Projects.readTree(source).get(0);
		assertEquals(first, Projects.readTree(project.tasks().file(TaskId.of(1))));
	}
}
