package io.labelbench.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

/** Broken assertion statuses and relations: reported with a clear message, never dropped. */
class AssertionRelationCheckTest {

	/** label and other label text and text2; absent and possible are assertion statuses. */
	static final ResultSchema SCHEMA = new ResultSchema() {
		@Override
		public boolean hasControl(String name) {
			return name.equals("label") || name.equals("other");
		}

		@Override
		public boolean controlTargets(String control, String object) {
			return control.equals("label") && object.equals("text") || control.equals("other") && object.equals("text2");
		}

		@Override
		public Set<String> valuesOf(String control) {
			return Set.of("PROBLEM", "DRUG", "DOSAGE", "absent", "possible");
		}

		@Override
		public String dataFieldOf(String object) {
			return object;
		}

		@Override
		public Set<String> relationLabels() {
			return Set.of("DRUG-DOSAGE");
		}

		@Override
		public Set<String> assertionLabels() {
			return Set.of("absent", "possible");
		}
	};

	private static Task task(String results) throws Exception {
		ObjectNode json = (ObjectNode) Json.mapper().readTree("{\"id\": 7, \"data\": {\"text\": \"No fever. Aspirin 100 mg.\","
				+ " \"text2\": \"Aspirin\"}, \"completions\": [{\"id\": 1, \"result\": [" + results + "]}]}");
		return new Task(json);
	}

	private static String span(String id, String from, String to, int start, int end, String text, String label) {
		return "{\"id\": \"" + id + "\", \"from_name\": \"" + from + "\", \"to_name\": \"" + to + "\", \"type\": \"labels\","
				+ " \"value\": {\"start\": " + start + ", \"end\": " + end + ", \"text\": \"" + text + "\", \"labels\": [\""
				+ label + "\"]}}";
	}

	private static String relation(String id, String from, String to, String label) {
		return "{\"id\": \"" + id + "\", \"type\": \"relation\", \"from_id\": \"" + from + "\", \"to_id\": \"" + to
				+ "\", \"direction\": \"right\", \"labels\": [\"" + label + "\"]}";
	}

	private static List<String> problems(Task task) {
		return new TaskChecker(SCHEMA).check(task).stream().map(TaskProblem::toString).toList();
	}

	@Test
	void aStatusOnItsEntitysSpanAndARelationBetweenRegionsOfOneTextAreFine() throws Exception {
		Task task = task(String.join(",", span("e1", "label", "text", 3, 8, "fever", "PROBLEM"),
				span("s1", "label", "text", 3, 8, "fever", "absent"), span("d", "label", "text", 10, 17, "Aspirin", "DRUG"),
				span("q", "label", "text", 18, 24, "100 mg", "DOSAGE"), relation("r", "d", "q", "DRUG-DOSAGE")));
		assertEquals(List.of(), problems(task));
	}

	@Test
	void aStatusOnASpanNoEntityCoversExactly() throws Exception {
		Task task = task(String.join(",", span("e1", "label", "text", 3, 8, "fever", "PROBLEM"),
				span("s1", "label", "text", 3, 7, "feve", "absent"), span("e2", "label", "text", 0, 7, "No feve", "PROBLEM"),
				span("s2", "other", "text2", 0, 7, "Aspirin", "possible")));
		List<String> found = problems(task);
		assertEquals(List.of(
				"task 7: completions[0].result[1] (id s1): assertion status 'absent' on [3, 7) \"feve\": no entity region"
						+ " of 'text' has exactly this span; a status qualifies the entity chunk with the same offsets",
				"task 7: completions[0].result[3] (id s2): assertion status 'possible' on [0, 7) \"Aspirin\": no entity"
						+ " region of 'text2' has exactly this span; a status qualifies the entity chunk with the same offsets"),
				found, "the same offsets on another object do not count");
		assertEquals(4, task.completions().get(0).results().size(), "nothing dropped");
	}

	@Test
	void relationsToMissingRegionsAcrossObjectsOrLabelledWithAStatus() throws Exception {
		Task task = task(String.join(",", span("d", "label", "text", 10, 17, "Aspirin", "DRUG"),
				span("x", "other", "text2", 0, 7, "Aspirin", "DRUG"), span("q", "label", "text", 18, 24, "100 mg", "DOSAGE"),
				relation("r1", "d", "gone", "DRUG-DOSAGE"), relation("r2", "d", "x", "DRUG-DOSAGE"),
				relation("r3", "d", "q", "absent")));
		assertEquals(List.of(
				"task 7: completions[0].result[3] (id r1): relation to_id 'gone' names no region of this annotation",
				"task 7: completions[0].result[4] (id r2): relation joins a region of 'text' (d) to one of 'text2' (x);"
						+ " a relation joins regions of one object",
				"task 7: completions[0].result[5] (id r3): relation label 'absent' is an assertion status"
						+ " (assertion=\"true\" in the config): a status is a region on the span of the chunk it qualifies,"
						+ " not a relation"),
				problems(task));
	}

	@Test
	void withoutAConfigStatusesCannotBeToldFromEntities() throws Exception {
		Task task = task(span("s1", "label", "text", 3, 7, "feve", "absent"));
		assertEquals(List.of(), new TaskChecker(null).check(task));
	}
}
