package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/**
 * Assertion status regions and relations (with ids, direction, confidence) through every format: the task formats
 * keep them exactly, the others say how many they could not carry.
 */
class ClinicalRoundTripTest {

	private static final Path SOURCE = Projects.TESTDATA.resolve("clinical-gal.json");

	/** The parts of the clinical config the exporter reads: "absent" is an assertion status. */
	static final ResultSchema SCHEMA = new ResultSchema() {
		@Override
		public boolean hasControl(String name) {
			return name.equals("label");
		}

		@Override
		public boolean controlTargets(String control, String object) {
			return hasControl(control) && object.equals("text");
		}

		@Override
		public Set<String> valuesOf(String control) {
			return Set.of("PROBLEM", "DRUG", "STRENGTH", "FREQUENCY", "absent");
		}

		@Override
		public Set<String> assertionLabels() {
			return Set.of("absent", "possible");
		}
	};

	@TempDir
	Path dir;

	private LabelbenchProject imported(String name, Path file) throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve(name), "ana");
		ImportResult result = new TaskImporter(project, SCHEMA).importFiles(List.of(file), ImportOptions.DEFAULT,
				Progress.NONE);
		assertEquals(1, result.imported());
		assertEquals(List.of(), result.problems(), "the sample is consistent");
		return project;
	}

	@Test
	void galImportExportImportIsIdentical() throws IOException {
		LabelbenchProject first = imported("p1", SOURCE);
		Path out = dir.resolve("gal.json");
		new TaskExporter(first, SCHEMA).export(ExportFormat.GAL, out, Progress.NONE);
		assertEquals(Projects.readTree(SOURCE), Projects.readTree(out));
		assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("0.880"), "relation confidence as written");

		LabelbenchProject second = imported("p2", out);
		assertEquals(first.tasks().read(TaskId.of(1)).json(), second.tasks().read(TaskId.of(1)).json());
	}

	@Test
	void labelStudioAnnotationsAndPredictionsKeepStatusesAndRelations() throws IOException {
		ArrayNode tasks = (ArrayNode) Projects.readTree(SOURCE);
		ObjectNode task = (ObjectNode) tasks.get(0);
		ObjectNode labelStudio = TaskExporter.toLabelStudio(task);
		Path source = dir.resolve("ls.json");
		Files.writeString(source, Json.mapper().writeValueAsString(Json.nodes().arrayNode().add(labelStudio)));

		LabelbenchProject first = imported("p1", source);
		Task stored = first.tasks().read(TaskId.of(1));
		assertEquals(6, stored.completions().get(0).results().size(), "annotations read as completions, relations too");
		Path out = dir.resolve("ls-out.json");
		new TaskExporter(first, SCHEMA).export(ExportFormat.LABEL_STUDIO, out, Progress.NONE);
		assertEquals(Projects.readTree(source), Projects.readTree(out));
		LabelbenchProject second = imported("p2", out);
		assertEquals(stored.json(), second.tasks().read(TaskId.of(1)).json());
	}

	@Test
	void jsonlImportExportImportIsIdentical() throws IOException {
		LabelbenchProject first = imported("p1", SOURCE);
		Path jsonl = dir.resolve("tasks.jsonl");
		new TaskExporter(first, SCHEMA).export(ExportFormat.JSONL, jsonl, Progress.NONE);
		LabelbenchProject second = imported("p2", jsonl);
		Path again = dir.resolve("again.jsonl");
		new TaskExporter(second, SCHEMA).export(ExportFormat.JSONL, again, Progress.NONE);
		assertEquals(Files.readString(jsonl), Files.readString(again));
		JsonNode relation = Json.mapper().readTree(Files.readString(again)).at("/predictions/0/result/5");
		assertEquals("{\"id\":\"r1\",\"type\":\"relation\",\"from_id\":\"p3\",\"to_id\":\"p4\",\"direction\":\"right\","
				+ "\"labels\":[\"DRUG-STRENGTH\"],\"confidence\":0.880}", Json.mapper().writeValueAsString(relation));
	}

	@Test
	void csvCarriesThemInsideItsJsonColumns() throws IOException {
		LabelbenchProject project = imported("p1", SOURCE);
		Path csv = dir.resolve("out.csv");
		ExportResult result = new TaskExporter(project, SCHEMA).export(ExportFormat.CSV, csv, Progress.NONE);
		assertNull(result.leftOutSummary(ExportFormat.CSV), "nothing left out");
		LabelbenchProject other = LabelbenchProject.create(dir.resolve("other"), "ana");
		new TaskImporter(other).importFiles(List.of(csv), ImportOptions.DEFAULT, Progress.NONE);
		JsonNode completions = Json.mapper().readTree(other.tasks().read(TaskId.of(1)).dataText("completions"));
		assertEquals(Projects.readTree(SOURCE).at("/0/completions"), completions);
	}

	@Test
	void conllLeavesStatusesOutOfItsTagsAndSaysWhatItCouldNotCarry() throws IOException {
		LabelbenchProject project = imported("p1", SOURCE);
		Path conll = dir.resolve("out.conll");
		ExportResult result = new TaskExporter(project, SCHEMA).export(ExportFormat.CONLL, conll, Progress.NONE);
		String written = Files.readString(conll);
		assertTrue(written.contains("chest -X- -X- B-PROBLEM\npain -X- -X- I-PROBLEM\n"), written);
		assertFalse(written.contains("absent"), written);
		assertEquals(2, result.relationsLeftOut(), "the completion's two relations");
		assertEquals(1, result.assertionsLeftOut());
		assertEquals("conll has no place for relations and assertion statuses: 2 relations and 1 assertion status of"
				+ " the exported answers left out (export as gal, labelstudio or jsonl to keep them)",
				result.leftOutSummary(ExportFormat.CONLL));

		ExportResult noConfig = new TaskExporter(project).export(ExportFormat.CONLL, dir.resolve("b.conll"),
				Progress.NONE);
		assertEquals(2, noConfig.relationsLeftOut(), "relations are told apart without a config");
	}
}
