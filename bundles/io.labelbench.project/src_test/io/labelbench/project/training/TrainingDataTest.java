package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;

/** The data a training run fits on, exported from the counted completions, and the refusals. */
class TrainingDataTest {

	private static final String CONFIG = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="DRUG"/><Label value="DOSAGE"/><Label value="absent" assertion="true"/>
			  </Labels>
			  <Choices name="kind" toName="text"><Choice value="drug"/><Choice value="other"/></Choices>
			  <Text name="text" value="$text"/>
			</View>
			""";

	@TempDir
	Path dir;

	private LabelbenchProject project;

	@BeforeEach
	void project() throws IOException {
		project = LabelbenchProject.create(dir.resolve("project"), "ana");
		Files.writeString(project.configFile(), CONFIG);
	}

	private void task(long id, String json) throws IOException {
		ObjectNode node = (ObjectNode) Json.mapper().readTree(json);
		node.put("id", id);
		project.tasks().create(new Task(node));
	}

	private static String span(int start, int end, String label) {
		return "{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":" + start
				+ ",\"end\":" + end + ",\"labels\":[\"" + label + "\"]}}";
	}

	private static String choice(String label) {
		return "{\"from_name\":\"kind\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"" + label
				+ "\"]}}";
	}

	private static String submitted(String text, String... results) {
		return "{\"data\":{\"text\":\"" + text + "\"},\"completions\":[{\"id\":1,\"created_username\":\"ana\","
				+ "\"submitted_at\":\"2026-11-01T10:00:00Z\",\"result\":[" + String.join(",", results) + "]}]}";
	}

	private TrainingData.Exported export(TrainingType type) throws IOException, TrainingException {
		return new TrainingData(project, LabelingConfig.read(project.configFile()), type, null)
				.export(dir.resolve("data-" + type.id()));
	}

	@Test
	void nerCoNLLHasEntityBoundariesAsTokenBoundariesAndLeavesTestTasksOut() throws Exception {
		// "aspirin" glued to "Take" by a hyphen and "81mg" cut where the entity ends: boundaries inside words
		task(1, submitted("Take-aspirin 81mg daily. Stop.", span(5, 12, "DRUG"), span(13, 15, "DOSAGE"),
				span(5, 12, "absent")));
		task(2, submitted("Give ibuprofen 200 mg.", span(5, 14, "DRUG"), span(15, 21, "DOSAGE")));
		String test = submitted("Take paracetamol 1 g.", span(5, 16, "DRUG"));
		task(3, test.replace("{\"data\"", "{\"tags\":[\"Test\"],\"data\""));
		task(4, "{\"data\":{\"text\":\"no completion\"}}");

		TrainingData.Exported data = export(TrainingType.NER);

		String conll = Files.readString(data.trainFile());
		assertEquals("""
				-DOCSTART- -X- -X- O

				Take -X- -X- O
				- -X- -X- O
				aspirin -X- -X- B-DRUG
				81 -X- -X- B-DOSAGE
				mg -X- -X- O
				daily -X- -X- O
				. -X- -X- O

				Stop -X- -X- O
				. -X- -X- O

				Give -X- -X- O
				ibuprofen -X- -X- B-DRUG
				200 -X- -X- B-DOSAGE
				mg -X- -X- I-DOSAGE
				. -X- -X- O

