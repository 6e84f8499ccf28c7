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

	@Test
	void assertionAndRelationTypesAreNamedAsNotBuilt() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> TrainingType.parse("assertion"));
		assertTrue(e.getMessage().contains("not built yet"), e.getMessage());
	}
}
