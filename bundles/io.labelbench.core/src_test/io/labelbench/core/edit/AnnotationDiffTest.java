package io.labelbench.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.labelbench.core.edit.AnnotationDiff.Kind;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

class AnnotationDiffTest {

	private static List<String> describe(AnnotationDiff diff) {
		return diff.differences().stream().map(d -> d.kind() + " " + (d.shown() == null ? "-" : d.shown().id()) + "/"
				+ (d.completion() == null ? "-" : d.completion().id())).toList();
	}

	@Test
	void eachKindOfDifferenceIsFound() {
		Task task = Task.of(TaskId.of(1), TaskEditSessionTest.TEXT);
		Annotation prediction = task.addPrediction();
		TaskEditSessionTest.span(prediction, "p1", 8, 15, "DRUG"); // same
		TaskEditSessionTest.span(prediction, "p2", 16, 19, "DOSAGE"); // boundary: completion has 16-22
		TaskEditSessionTest.span(prediction, "p3", 23, 28, "DOSAGE"); // label: completion says FREQUENCY
		TaskEditSessionTest.span(prediction, "p4", 40, 49, "DRUG"); // missing
		Annotation completion = task.addCompletion();
		TaskEditSessionTest.span(completion, "c1", 8, 15, "DRUG");
		TaskEditSessionTest.span(completion, "c2", 16, 22, "DOSAGE");
		TaskEditSessionTest.span(completion, "c3", 23, 28, "FREQUENCY");
		TaskEditSessionTest.span(completion, "c5", 37, 39, "DRUG"); // added
		AnnotationDiff diff = AnnotationDiff.compare(prediction, completion);
		assertEquals(List.of("SAME p1/c1", "BOUNDARY p2/c2", "LABEL p3/c3", "ADDED -/c5", "MISSING p4/-"), describe(diff));
		assertEquals(Map.of(Kind.SAME, 1, Kind.ADDED, 1, Kind.MISSING, 1, Kind.LABEL, 1, Kind.BOUNDARY, 1), diff.counts());
		Region c2 = completion.results().get(1);
		assertSame(diff.of(c2), diff.of(prediction.results().get(1)), "both sides find their pair");
	}

	@Test
	void overlapWithAnotherLabelIsOneMissingAndOneAdded() {
		Task task = Task.of(TaskId.of(1), TaskEditSessionTest.TEXT);
		Annotation prediction = task.addPrediction();
		TaskEditSessionTest.span(prediction, "p", 8, 15, "DRUG");
		Annotation completion = task.addCompletion();
		TaskEditSessionTest.span(completion, "c", 8, 22, "DOSAGE");
		assertEquals(List.of("MISSING p/-", "ADDED -/c"), describe(AnnotationDiff.compare(prediction, completion)));
	}

	@Test
	void choicesAreComparedPerControl() {
		Task task = Task.of(TaskId.of(1), "text");
		TaskEditSession session = new TaskEditSession(task, TaskEditSessionTest.SCHEMA, "ana", java.time.Clock.systemUTC());
		session.setChoices("sentiment", "text", List.of("Positive"));
		Annotation prediction = task.addPrediction();
		prediction.addResult("choices").json().put("id", "p").put("from_name", "sentiment").putObject("value")
				.putArray("choices").add("Negative");
		assertEquals(List.of("LABEL p/" + session.current().results().get(0).id()),
				describe(AnnotationDiff.compare(prediction, session.current())));
	}

	@Test
	void nothingToCompareWithMakesEveryRegionMissing() {
		Annotation prediction = TaskEditSessionTest.taskWithTwoPredictions().predictions().get(1);
		AnnotationDiff diff = AnnotationDiff.compare(prediction, null);
		assertEquals(List.of("MISSING a/-", "MISSING b/-", "MISSING c/-"), describe(diff));
		assertNull(diff.of(null));
	}

	@Test
	void thousandsOfRegionsAreMatchedPairwise() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			text.append("word").append(i % 10).append(' ');
		}
		Task task = Task.of(TaskId.of(1), text.toString());
		Annotation prediction = task.addPrediction();
		Annotation completion = task.addCompletion();
		for (int i = 0; i < 5000; i++) {
			int start = i * 6;
			prediction.addResult("labels").span(start, start + 5, null, "W").json().put("id", "p" + i);
			// every tenth completion span is one character shorter: a boundary difference
			completion.addResult("labels").span(start, start + (i % 10 == 0 ? 4 : 5), null, "W").json().put("id", "c" + i);
		}
		Map<Kind, Integer> counts = AnnotationDiff.compare(prediction, completion).counts();
		assertEquals(4500, counts.get(Kind.SAME));
		assertEquals(500, counts.get(Kind.BOUNDARY));
		assertEquals(0, counts.get(Kind.MISSING) + counts.get(Kind.ADDED));
	}

	private static Region box(Annotation annotation, String id, int page, double x, double y, double w, double h,
			String label) {
		Region region = annotation.addResult("rectanglelabels");
		region.json().put("id", id).put("from_name", "label").put("to_name", "image");
		var value = region.json().putObject("value");
		value.put("x", x).put("y", y).put("width", w).put("height", h).put("pageNumber", page);
		value.putArray("rectanglelabels").add(label);
		return region;
	}

	@Test
	void boxesArePairedOnTheirPage() {
		Task task = new Task(io.labelbench.core.json.Json.nodes().objectNode());
		Annotation prediction = task.addPrediction();
		box(prediction, "same", 1, 10, 10, 20, 5, "ORG");
		box(prediction, "moved", 1, 50, 50, 20, 5, "ORG");
		box(prediction, "relabelled", 2, 10, 10, 20, 5, "ORG");
		box(prediction, "other page", 1, 10, 80, 20, 5, "DATE");
		Annotation completion = task.addCompletion();
		box(completion, "c-same", 1, 10, 10, 20, 5, "ORG");
		box(completion, "c-moved", 1, 52, 50, 20, 5, "ORG");
		box(completion, "c-relabelled", 2, 10, 10, 20, 5, "MONEY");
		box(completion, "c-page", 2, 10, 80, 20, 5, "DATE");
		List<String> kinds = describe(AnnotationDiff.compare(prediction, completion)).stream().sorted().toList();
		assertEquals(List.of("ADDED -/c-page", "BOUNDARY moved/c-moved", "LABEL relabelled/c-relabelled",
				"MISSING other page/-", "SAME same/c-same"), kinds);
	}
}
