package io.labelbench.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.edit.AnnotationDiff.Kind;
import io.labelbench.core.edit.AnnotationDiff.Part;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

/** Assertion statuses on entities and relations between them: editing, accepting from a prediction, comparing. */
class AssertionRelationEditTest {

	static final Set<String> STATUSES = Set.of("present", "absent", "possible");

	static final ResultSchema SCHEMA = new ResultSchema() {
		private final Map<String, Set<String>> values = Map.of("label",
				Set.of("PROBLEM", "DRUG", "STRENGTH", "present", "absent", "possible"));

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

		@Override
		public Set<String> relationLabels() {
			return Set.of("DRUG-STRENGTH", "DRUG-DOSAGE");
		}

		@Override
		public Set<String> assertionLabels() {
			return STATUSES;
		}
	};

	static final String TEXT = "No chest pain. Took aspirin 100 mg daily.";
	static final int PAIN = TEXT.indexOf("chest pain");
	static final int ASPIRIN = TEXT.indexOf("aspirin");
	static final int MG = TEXT.indexOf("100 mg");

	static Region span(Annotation annotation, String id, int start, int end, String label) {
		Region region = annotation.addResult("labels").span(start, end, TEXT.substring(start, end), label);
		region.json().put("id", id).put("from_name", "label").put("to_name", "text");
		return region;
	}

	static Region relation(Annotation annotation, String id, String from, String to, String label) {
		Region relation = annotation.addResult("relation");
		relation.json().put("id", id).put("from_id", from).put("to_id", to).put("direction", "right");
		relation.json().putArray("labels").add(label);
		return relation;
	}

	/** A prediction: chest pain (absent), aspirin, 100 mg, aspirin -> 100 mg DRUG-STRENGTH. */
	static Task task() {
		Task task = Task.of(TaskId.of(1), TEXT);
		Annotation prediction = task.addPrediction();
		prediction.json().put("id", 1);
		span(prediction, "p1", PAIN, PAIN + 10, "PROBLEM");
		span(prediction, "p1a", PAIN, PAIN + 10, "absent");
		span(prediction, "d1", ASPIRIN, ASPIRIN + 7, "DRUG");
		span(prediction, "s1", MG, MG + 6, "STRENGTH");
		relation(prediction, "r1", "d1", "s1", "DRUG-STRENGTH");
		return task;
	}

	static TaskEditSession session(Task task) {
		return new TaskEditSession(task, SCHEMA, "ana", Clock.systemUTC());
	}

	private static List<String> labelsOf(Annotation annotation) {
		return annotation.results().stream().map(r -> r.kind() + ":" + String.join(",", r.labels())).toList();
	}

	@Test
	void anEntityHasAtMostOneAssertionThatFollowsItAndGoesWithIt() {
		TaskEditSession session = session(Task.of(TaskId.of(1), TEXT));
		Region pain = session.applyLabel("label", "text", PAIN, PAIN + 10, "PROBLEM");

		Region absent = session.setAssertion(pain, "label", "absent");
		assertEquals("absent", session.assertionStatus(session.current(), pain));
		assertEquals(List.of(PAIN, PAIN + 10, "chest pain", "text", "label"),
				List.of(absent.start(), absent.end(), absent.text(), absent.toName(), absent.fromName()));
		assertNotEquals(pain.id(), absent.id());

		// the assertion label applied to the entity's span (chip or hotkey) changes the status, never stacks one
		session.applyLabel("label", "text", PAIN, PAIN + 10, "possible");
		assertEquals(List.of("LABELS:PROBLEM", "LABELS:possible"), labelsOf(session.current()));
		// and applying an entity label to the span relabels the entity, not the assertion
		session.applyLabel("label", "text", PAIN, PAIN + 10, "DRUG");
		assertEquals(List.of("LABELS:DRUG", "LABELS:possible"), labelsOf(session.current()));
		session.relabel(pain, "PROBLEM");
		session.relabel(pain, "absent");
		assertEquals(List.of("LABELS:PROBLEM", "LABELS:absent"), labelsOf(session.current()));

		// resizing the entity moves its assertion along
		session.resize(pain, PAIN + 6, PAIN + 10);
		Region moved = session.assertions().assertionOf(session.current(), pain);
		assertEquals(List.of(PAIN + 6, PAIN + 10, "pain"), List.of(moved.start(), moved.end(), moved.text()));
		assertThrows(EditRefusedException.class, () -> session.resize(moved, 0, 2), "an assertion is not resized alone");

		assertTrue(session.removeAssertion(pain));
		assertNull(session.assertionStatus(session.current(), pain));
		assertFalse(session.removeAssertion(pain));
		session.undo();
		assertEquals("absent", session.assertionStatus(session.current(), session.current().results().get(0)));

		// deleting the entity takes its assertion along; one undo brings both back
		session.delete(session.current().results().get(0));
		assertEquals(List.of(), labelsOf(session.current()));
		session.undo();
		assertEquals(List.of("LABELS:PROBLEM", "LABELS:absent"), labelsOf(session.current()));
	}

