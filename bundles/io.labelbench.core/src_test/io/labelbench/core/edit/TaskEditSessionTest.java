package io.labelbench.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

class TaskEditSessionTest {

	static final ResultSchema SCHEMA = new ResultSchema() {
		private final Map<String, Set<String>> values = Map.of("label", Set.of("DRUG", "DOSAGE", "FREQUENCY"),
				"sentiment", Set.of("Positive", "Negative"));

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
			return Set.of("DRUG-DOSAGE");
		}
	};

	static final String TEXT = "Take 😀 aspirin 100 mg twice daily.\r\n東京 ibuprofen";

	/** A clock the test moves by hand. */
	static final class ManualClock extends Clock {
		Instant now = Instant.parse("2026-11-30T10:00:00Z");

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}

	static Region span(Annotation annotation, String id, int start, int end, String label) {
		Region region = annotation.addResult("labels").span(start, end, TEXT.substring(start, end), label);
		region.json().put("id", id).put("from_name", "label").put("to_name", "text");
		return region;
	}

	/** Two predictions: the older one (id 1) finds aspirin and 100 mg, the newer one (id 2) also ibuprofen. */
	static Task taskWithTwoPredictions() {
		Task task = Task.of(TaskId.of(7), TEXT);
		Annotation older = task.addPrediction();
		older.json().put("id", 1).put("model_version", "ner@1").put("created_at", "2026-11-01T08:00:00Z");
		span(older, "a", 8, 15, "DRUG");
		span(older, "b", 16, 22, "DOSAGE");
		Annotation newer = task.addPrediction();
		newer.json().put("id", 2).put("model_version", "ner@2").put("created_at", "2026-11-20T08:00:00Z");
		span(newer, "a", 8, 15, "DRUG");
		span(newer, "b", 16, 19, "DOSAGE");
		span(newer, "c", 40, 49, "DRUG");
		return task;
	}

	private final ManualClock clock = new ManualClock();

	private TaskEditSession session(Task task) {
		return new TaskEditSession(task, SCHEMA, "ana", clock);
	}

	private static List<String> spans(Annotation annotation) {
		return annotation.results().stream().filter(r -> r.start() != null)
				.map(r -> r.start() + "-" + r.end() + ":" + String.join("|", r.labels()) + ":" + r.text()).toList();
	}

	@Test
	void predictionsAreListedNewestFirstByTheirTimestamps() {
		Task task = taskWithTwoPredictions();
		// file order says nothing: put the newer first
		var predictions = task.json().withArray("predictions");
		var first = predictions.remove(0);
		predictions.add(first);
		List<Annotation> sorted = session(task).predictionsNewestFirst();
		assertEquals(List.of("ner@2", "ner@1"), sorted.stream().map(Annotation::modelVersion).toList());
	}

	@Test
	void predictionsWithoutTimestampsAreListedLastWrittenFirst() {
		Task task = taskWithTwoPredictions();
		task.predictions().get(1).json().remove("created_at");
		assertEquals(List.of("ner@2", "ner@1"),
				session(task).predictionsNewestFirst().stream().map(Annotation::modelVersion).toList());
	}

	@Test
	void completionFromPredictionCopiesEveryRegionAndRecordsTheSource() {
		Task task = taskWithTwoPredictions();
		TaskEditSession session = session(task);
		Annotation older = session.predictionsNewestFirst().get(1);
		Annotation completion = session.createFromPrediction(older);
		assertEquals(1, completion.json().get("copied_from").asInt());
		assertEquals("ana", completion.author());
		assertEquals(3, completion.json().get("id").asInt(), "ids continue after the predictions'");
		assertEquals(List.of("8-15:DRUG:aspirin", "16-22:DOSAGE:100 mg"), spans(completion));
		assertTrue(session.isDirty());
		assertEquals(2, task.predictions().size(), "the stored task is not touched");
		assertEquals(0, task.completions().size());
	}

	@Test
	void acceptCopiesOneRegionAndGivesAClashingIdANewOne() {
		TaskEditSession session = session(taskWithTwoPredictions());
		Annotation newer = session.predictionsNewestFirst().get(0);
		session.createFromPrediction(session.predictionsNewestFirst().get(1));
		Region ibuprofen = newer.results().get(2);
		Region accepted = session.accept(newer, ibuprofen);
		assertEquals(List.of("8-15:DRUG:aspirin", "16-22:DOSAGE:100 mg", "40-49:DRUG:ibuprofen"), spans(session.current()));
		assertEquals("c", accepted.id());
		Region again = session.accept(newer, newer.results().get(0));
		assertFalse("a".equals(again.id()), "id a is taken in the completion");
		assertEquals(10, again.id().length());
	}

	@Test
	void rejectedRegionsAreRememberedAndAcceptingOneClearsIt() {
		TaskEditSession session = session(taskWithTwoPredictions());
		Annotation newer = session.predictionsNewestFirst().get(0);
		Region ibuprofen = newer.results().get(2);
		session.reject(ibuprofen);
		assertTrue(session.isRejected(ibuprofen));
		assertFalse(session.isDirty(), "rejecting does not change the completion");
		session.accept(newer, ibuprofen);
		assertFalse(session.isRejected(ibuprofen));
	}

	@Test
	void applyLabelTakesTheExactTextAndRefusesWhatTheConfigLacks() {
		TaskEditSession session = session(taskWithTwoPredictions());
		Region region = session.applyLabel("label", "text", 5, 7, "DRUG");
		assertEquals("😀", region.text());
		Region ja = session.applyLabel("label", "text", 37, 39, "DRUG");
		assertEquals("東京", ja.text());
		assertEquals(2, session.current().results().size());
		// the same span again relabels instead of stacking a duplicate
		session.applyLabel("label", "text", 37, 39, "DOSAGE");
		assertEquals(List.of("5-7:DRUG:😀", "37-39:DOSAGE:東京"), spans(session.current()));

		assertEquals("label 'PERSON' is not offered by control 'label' in the config",
				assertThrows(EditRefusedException.class, () -> session.applyLabel("label", "text", 0, 4, "PERSON"))
						.getMessage());
		assertThrows(EditRefusedException.class, () -> session.applyLabel("nope", "text", 0, 4, "DRUG"));
		assertThrows(EditRefusedException.class, () -> session.applyLabel("label", "text", 6, 7, "DRUG"),
				"inside the emoji's surrogate pair");
		assertThrows(EditRefusedException.class, () -> session.applyLabel("label", "text", 35, 36, "DRUG"),
				"between CR and LF");
		assertThrows(EditRefusedException.class, () -> session.applyLabel("label", "text", 40, 400, "DRUG"));
		assertEquals(2, session.current().results().size(), "refused edits change nothing");
	}

	@Test
	void combiningMarksAreNotSplit() {
		Task task = Task.of(TaskId.of(1), "Cafe\u0301 noir");
		TaskEditSession session = new TaskEditSession(task, null, "ana", clock);
		assertThrows(EditRefusedException.class, () -> session.applyLabel("label", "text", 0, 4, "PLACE"));
		assertEquals("Cafe\u0301", session.applyLabel("label", "text", 0, 5, "PLACE").text());
	}

	@Test
	void resizeRelabelAndDeleteTakeRelationsAlong() {
		TaskEditSession session = session(taskWithTwoPredictions());
		session.createFromPrediction(session.predictionsNewestFirst().get(0));
		List<Region> regions = session.current().results();
		Region aspirin = regions.get(0);
		Region dosage = regions.get(1);
		session.resize(dosage, 16, 22);
		assertEquals("100 mg", dosage.text());
		session.relabel(regions.get(2), "FREQUENCY");
		assertEquals(List.of("FREQUENCY"), regions.get(2).labels());
		Region relation = session.relate(aspirin, dosage, "DRUG-DOSAGE");
		assertEquals("a", relation.fromId());
		assertEquals("b", relation.toId());
		assertThrows(EditRefusedException.class, () -> session.relate(aspirin, dosage, "TREATS"));
		assertThrows(EditRefusedException.class, () -> session.relate(aspirin, aspirin, "DRUG-DOSAGE"));

		session.delete(dosage);
		assertEquals(List.of("8-15:DRUG:aspirin", "40-49:FREQUENCY:ibuprofen"), spans(session.current()));
		assertEquals(2, session.current().results().size(), "the relation to the deleted span went with it");
	}

	@Test
	void regionsOfAPredictionCannotBeEditedInPlace() {
		TaskEditSession session = session(taskWithTwoPredictions());
		session.newCompletion();
		Region predicted = session.predictionsNewestFirst().get(0).results().get(0);
		assertThrows(EditRefusedException.class, () -> session.delete(predicted));
		assertThrows(EditRefusedException.class, () -> session.relabel(predicted, "DOSAGE"));
	}

	@Test
	void choicesReplaceTheControlsEarlierChoice() {
		TaskEditSession session = session(taskWithTwoPredictions());
		session.setChoices("sentiment", "text", List.of("Positive"));
		session.setChoices("sentiment", "text", List.of("Negative"));
		List<Region> results = session.current().results();
		assertEquals(1, results.size());
		assertEquals(List.of("Negative"), results.get(0).labels());
		assertThrows(EditRefusedException.class, () -> session.setChoices("sentiment", "text", List.of("Meh")));
		session.setChoices("sentiment", "text", List.of());
		assertEquals(0, session.current().results().size());
	}

	@Test
	void undoAndRedoWalkBackAndForthAndTrackDirtiness() {
		TaskEditSession session = session(taskWithTwoPredictions());
		session.createFromPrediction(session.predictionsNewestFirst().get(1));
		session.markSaved();
		assertFalse(session.isDirty());
		Region aspirin = session.current().results().get(0);
		session.relabel(aspirin, "DOSAGE");
		session.delete(session.current().results().get(1));
		assertEquals(List.of("8-15:DOSAGE:aspirin"), spans(session.current()));

		session.undo();
		assertEquals(List.of("8-15:DOSAGE:aspirin", "16-22:DOSAGE:100 mg"), spans(session.current()));
		session.undo();
		assertEquals(List.of("8-15:DRUG:aspirin", "16-22:DOSAGE:100 mg"), spans(session.current()));
		assertFalse(session.isDirty(), "back where it was saved");
		session.redo();
		assertEquals(List.of("8-15:DOSAGE:aspirin", "16-22:DOSAGE:100 mg"), spans(session.current()));
		assertTrue(session.isDirty());
		session.undo();
		session.undo();
		assertEquals(0, session.completions().size(), "undo reaches before the completion was made");
		assertNull(session.current());
		assertTrue(session.canRedo());
		session.applyLabel("label", "text", 8, 15, "DRUG");
		assertFalse(session.canRedo(), "a new edit ends the redo history");
	}

	@Test
	void submitStampsLeadTimeAndDatesAndGroundTruth() {
		TaskEditSession session = session(taskWithTwoPredictions());
		session.applyLabel("label", "text", 8, 15, "DRUG");
		clock.now = clock.now.plus(Duration.ofMillis(12_500));
		Annotation completion = session.submit();
		assertEquals(12.5, completion.json().get("lead_time").asDouble());
		assertEquals("2026-11-30T10:00:12.500Z", completion.json().get("submitted_at").asText());
		clock.now = clock.now.plusSeconds(3);
		session.setGroundTruth(true);
		session.submit();
		assertEquals(15.5, completion.json().get("lead_time").asDouble());
		assertEquals("2026-11-30T10:00:12.500Z", completion.json().get("submitted_at").asText(), "first submit kept");
		assertEquals("2026-11-30T10:00:15.500Z", completion.json().get("updated_at").asText());
		assertTrue(session.isGroundTruth());
		assertTrue(completion.json().get("honeypot").asBoolean());
	}

	@Test
	void severalCompletionsAndApplyToKeepsPredictionsWrittenMeanwhile() {
		Task stored = taskWithTwoPredictions();
		TaskEditSession session = session(stored);
		session.newCompletion();
		session.applyLabel("label", "text", 8, 15, "DRUG");
		session.newCompletion();
		session.applyLabel("label", "text", 16, 22, "DOSAGE");
		session.selectCompletion(0);
		assertEquals(List.of("8-15:DRUG:aspirin"), spans(session.current()));

		Task fresh = stored.copy();
		fresh.addPrediction().json().put("model_version", "ner@3");
		Task written = session.applyTo(fresh);
		assertEquals(3, written.predictions().size(), "a prediction that landed meanwhile survives the save");
		assertEquals(2, written.completions().size());
		assertEquals(List.of("16-22:DOSAGE:100 mg"), spans(written.completions().get(1)));
	}

	@Test
	void problemsFlagRegionsTheConfigOrTextDoNotAllowWithoutMovingThem() {
		Task task = taskWithTwoPredictions();
		Annotation completion = task.addCompletion();
		Region outside = span(completion, "x", 8, 15, "DRUG");
		outside.value().put("end", 999);
		Region moved = span(completion, "y", 16, 22, "DOSAGE");
		moved.value().put("text", "200 mg");
		Region unknown = span(completion, "z", 40, 49, "PERSON");
		TaskEditSession session = session(task);
		Map<com.fasterxml.jackson.databind.node.ObjectNode, List<String>> problems = session.problems(session.current());
		assertEquals(3, problems.size());
		List<Region> regions = session.current().results();
		assertTrue(problems.get(regions.get(0).json()).get(0).contains("do not fit the text"));
		assertTrue(problems.get(regions.get(1).json()).get(0).contains("differs from the text"));
		assertTrue(problems.get(regions.get(2).json()).get(0).contains("'PERSON' is not offered"));
		assertEquals(999, regions.get(0).end(), "never moved");
		assertEquals(unknown.json(), regions.get(2).json());
	}

	@Test
	void predictionsLandingWhileEditingAreTakenWithoutTouchingTheCompletion() {
		Task stored = taskWithTwoPredictions();
		TaskEditSession session = session(stored);
		session.applyLabel("label", "text", 8, 15, "DRUG");
		assertFalse(session.matches(stored), "an unsaved edit");
		Task fresh = stored.copy();
		Annotation third = fresh.addPrediction();
		third.json().put("id", 9).put("model_version", "ner@3").put("created_at", "2026-11-29T08:00:00Z");
		session.replacePredictions(fresh);
		assertEquals(List.of("ner@3", "ner@2", "ner@1"),
				session.predictionsNewestFirst().stream().map(Annotation::modelVersion).toList());
		assertEquals(List.of("8-15:DRUG:aspirin"), spans(session.current()));
		assertTrue(session.isDirty());
		assertTrue(session.matches(session.applyTo(fresh.copy())), "what a save would write");
	}

	@Test
	void boxesAreDrawnReshapedAndKeptOnThePage() {
		ResultSchema visual = new ResultSchema() {
			@Override
			public boolean hasControl(String name) {
				return name.equals("label");
			}

			@Override
			public boolean controlTargets(String control, String object) {
				return object.equals("image");
			}

			@Override
			public Set<String> valuesOf(String control) {
				return Set.of("ORG", "MONEY");
			}
		};
		Task task = new Task(io.labelbench.core.json.Json.nodes().objectNode());
		task.data().put("image", "files/report.pdf");
		TaskEditSession session = new TaskEditSession(task, visual, "ana", clock);
		Region box = session.addRectangle("label", "image", new PageBox(2, 10, 20, 30, 5), 612, 792, "Acme Corporation",
				"ORG");
		assertEquals("rectanglelabels", box.type());
		assertEquals(List.of("ORG"), box.labels());
		assertEquals(new PageBox(2, 10, 20, 30, 5), PageBox.of(box));
		assertEquals(612, box.json().get("original_width").asDouble());
		assertEquals("Acme Corporation", box.text());

		session.reshape(box, new PageBox(2, 12, 20, 28, 5), "Corporation");
		assertEquals(new PageBox(2, 12, 20, 28, 5), PageBox.of(box));
		assertEquals("Corporation", box.text());
		session.relabel(box, "MONEY");
		assertEquals(List.of("MONEY"), box.labels());
		assertThrows(EditRefusedException.class, () -> session.reshape(box, new PageBox(2, 90, 20, 30, 5), null),
				"off the page");
		assertThrows(EditRefusedException.class,
				() -> session.addRectangle("label", "image", new PageBox(1, 1, 1, 0, 5), 612, 792, null, "ORG"), "no area");
		assertThrows(EditRefusedException.class,
				() -> session.addRectangle("label", "image", new PageBox(1, 1, 1, 5, 5), 612, 792, null, "PERSON"));
		session.undo();
		assertEquals(List.of("ORG"), session.current().results().get(0).labels());
		session.undo();
		assertEquals(new PageBox(2, 10, 20, 30, 5), PageBox.of(session.current().results().get(0)));
	}

	/**
	 * A task with Label Studio's annotations before GAL's completions: one list in file order, the editor opens the
	 * last, and each completion is written back under the key it came from; a new one goes at the end.
	 */
	@Test
	void annotationsAndCompletionsAreEditedAsOneListAndSavedUnderTheirOwnKeys() throws java.io.IOException {
		Task stored = new Task((com.fasterxml.jackson.databind.node.ObjectNode) io.labelbench.core.json.Json.mapper()
				.readTree("""
						{"id": 9, "data": {"text": "aspirin 100 mg"},
						 "annotations": [{"id": 4, "completed_by": 1, "result": []}],
						 "predictions": [],
						 "completions": [{"id": 2, "created_username": "bob", "result": []}]}
						"""));
		TaskEditSession session = new TaskEditSession(stored, SCHEMA, "ana", clock);
		assertEquals(List.of("4", "2"), session.completions().stream().map(Annotation::id).toList());
		assertEquals(1, session.currentIndex(), "the editor opens the last completion of the list");

		session.selectCompletion(0);
		session.applyLabel("label", "text", 0, 7, "DRUG");
		session.selectCompletion(1);
		session.applyLabel("label", "text", 8, 14, "DOSAGE");
		Annotation added = session.newCompletion();
		assertEquals(5, added.json().get("id").asInt(), "ids continue after the annotations' too");
		assertEquals(2, session.currentIndex());
		session.applyLabel("label", "text", 0, 7, "DRUG");

		Task saved = session.applyTo(stored.copy());
		List<String> keys = new java.util.ArrayList<>();
		saved.json().fieldNames().forEachRemaining(keys::add);
		assertEquals(List.of("id", "data", "annotations", "predictions", "completions"), keys);
		assertEquals(1, saved.json().get("annotations").size());
		assertEquals(1, saved.json().at("/annotations/0/completed_by").asInt(), "unknown fields kept");
		assertEquals(List.of("0-7:DRUG:aspirin"), spans(new Annotation((com.fasterxml.jackson.databind.node.ObjectNode)
				saved.json().at("/annotations/0"))));
		assertEquals(List.of("8-14:DOSAGE:100 mg"), spans(new Annotation((com.fasterxml.jackson.databind.node.ObjectNode)
				saved.json().at("/completions/0"))));
		assertEquals(5, saved.json().at("/completions/1/id").asInt(), "the new completion is last, under completions");
		assertTrue(session.matches(saved));

		while (session.canUndo()) {
			session.undo();
		}
		assertEquals(stored, session.applyTo(stored.copy()), "undo brings both keys back as they were");
	}

	@Test
	void aNewCompletionOfATaskWithOnlyAnnotationsStaysUnderAnnotations() throws java.io.IOException {
		Task stored = new Task((com.fasterxml.jackson.databind.node.ObjectNode) io.labelbench.core.json.Json.mapper()
				.readTree("{\"id\": 9, \"data\": {\"text\": \"aspirin\"}, \"annotations\": [{\"id\": 1, \"result\": []}]}"));
		TaskEditSession session = new TaskEditSession(stored, SCHEMA, "ana", clock);
		session.newCompletion();
		Task saved = session.applyTo(stored.copy());
		assertEquals(2, saved.json().get("annotations").size());
		assertFalse(saved.json().has("completions"));
	}

	@Test
	void aSavedSessionMatchesTheFileItWroteAndKeepsItsRejections(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		io.labelbench.core.store.TaskStore store = new io.labelbench.core.store.TaskStore(dir);
		Task stored = taskWithTwoPredictions();
		store.write(stored);
		TaskEditSession session = session(store.read(stored.id()));
		Annotation newest = session.predictionsNewestFirst().get(0);
		Region rejectedRegion = newest.results().get(1);
		session.reject(rejectedRegion);
		session.accept(newest, newest.results().get(0));
		session.submit(); // lead_time, a double in the session, is read back from the file as a decimal
		store.update(stored.id(), session::applyTo);
		session.markSaved();

		Task reread = store.read(stored.id());
		assertTrue(session.matches(reread), "the file holds what the session wrote: an own save, not a change");
		session.replacePredictions(reread);
		Region sameRegion = session.predictionsNewestFirst().get(0).results().get(1);
		assertTrue(session.isRejected(sameRegion), "a rejection outlives a fresh read of the predictions");
		assertFalse(session.isRejected(session.predictionsNewestFirst().get(0).results().get(0)));
	}

	@Test
	void aChangedConfigAppliesToLaterEdits() {
		TaskEditSession session = session(taskWithTwoPredictions());
		assertThrows(EditRefusedException.class, () -> session.applyLabel("label", "text", 0, 4, "ROUTE"));
		session.setSchema(new ResultSchema() {
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
				return Set.of("DRUG", "ROUTE");
			}
		});
		session.applyLabel("label", "text", 0, 4, "ROUTE");
		assertEquals(List.of("0-4:ROUTE:Take"), spans(session.current()));
	}

	@Test
	void deletingSeveralRegionsIsOneUndoStep() {
		TaskEditSession session = session(taskWithTwoPredictions());
		Region aspirin = session.applyLabel("label", "text", 8, 15, "DRUG");
		Region dose = session.applyLabel("label", "text", 16, 22, "DOSAGE");
		session.delete(List.of(aspirin, dose));
		assertEquals(List.of(), spans(session.current()));
		session.undo();
		assertEquals(List.of("8-15:DRUG:aspirin", "16-22:DOSAGE:100 mg"), spans(session.current()));
	}
}
