package io.labelbench.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

class TaskCheckerTest {

	/** label -> text, sentiment -> text; label offers DRUG and DOSAGE. */
	private static final ResultSchema SCHEMA = new ResultSchema() {
		private final Map<String, Set<String>> values = Map.of("label", Set.of("DRUG", "DOSAGE"), "sentiment",
				Set.of("Positive", "Negative"));

		@Override
		public boolean hasControl(String name) {
			return values.containsKey(name);
		}

		@Override
		public boolean controlTargets(String control, String object) {
			return hasControl(control) && object.equals("text");
		}

		@Override
		public Set<String> valuesOf(String control) {
			return values.getOrDefault(control, Set.of());
		}
	};

	private static List<String> problems(Task task, ResultSchema schema) {
		return new TaskChecker(schema).check(task).stream().map(TaskProblem::toString).toList();
	}

	@Test
	void exactSpansWithEmojiHaveNoProblem() {
		String text = "😀 aspirin 100 mg";
		Task task = Task.of(TaskId.of(1), text);
		task.addCompletion().addResult("labels").span(3, 10, "aspirin", "DRUG").json().put("from_name", "label")
				.put("to_name", "text");
		assertEquals(List.of(), problems(task, SCHEMA));
	}

	@Test
	void offsetProblemsAreReportedNotFixed() {
		Task task = Task.of(TaskId.of(2), "😀 aspirin");
		Annotation prediction = task.addPrediction();
		prediction.addResult("labels").span(3, 40, "aspirin", "DRUG");
		prediction.addResult("labels").span(2, 9, "aspiri", "DRUG");
		prediction.addResult("labels").span(1, 3, "?", "DRUG");
		assertEquals(List.of(
				"task 2: predictions[0].result[0]: offsets [3, 40) do not fit the text of 10 UTF-16 code units",
				"task 2: predictions[0].result[1]: value.text \"aspiri\" differs from the text at [2, 9): \" aspiri\"",
				"task 2: predictions[0].result[2]: offsets [1, 3) split a character (a surrogate pair)",
				"task 2: predictions[0].result[2]: value.text \"?\" differs from the text at [1, 3): \"\uDE00 \""),
				problems(task, null));
		assertEquals(3, task.predictions().get(0).results().get(0).start(), "nothing was moved");
	}

	@Test
	void relationsMustNameRegionsOfTheirAnnotation() {
		Task task = Task.of(TaskId.of(3), "aspirin 100 mg");
		Annotation completion = task.addCompletion();
		completion.addResult("labels").span(0, 7, "aspirin", "DRUG").json().put("id", "a");
		completion.addResult("relation").json().put("from_id", "a").put("to_id", "zz");
		assertEquals(List.of("task 3: completions[0].result[1]: relation to_id 'zz' names no region of this annotation"),
				problems(task, null));
	}

	@Test
	void namesAndLabelsTheConfigDoesNotDefine() {
		Task task = Task.of(TaskId.of(4), "aspirin");
		Annotation completion = task.addCompletion();
		completion.addResult("labels").span(0, 7, "aspirin", "ROUTE").json().put("from_name", "label").put("to_name", "text");
		completion.addResult("labels").span(0, 7, "aspirin", "DRUG").json().put("from_name", "ner").put("to_name", "text");
		completion.addResult("choices").json().put("from_name", "sentiment").put("to_name", "image").putObject("value")
				.putArray("choices").add("Positive");
		assertEquals(List.of(
				"task 4: completions[0].result[0]: label 'ROUTE' is not offered by control 'label' in the config",
				"task 4: completions[0].result[1]: from_name 'ner' is not a control of the labeling config",
				"task 4: completions[0].result[2]: to_name 'image' is not an object that control 'sentiment' labels in the config"),
				problems(task, SCHEMA));
	}

	@Test
	void rectangleOutsideThePage() {
		Task task = new Task(io.labelbench.core.json.Json.nodes().objectNode());
		task.setId(TaskId.of(5));
		task.data().put("image", "files/scan.png");
		task.addPrediction().addResult("rectanglelabels").json().putObject("value").put("x", 90).put("y", 10)
				.put("width", 20).put("height", 5);
		assertEquals(List.of("task 5: predictions[0].result[0]: rectangle (90.0, 10.0, 20.0 x 5.0) is not inside the page"
				+ " (percent of the page: 0..100)"), problems(task, null));
	}

	@Test
	void annotationsNextToCompletionsAreCheckedUnderTheirOwnName() throws java.io.IOException {
		Task task = new Task((com.fasterxml.jackson.databind.node.ObjectNode) io.labelbench.core.json.Json.mapper().readTree("""
				{"id": 6, "data": {"text": "aspirin"},
				 "annotations": [{"result": [{"from_name": "label", "to_name": "text", "type": "labels",
				   "value": {"start": 0, "end": 9, "labels": ["DRUG"]}}]}],
				 "completions": [{"result": []}, {"result": [{"from_name": "label", "to_name": "text", "type": "labels",
				   "value": {"start": 0, "end": 7, "text": "aspirin", "labels": ["ROUTE"]}}]}]}
				"""));
		assertEquals(List.of(
				"task 6: annotations[0].result[0]: offsets [0, 9) do not fit the text of 7 UTF-16 code units",
				"task 6: completions[1].result[0]: label 'ROUTE' is not offered by control 'label' in the config"),
				problems(task, SCHEMA));
		assertEquals(3, task.completions().size(), "both are completions of the task, in file order");
		assertEquals(3, io.labelbench.core.model.TaskSummary.of(task).completions());
	}

	@Test
	void objectFieldsThatAreMissingNullOrNotTextAreNamed() throws java.io.IOException {
		ResultSchema schema = new ResultSchema() {
			@Override
			public boolean hasControl(String name) {
				return SCHEMA.hasControl(name);
			}

			@Override
			public boolean controlTargets(String control, String object) {
				return SCHEMA.controlTargets(control, object);
			}

			@Override
			public Set<String> valuesOf(String control) {
				return SCHEMA.valuesOf(control);
			}

			@Override
			public Map<String, String> textDataFields() {
				return Map.of("text", "text");
			}
		};
		List<String> found = new java.util.ArrayList<>();
		for (String data : new String[] { "{\"title\": \"x\"}", "{\"text\": null}", "{\"text\": 42}",
				"{\"text\": [\"a\"]}", "{\"text\": \"\"}" }) {
			Task task = new Task((com.fasterxml.jackson.databind.node.ObjectNode) io.labelbench.core.json.Json.mapper()
					.readTree("{\"id\": 1, \"data\": " + data + "}"));
			found.addAll(problems(task, schema));
		}
		assertEquals(List.of("task 1: data.text is missing (the config's object 'text' shows it)",
				"task 1: data.text is null (the config's object 'text' shows it)",
				"task 1: data.text is a number, not text (the config's object 'text' shows it)",
				"task 1: data.text is an array, not text (the config's object 'text' shows it)"), found);
		assertEquals(List.of(), problems(Task.of(TaskId.of(2), "x"), null), "without a config nothing is required");
	}
}
