package io.labelbench.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.labelbench.core.model.Task;

/** Which prediction of a task is compared. */
class PredictionChoiceTest {

	private static final Task TASK = new Task(Results.object("""
			{"id": 1, "data": {"text": "x"}, "predictions": [
			 {"id": 3, "model_version": "ner_posology_labelbench@1733000000000+rules@3f2a", "created_username": "server:clinic",
			  "created_ago": "2026-11-20T10:00:00Z", "result": []},
			 {"id": 1, "model_version": "rules@3f2a", "created_username": "rules", "created_ago": "2026-11-25T10:00:00Z",
			  "result": []},
			 {"id": 2, "model_version": "ner_posology_labelbench@1700000000000", "created_username": "server:old",
			  "created_ago": "2026-11-01T10:00:00Z", "result": []}]}"""));

	private static String chosen(PredictionChoice choice, Task task) {
		var prediction = choice.of(task);
		return prediction == null ? null : prediction.id();
	}

	@Test
	void latestByTimeOrElseLastInTheFile() {
		assertEquals("1", chosen(PredictionChoice.latest(), TASK));
		Task untimed = new Task(Results.object("""
				{"id": 1, "data": {"text": "x"}, "predictions": [{"id": 5, "result": []},
				 {"id": 4, "created_ago": "2026-11-25T10:00:00Z", "result": []}]}"""));
		assertEquals("4", chosen(PredictionChoice.latest(), untimed));
	}

	@Test
	void byModelVersionOrModelName() {
		assertEquals("2", chosen(PredictionChoice.version("ner_posology_labelbench@1700000000000"), TASK));
		assertNull(chosen(PredictionChoice.version("ner_posology_labelbench"), TASK));
		// a model name matches any of the parts of a server's model version, newest first
		assertEquals("3", chosen(PredictionChoice.model("ner_posology_labelbench"), TASK));
		assertEquals("1", chosen(PredictionChoice.model("rules"), TASK));
		assertEquals("2", chosen(PredictionChoice.model("old"), TASK), "server:old");
		assertNull(chosen(PredictionChoice.model("ner_posology"), TASK), "a name is not a prefix");
	}
}
