package io.labelbench.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;

/** A project's test tasks, their completions and predictions, and the errors when there is nothing to compare. */
class EvaluationTest {

	@TempDir
	Path dir;
	private LabelbenchProject project;

	@BeforeEach
	void project() throws IOException {
		project = LabelbenchProject.create(dir.resolve("p"), "ana");
	}

	private void task(int id, String tags, String completions, String predictions) throws IOException {
		project.tasks().create(new Task(Results.object("{\"id\": " + id + ", \"tags\": [" + tags
				+ "], \"data\": {\"text\": \"Take aspirin daily\"}, \"completions\": [" + completions
				+ "], \"predictions\": [" + predictions + "]}")));
	}

	private static String submitted(String result) {
		return "{\"id\": 1, \"submitted_at\": \"2026-11-01T10:00:00Z\", \"result\": [" + result + "]}";
	}

	private static String prediction(String version, String result) {
		return "{\"id\": 1, \"model_version\": \"" + version + "\", \"result\": [" + result + "]}";
	}

	private static final String ASPIRIN = Results.spans("a:5:12:DRUG");
	private static final String DAILY = Results.spans("d:13:18:FREQUENCY");

	private EvaluationReport evaluate(PredictionChoice choice, Double split) throws Exception {
		return new Evaluation(project, Results.SCHEMA, choice, split).run(Progress.NONE);
	}

	@Test
	void onlyTaggedTestTasksWithACompletionAndAPredictionAreCompared() throws Exception {
		task(1, "\"test\"", submitted(ASPIRIN + "," + DAILY), prediction("ner@2", ASPIRIN));
		task(2, "\"Test\"", "{\"id\": 1, \"created_username\": \"ana\", \"result\": [" + ASPIRIN + "]}",
				prediction("ner@2", ASPIRIN)); // a draft only
		task(3, "\"test\"", submitted(ASPIRIN), prediction("ner@1", ""));
		task(4, "\"Train\"", submitted(ASPIRIN), prediction("ner@2", DAILY)); // not a test task: must not count
		EvaluationReport report = evaluate(PredictionChoice.version("ner@2"), 0.5);
		assertNull(report.split(), "tags win over a split");
		assertEquals(3, report.testTasks());
		assertEquals(1, report.evaluated());
		assertEquals(1, report.withoutCompletion());
		assertEquals(1, report.withoutPrediction());
		assertEquals(Map.of("ner@2", 1), report.modelVersions());
		Counts total = report.metrics().exactSpans().total();
		assertEquals("tp=1 fp=0 fn=1", total.toString());

		// the latest prediction of each test task: task 3's empty ner@1 prediction now counts, missing its drug
		report = evaluate(PredictionChoice.latest(), null);
		assertEquals(2, report.evaluated());
		assertEquals("tp=1 fp=0 fn=2", report.metrics().exactSpans().total().toString());
		assertEquals(Map.of("ner@2", 1, "ner@1", 1), report.modelVersions());
	}

	@Test
	void withoutTagsASplitByIdHoldsTasksOut() throws Exception {
		for (int id = 1; id <= 20; id++) {
			task(id, "", submitted(ASPIRIN), prediction("ner@2", ASPIRIN));
		}
		EvaluationReport report = evaluate(PredictionChoice.latest(), 0.4);
		assertEquals(0.4, report.split());
		assertEquals(9, report.testTasks(), "tasks 3, 4, 8, 9, 10, 11, 13, 17, 18");
		assertEquals(9, report.metrics().exactSpans().total().truePositives());
		assertEquals(20, evaluate(PredictionChoice.latest(), 1.0).evaluated());
	}

	@Test
	void clearErrorsWhenThereIsNothingToCompare() throws Exception {
		task(1, "", submitted(ASPIRIN), prediction("ner@2", ASPIRIN));
		EvaluationException e = assertThrows(EvaluationException.class, () -> evaluate(PredictionChoice.latest(), null));
		assertTrue(e.getMessage().startsWith("no test tasks: no task is tagged \"test\""), e.getMessage());
		e = assertThrows(EvaluationException.class, () -> evaluate(PredictionChoice.version("ner@9"), 1.0));
		assertEquals("no predictions: none of the 1 test tasks with a completion has predictions of model version"
				+ " ner@9; their predictions are of model version ner@2", e.getMessage());
		e = assertThrows(EvaluationException.class, () -> evaluate(PredictionChoice.model("other"), 1.0));
		assertTrue(e.getMessage().contains("has predictions of model other; their predictions are of model version ner@2"),
				e.getMessage());

		task(2, "\"test\"", "", prediction("ner@2", ASPIRIN));
		e = assertThrows(EvaluationException.class, () -> evaluate(PredictionChoice.latest(), null));
		assertEquals("no completions: none of the 1 test tasks has a submitted or ground-truth completion",
				e.getMessage());
	}

	@Test
	void anUnreadableTaskIsNamedAndTheRestEvaluated() throws Exception {
		task(1, "\"test\"", submitted(ASPIRIN), prediction("ner@2", ASPIRIN));
		Files.writeString(project.tasks().folder().resolve("2.json"), "{\"id\": 2, \"data\": ");
		EvaluationReport report = evaluate(PredictionChoice.latest(), null);
		assertEquals(1, report.evaluated());
		assertEquals(1, report.unreadable().size());
		assertTrue(report.unreadable().get(0).contains("2.json"), report.unreadable().get(0));
	}

	@Test
	void theJsonReport() throws Exception {
		task(1, "\"test\"", submitted(ASPIRIN + "," + Results.choices("domain", "clinical")),
				prediction("ner@2", ASPIRIN + "," + DAILY + "," + Results.choices("domain", "legal")));
		Path file = dir.resolve("report.json");
		evaluate(PredictionChoice.model("ner"), null).write(file);
		JsonNode json = Json.mapper().readTree(file.toFile());
		assertEquals("model", json.at("/predictions/choice").asText());
		assertEquals("ner", json.at("/predictions/value").asText());
		assertEquals("tag", json.at("/tasks/selection").asText());
		assertEquals(1, json.at("/tasks/evaluated").asInt());
		assertEquals(0.5, json.at("/spans/exact/micro/precision").asDouble(), 1e-9);
		assertEquals(1.0, json.at("/spans/exact/labels/DRUG/f1").asDouble(), 1e-9);
		assertEquals(1, json.at("/spans/exact/labels/FREQUENCY/fp").asInt());
		assertEquals(1, json.at("/confusion/matrix/O/FREQUENCY").asInt());
		assertEquals(0.0, json.at("/classification/domain/accuracy").asDouble(), 1e-9);
		assertEquals(1, json.at("/classification/domain/total").asInt());
		assertTrue(json.at("/relations/labels").isObject());
	}
}