	@Test
	void assertionsNeedAnEntityAndAnAssertionLabel() {
		TaskEditSession session = session(Task.of(TaskId.of(1), TEXT));
		EditRefusedException noEntity = assertThrows(EditRefusedException.class,
				() -> session.applyLabel("label", "text", PAIN, PAIN + 10, "absent"));
		assertTrue(noEntity.getMessage().contains("label the entity first"), noEntity.getMessage());
		Region pain = session.applyLabel("label", "text", PAIN, PAIN + 10, "PROBLEM");
		assertThrows(EditRefusedException.class, () -> session.setAssertion(pain, "label", "DRUG"));
		Region absent = session.setAssertion(pain, "label", "absent");
		assertThrows(EditRefusedException.class, () -> session.relabel(absent, "DRUG"));
		Region drug = session.applyLabel("label", "text", ASPIRIN, ASPIRIN + 7, "DRUG");
		assertThrows(EditRefusedException.class, () -> session.relate(absent, drug, "DRUG-STRENGTH"));
	}

	@Test
	void relationsAreRelabelledReversedAndDeleted() {
		TaskEditSession session = session(Task.of(TaskId.of(1), TEXT));
		Region drug = session.applyLabel("label", "text", ASPIRIN, ASPIRIN + 7, "DRUG");
		Region strength = session.applyLabel("label", "text", MG, MG + 6, "STRENGTH");
		Region relation = session.relate(drug, strength, "DRUG-DOSAGE");
		session.relabel(relation, "DRUG-STRENGTH");
		assertEquals(List.of("DRUG-STRENGTH"), relation.labels());
		session.reverse(relation);
		assertEquals(List.of(strength.id(), drug.id()), List.of(relation.fromId(), relation.toId()));
		session.undo(); // the undo restores a copy: read the relation again
		Region restored = session.current().results().get(2);
		assertEquals(List.of(drug.id(), strength.id()), List.of(restored.fromId(), restored.toId()));
		session.delete(session.current().results().get(2));
		assertEquals(2, session.current().results().size());
		assertThrows(EditRefusedException.class, () -> session.reverse(session.current().results().get(0)));
	}

	@Test
	void acceptingAnAssertionBringsItsEntityAndARelationNeedsBothEndsByPlace() {
		Task task = task();
		TaskEditSession session = session(task);
		Annotation prediction = session.predictionsNewestFirst().get(0);
		List<Region> predicted = prediction.results();

		// the assertion alone: its entity comes along, in one edit
		session.accept(prediction, predicted.get(1));
		assertEquals(List.of("LABELS:PROBLEM", "LABELS:absent"), labelsOf(session.current()));
		session.undo();
		assertNull(session.current() == null ? null : session.current().results().isEmpty() ? null : "regions");

		// the relation needs both ends; they are found by place even when their ids differ
		Region drug = session.applyLabel("label", "text", ASPIRIN, ASPIRIN + 7, "DRUG");
		assertThrows(EditRefusedException.class, () -> session.accept(prediction, predicted.get(4)));
		Region strength = session.applyLabel("label", "text", MG, MG + 6, "STRENGTH");
		Region accepted = session.accept(prediction, predicted.get(4));
		assertEquals(List.of(drug.id(), strength.id(), "DRUG-STRENGTH"),
				List.of(accepted.fromId(), accepted.toId(), accepted.labels().get(0)));
		// accepting it again replaces it rather than stacking a twin
		session.accept(prediction, predicted.get(4));
		assertEquals(1, session.current().results().stream().filter(r -> r.kind() == Region.Kind.RELATION).count());

		// an entity that has another status gets the predicted one
		Region pain = session.applyLabel("label", "text", PAIN, PAIN + 10, "PROBLEM");
		session.setAssertion(pain, "label", "possible");
		session.accept(prediction, predicted.get(1));
		assertEquals("absent", session.assertionStatus(session.current(), pain));
		assertEquals(1, session.assertions().assertionsOf(session.current(), pain).size());
	}

