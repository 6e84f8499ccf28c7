package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.eval.Metrics;
import io.labelbench.core.eval.ResultComparison;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Role;

/** Counting submitted completions towards the next training, with N = 3 and a clock the test moves. */
class ActiveLearningTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;
	private MovingClock clock;
	private ActiveLearning learning;

	/** A clock that stands still until the test moves it. */
	private static final class MovingClock extends Clock {
		Instant now = Instant.parse("2026-12-03T10:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		Instant tick() {
			now = now.plus(Duration.ofMinutes(1));
			return now;
		}
	}

	@BeforeEach
	void setUp() throws IOException {
		project = LabelbenchProject.create(dir.resolve("notes"), "ana");
		clock = new MovingClock();
		learning = new ActiveLearning(project, clock);
	}

	/** Adds a completion to task {@code id} (created when missing), submitted at {@code at} unless null. */
	private Annotation complete(long id, Instant at) throws IOException {
		TaskId taskId = TaskId.of(id);
		Task task = project.tasks().exists(taskId) ? project.tasks().read(taskId) : Task.of(taskId, "Take aspirin.");
		Annotation completion = task.addCompletion();
		completion.json().put("id", task.completions().size());
		completion.json().putArray("result");
		if (at != null) {
			completion.json().put("submitted_at", at.toString());
		}
		project.tasks().write(task);
		return completion;
	}

	private ActiveLearning.Status changed(long... ids) throws IOException {
		List<TaskId> list = java.util.Arrays.stream(ids).mapToObj(TaskId::of).toList();
		return learning.tasksChanged(list);
	}

	@Test
	void offByDefaultNothingIsCountedAndNoTrainingIsDue() throws IOException {
		complete(1, clock.tick());
		ActiveLearning.Status status = changed(1);
		assertFalse(status.settings().enabled());
		assertEquals(0, status.submitted());
		assertFalse(status.due());
		assertTrue(learning.claimTraining().isEmpty());
	}

	@Test
	void theThirdNewSubmittedCompletionMakesATrainingDueAndOnlyOneCallerStartsIt() throws IOException {
		complete(1, clock.tick()); // before the setting: does not count
		clock.tick();
		learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER));
		assertEquals(0, changed(1).submitted());
		complete(2, clock.tick());
		complete(3, clock.tick());
		ActiveLearning.Status two = changed(2, 3);
		assertEquals(2, two.submitted());
		assertEquals(1, two.remaining());
		assertFalse(two.due());
		assertTrue(learning.claimTraining().isEmpty());

		complete(4, clock.tick());
		assertTrue(changed(4).due());
		ActiveLearning.Status claimed = learning.claimTraining().orElseThrow();
		assertEquals(3, claimed.submitted());
		assertTrue(learning.claimTraining().isEmpty(), "a second caller starts no second training");
		ActiveLearning.Status after = learning.status();
		assertEquals(0, after.submitted());
		assertEquals(3, after.remaining());

		// completions submitted while the training runs count towards the next one
		complete(5, clock.tick());
		assertEquals(1, changed(5).submitted());
	}

	@Test
	void updatingASubmittedCompletionDoesNotCountItTwiceAndDraftsAndCancelledOnesDoNotCount() throws IOException {
		learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER));
		Instant submitted = clock.tick();
		complete(1, submitted);
		assertEquals(1, changed(1).submitted());
		// Update: same completion, same submitted_at, a later updated_at
		Task task = project.tasks().read(TaskId.of(1));
		task.completions().get(0).json().put("updated_at", clock.tick().toString());
		project.tasks().write(task);
		assertEquals(1, changed(1).submitted());
		assertEquals(1, changed(1).submitted(), "counting the same task again changes nothing");

		complete(2, null); // a draft
		Annotation skipped = complete(3, clock.tick());
		Task cancelled = project.tasks().read(TaskId.of(3));
		cancelled.completions().get(0).json().put("was_cancelled", true);
		project.tasks().write(cancelled);
		assertEquals(1, changed(2, 3).submitted(), "draft and cancelled: " + skipped.json());

		// a second annotator's completion on the same task counts
		complete(1, clock.tick());
		assertEquals(2, changed(1).submitted());
	}

	@Test
	void deletingACompletionOrATaskTakesItOutOfTheCount() throws IOException {
		learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER));
		complete(1, clock.tick());
		complete(1, clock.tick());
		complete(2, clock.tick());
		assertTrue(changed(1, 2).due());

		Task task = project.tasks().read(TaskId.of(1));
		((com.fasterxml.jackson.databind.node.ArrayNode) task.json().get("completions")).remove(0);
		project.tasks().write(task);
		ActiveLearning.Status status = changed(1);
		assertEquals(2, status.submitted());
		assertFalse(status.due());

		project.tasks().delete(TaskId.of(2));
		assertEquals(1, changed(2).submitted());
		assertTrue(learning.claimTraining().isEmpty());
	}

	@Test
	void theCountSurvivesARestartAndKeepsTheProjectsOtherSettings() throws IOException {
		var settings = project.settings();
		settings.setRole("ben", Role.ANNOTATOR);
		settings.settings().put("allowMixedEmbeddings", true);
		settings.write(project.settingsFile());
		learning.configure(new ActiveLearning.Settings(50, true, TrainingType.CLASSIFICATION));
		complete(1, clock.tick());
		complete(2, clock.tick());
		changed(1, 2);

		ActiveLearning.Status reopened = new ActiveLearning(new LabelbenchProject(project.folder()), clock).status();
		assertEquals(2, reopened.submitted());
		assertEquals(48, reopened.remaining());
		assertEquals(new ActiveLearning.Settings(50, true, TrainingType.CLASSIFICATION), reopened.settings());
		assertEquals(Role.ANNOTATOR, project.settings().roleOf("ben").orElseThrow());
		assertTrue(project.settings().settings().path("allowMixedEmbeddings").asBoolean());
	}

	@Test
	void aRecountFindsCompletionsWrittenWhileNobodyListenedAndChangingNKeepsTheCount() throws IOException {
		learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER));
		complete(1, clock.tick());
		complete(2, clock.tick());
		assertEquals(0, learning.status().submitted(), "not told yet");
		assertEquals(2, learning.recount().submitted());
		ActiveLearning.Status lowered = learning.configure(new ActiveLearning.Settings(2, false, TrainingType.NER));
		assertEquals(2, lowered.submitted());
		assertTrue(lowered.due());
	}

	@Test
	void switchingOffAndOnAgainStartsTheCountAfresh() throws IOException {
		learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER));
		complete(1, clock.tick());
		complete(2, clock.tick());
		changed(1, 2);
		learning.configure(ActiveLearning.Settings.OFF);
		clock.tick();
		ActiveLearning.Status on = learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER));
		assertEquals(0, on.submitted());
		assertEquals(0, changed(1, 2).submitted());
	}

	@Test
	void theLastTrainingsScoreOrFailureIsRemembered() throws IOException {
		learning.configure(new ActiveLearning.Settings(3, true, TrainingType.NER));
		assertNull(learning.status().last());
		Metrics metrics = new Metrics();
		metrics.add(ResultComparison.compare(span("DRUG", 5, 12), span("DRUG", 5, 12), java.util.Set.of()));
		metrics.add(ResultComparison.compare(span("DRUG", 0, 4), span("DOSAGE", 0, 4), java.util.Set.of()));
		learning.finished("notes_ner", 2, metrics, 2, true);
		ActiveLearning.LastTraining last = new ActiveLearning(project, clock).status().last();
		assertEquals("notes_ner", last.model());
		assertEquals(2, last.version());
		assertEquals("F1", last.metric());
		assertEquals(0.5, last.score(), 1e-9);
		assertEquals(2, last.testTasks());
		assertTrue(last.deployed());
		assertFalse(last.failed());

		learning.failed("one label only: the completions use only DRUG");
		ActiveLearning.LastTraining failed = learning.status().last();
		assertTrue(failed.failed());
		assertEquals("one label only: the completions use only DRUG", failed.error());
		assertEquals(clock.now, failed.finished());
	}

	@Test
	void aNegativeNumberIsRefusedWithAMessageAndABrokenStateReadsAsOff() throws IOException {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new ActiveLearning.Settings(-5, false, TrainingType.NER));
		assertTrue(e.getMessage().contains("above 0"), e.getMessage());
		var settings = project.settings();
		settings.settings().put(ActiveLearning.KEY, "every 50");
		settings.write(project.settingsFile());
		assertFalse(learning.status().settings().enabled());
		assertEquals(3, learning.configure(new ActiveLearning.Settings(3, false, TrainingType.NER)).remaining());
		assertTrue(Files.readString(project.settingsFile()).contains("\"every\" : 3"));
	}

	private static Annotation span(String label, int start, int end) {
		ObjectNode json = Json.mapper().createObjectNode();
		ObjectNode region = json.putArray("result").addObject();
		region.put("id", "r" + start);
		region.put("from_name", "label");
		region.put("to_name", "text");
		region.put("type", "labels");
		ObjectNode value = region.putObject("value");
		value.put("start", start);
		value.put("end", end);
		value.putArray("labels").add(label);
		return new Annotation(json);
	}
}