				""", conll);
		assertEquals(List.of("DOSAGE", "DRUG"), data.labels());
		assertEquals(2, data.trainTasks());
		assertEquals(1, data.testTasks());
		assertEquals("{\"id\":3,\"text\":\"Take paracetamol 1 g.\"}\n",
				Files.readString(data.folder().resolve(TrainingData.TEST_FILE)));
		assertEquals("label", data.fromName());
		assertEquals("text", data.toName());
		assertTrue(Files.readString(data.folder().resolve(TrainingData.DATA_FILE)).contains(data.hash()));
	}

	@Test
	void theHashChangesWithTheDataAndOnlyWithIt() throws Exception {
		task(1, submitted("Take aspirin 81 mg.", span(5, 12, "DRUG"), span(13, 18, "DOSAGE")));
		String first = export(TrainingType.NER).hash();
		assertEquals(first, export(TrainingType.NER).hash());
		task(2, submitted("Give ibuprofen.", span(5, 14, "DRUG")));
		assertNotEquals(first, export(TrainingType.NER).hash());
	}

	@Test
	void classificationRowsAreTextAndTheChosenLabel() throws Exception {
		task(1, submitted("Take aspirin.", choice("drug")));
		task(2, submitted("Nice weather.", choice("other")));
		TrainingData.Exported data = export(TrainingType.CLASSIFICATION);
		assertEquals("{\"text\":\"Take aspirin.\",\"label\":\"drug\"}\n{\"text\":\"Nice weather.\",\"label\":\"other\"}\n",
				Files.readString(data.trainFile()));
		assertEquals("kind", data.fromName());
	}

	@Test
	void noCompletionsIsRefused() throws Exception {
		task(1, "{\"data\":{\"text\":\"Take aspirin.\"},\"completions\":[{\"id\":1,\"result\":[" + span(5, 12, "DRUG")
				+ "]}]}"); // a draft: not submitted
		TrainingException e = assertThrows(TrainingException.class, () -> export(TrainingType.NER));
		assertTrue(e.getMessage().startsWith("no completions"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("data-ner")), "nothing written");
	}

	/** Completions of test tasks are held out: the refusal says they were counted and where they went. */
	@Test
	void noCompletionsOutsideTheTestTasksSaysWhatCounts() throws Exception {
		for (long id = 1; id <= 3; id++) {
			ObjectNode tagged = (ObjectNode) Json.mapper().readTree(submitted("Take aspirin.", span(5, 12, "DRUG")));
			tagged.putArray("tags").add("test");
			task(id, tagged.toString());
		}
		task(4, "{\"data\":{\"text\":\"Give ibuprofen.\"}}");
		TrainingException e = assertThrows(TrainingException.class, () -> export(TrainingType.NER));
		assertEquals("no completions outside the test tasks: 3 completed tasks, all 3 tagged \"test\" (held out to"
				+ " score the model); the other 1 task has no counted completion. Submit completions of tasks outside"
				+ " the test set to train on", e.getMessage());

		TrainingException split = assertThrows(TrainingException.class, () -> new TrainingData(project,
				LabelingConfig.read(project.configFile()), TrainingType.NER, 0.99).export(dir.resolve("split")));
		assertTrue(split.getMessage().startsWith("no completions outside the test tasks: 3 completed tasks, all 3"
				+ " tagged"), "tagged tasks win over a split: " + split.getMessage());
	}

	@Test
	void noCompletionAtAllIsSaidSo() throws Exception {
		task(1, "{\"data\":{\"text\":\"Give ibuprofen.\"}}");
		task(2, "{\"data\":{\"text\":\"Take aspirin.\"}}");
		TrainingException e = assertThrows(TrainingException.class, () -> export(TrainingType.NER));
		assertEquals("no completions: none of the 2 tasks has a counted completion (a ground-truth or submitted one;"
				+ " drafts do not count)", e.getMessage());
	}

	@Test
	void oneLabelOnlyIsRefused() throws Exception {
		task(1, submitted("Take aspirin.", choice("drug")));
		task(2, submitted("Take ibuprofen.", choice("drug")));
		TrainingException e = assertThrows(TrainingException.class, () -> export(TrainingType.CLASSIFICATION));
		assertTrue(e.getMessage().startsWith("one label only") && e.getMessage().contains("drug"), e.getMessage());
	}

	@Test
	void aLabelTheConfigDoesNotHaveIsRefusedNamingTaskAndLabel() throws Exception {
		task(1, submitted("Take aspirin 81 mg.", span(5, 12, "DRUG"), span(13, 18, "DOSE")));
		TrainingException e = assertThrows(TrainingException.class, () -> export(TrainingType.NER));
		assertTrue(e.getMessage().startsWith("labels the config does not have") && e.getMessage().contains("task 1")
				&& e.getMessage().contains("\"DOSE\""), e.getMessage());
	}

	private static String region(String id, int start, int end, String... labels) {
		return "{\"id\":\"" + id + "\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\","
				+ "\"value\":{\"start\":" + start + ",\"end\":" + end + ",\"labels\":[\"" + String.join("\",\"", labels)
				+ "\"]}}";
	}

	private static String relation(String from, String to, String direction, String label) {
		return "{\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\",\"type\":\"relation\",\"direction\":\""
				+ direction + "\",\"labels\":[\"" + label + "\"]}";
	}

	@Test
	void assertionRowsGiveEachEntityItsStatusOrPresent() throws Exception {
		// "No aspirin. Take 5 mg." : the status as a region of its own and as a second label of the entity
		task(1, submitted("No aspirin. Take 5 mg.", region("a", 3, 10, "DRUG"), region("s", 3, 10, "absent"),
				span(17, 21, "DOSAGE")));
		task(2, submitted("Aspirin daily.", region("b", 0, 7, "DRUG", "absent")));
		task(3, submitted("Take aspirin.", span(5, 12, "DRUG")));
		TrainingData.Exported data = export(TrainingType.ASSERTION);
		assertEquals(List.of("absent"), data.labels(), "present is the status of an entity without assertion label");
		assertEquals(java.util.Map.of("absent", 2, "present", 1), data.labelCounts());
		assertEquals(List.of("DRUG"), data.entityLabels(), "DOSAGE never takes a status: not the model's");
		assertEquals(3, data.examples());
		assertEquals("label", data.fromName());
		List<String> rows = Files.readAllLines(data.trainFile());
		assertEquals("{\"text\":\"No aspirin. Take 5 mg.\",\"entities\":[{\"start\":3,\"end\":10,\"label\":\"DRUG\","
				+ "\"fromName\":\"label\",\"status\":\"absent\"},{\"start\":17,\"end\":21,\"label\":\"DOSAGE\","
				+ "\"fromName\":\"label\",\"status\":\"present\"}]}", rows.get(0));
		assertTrue(Files.readString(data.folder().resolve(TrainingData.DATA_FILE)).contains("\"entityLabels\":[\"DRUG\"]"));
	}

	@Test
	void assertionWithoutAnyStatusIsOneLabelOnly() throws Exception {
		task(1, submitted("Take aspirin.", span(5, 12, "DRUG")));
		TrainingException e = assertThrows(TrainingException.class, () -> export(TrainingType.ASSERTION));
		assertTrue(e.getMessage().startsWith("one label only: no entity"), e.getMessage());
	}

	@Test
	void relationRowsRunFromTheHeadAndTestRowsCarryTheGoldEntities() throws Exception {
		Files.writeString(project.configFile(), CONFIG.replace("<View>",
				"<View><Relations><Relation value=\"DRUG-DOSAGE\"/></Relations>"));
		task(1, submitted("Aspirin 5 mg daily.", region("a", 0, 7, "DRUG"), region("b", 8, 12, "DOSAGE"),
				relation("a", "b", "right", "DRUG-DOSAGE")));
		// drawn from the dosage to the drug: the same relation
		task(2, submitted("Take 2 mg of warfarin.", region("c", 5, 9, "DOSAGE"), region("d", 13, 21, "DRUG"),
				relation("c", "d", "right", "DRUG-DOSAGE")));
		task(3, "{\"data\":{\"text\":\"Ibuprofen 1 g.\"},\"meta\":{\"tags\":[\"test\"]},\"completions\":[{\"id\":1,"
				+ "\"submitted_at\":\"2026-11-01T10:00:00Z\",\"result\":[" + region("x", 0, 9, "DRUG") + ","
				+ region("y", 10, 13, "DOSAGE") + "," + relation("x", "y", "right", "DRUG-DOSAGE") + "]}]}");
		TrainingData.Exported data = export(TrainingType.RELATION);
		assertEquals(List.of("DRUG-DOSAGE"), data.labels());
		assertEquals("DRUG", data.headLabel());
		assertEquals(List.of("DOSAGE", "DRUG"), data.entityLabels());
		assertEquals(2, data.examples());
		List<String> rows = Files.readAllLines(data.trainFile());
		assertTrue(rows.get(1).endsWith("\"relations\":[{\"from\":1,\"to\":0,\"label\":\"DRUG-DOSAGE\"}]}"), rows.get(1));
		assertEquals("{\"id\":3,\"text\":\"Ibuprofen 1 g.\",\"entities\":[{\"start\":0,\"end\":9,\"label\":\"DRUG\","
				+ "\"fromName\":\"label\"},{\"start\":10,\"end\":13,\"label\":\"DOSAGE\",\"fromName\":\"label\"}]}\n",
				Files.readString(data.folder().resolve(TrainingData.TEST_FILE)));
	}

	@Test
	void relationsTheConfigLacksOrThatNameNoHeadAreRefused() throws Exception {
		TrainingException none = assertThrows(TrainingException.class, () -> export(TrainingType.RELATION));
		assertTrue(none.getMessage().contains("no <Relation> labels"), none.getMessage());
		Files.writeString(project.configFile(), CONFIG.replace("<View>",
				"<View><Relations><Relation value=\"DRUG-DOSAGE\"/><Relation value=\"takes\"/></Relations>"));
		task(1, submitted("Aspirin 5 mg daily.", region("a", 0, 7, "DRUG"), region("b", 8, 12, "DOSAGE"),
				relation("a", "b", "right", "DRUG-FORM")));
		TrainingException unknown = assertThrows(TrainingException.class, () -> export(TrainingType.RELATION));
		assertTrue(unknown.getMessage().startsWith("labels the config does not have: task 1 relates \"DRUG\" and"
				+ " \"DOSAGE\" as \"DRUG-FORM\""), unknown.getMessage());
		project.tasks().delete(io.labelbench.core.model.TaskId.of(1));
		task(2, submitted("Aspirin 5 mg daily.", region("a", 0, 7, "DRUG"), region("b", 8, 12, "DOSAGE"),
				relation("a", "b", "right", "takes")));
		TrainingException unnamed = assertThrows(TrainingException.class, () -> export(TrainingType.RELATION));
		assertTrue(unnamed.getMessage().contains("is not named HEAD-ATTRIBUTE"), unnamed.getMessage());
	}

	@Test
	void everyTypeParses() {
		for (TrainingType type : TrainingType.values()) {
			assertEquals(type, TrainingType.parse(type.id()));
		}
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingType.parse("pos"));
		assertEquals("unknown training type 'pos': ner, classification, assertion or relation", e.getMessage());
	}
}