	@Test
	void theDiffComparesAssertionsAndRelationsByPlace() {
		Task task = task();
		TaskEditSession session = session(task);
		Annotation prediction = session.predictionsNewestFirst().get(0);
		// a completion with other ids: chest pain possible, aspirin -> 100 mg DRUG-DOSAGE, 100 mg -> aspirin added
		Region pain = session.applyLabel("label", "text", PAIN, PAIN + 10, "PROBLEM");
		Region drug = session.applyLabel("label", "text", ASPIRIN, ASPIRIN + 7, "DRUG");
		Region strength = session.applyLabel("label", "text", MG, MG + 6, "STRENGTH");
		session.setAssertion(pain, "label", "possible");
		session.relate(drug, strength, "DRUG-DOSAGE");

		AnnotationDiff diff = AnnotationDiff.compare(prediction, session.current(), STATUSES);
		assertEquals(Map.of(Kind.SAME, 3, Kind.ADDED, 0, Kind.MISSING, 0, Kind.LABEL, 0, Kind.BOUNDARY, 0), diff.counts(),
				"the entities match one another, the assertions are compared apart");
		assertEquals(1, diff.counts(Part.ASSERTION).get(Kind.LABEL), "other status");
		assertEquals(1, diff.counts(Part.RELATION).get(Kind.LABEL), "other relation label, ids differ");
		assertEquals(Part.ASSERTION, diff.of(prediction.results().get(1)).part());

		session.undo(); // no relation
		session.undo(); // no assertion
		List<Region> now = session.current().results();
		session.relate(now.get(2), now.get(1), "DRUG-STRENGTH");
		diff = AnnotationDiff.compare(prediction, session.current(), STATUSES);
		assertEquals(1, diff.counts(Part.ASSERTION).get(Kind.MISSING));
		assertEquals(1, diff.counts(Part.RELATION).get(Kind.MISSING), "the other direction is another relation");
		assertEquals(1, diff.counts(Part.RELATION).get(Kind.ADDED));

		// accepting from the prediction makes them the same
		session.accept(prediction, prediction.results().get(1));
		session.accept(prediction, prediction.results().get(4));
		diff = AnnotationDiff.compare(prediction, session.current(), STATUSES);
		assertEquals(1, diff.counts(Part.ASSERTION).get(Kind.SAME));
		assertEquals(1, diff.counts(Part.RELATION).get(Kind.SAME));
	}

	@Test
	void aRelationToARegionThatIsNotThereIsReportedNotComparedAndKept() {
		Task task = task();
		Annotation prediction = task.predictions().get(0);
		relation(prediction, "r2", "d1", "nowhere", "DRUG-DOSAGE");
		TaskEditSession session = session(task);
		Annotation completion = session.createFromPrediction(session.predictionsNewestFirst().get(0));
		Region broken = completion.results().get(5);
		assertTrue(session.problems(completion).get(broken.json()).stream().anyMatch(p -> p.contains("nowhere")));
		AnnotationDiff diff = AnnotationDiff.compare(session.predictionsNewestFirst().get(0), completion, STATUSES);
		assertNull(diff.of(broken));
		assertEquals(1, diff.counts(Part.RELATION).get(Kind.SAME));
		assertEquals("nowhere", session.task().completions().get(0).results().get(5).toId());
	}
}
