package io.labelbench.project.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.eval.CountedCompletion;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.ProcessLock;
import io.labelbench.core.store.ProjectSettings;

/**
 * Active learning: the project retrains its model after every N new submitted completions. State lives in the
 * project's settings ({@code .labelbench/project.json}, key {@value #KEY}), so it survives restarts and is shared by
 * the workbench and the command line:
 *
 * <pre>
 * "activeLearning": {"every": 50, "deploy": false, "type": "ner", "since": "2026-12-03T15:00:00Z",
 *   "submitted": {"12": 1, "40": 2},
 *   "last": {"finished": "…", "model": "demo_ner", "version": 3, "metric": "F1", "score": 0.871, "testTasks": 40,
 *            "deployed": true}}
 * </pre>
 *
 * <b>What counts</b>: a completion that is submitted ({@code submitted_at}), not cancelled, and was submitted after
 * {@code since} — the moment the last training started, or active learning was switched on. The count is kept per
 * task and recounted from the task's file whenever it changes: submitting a completion again (Update) keeps its
 * {@code submitted_at} and is not counted twice, a deleted completion or task no longer counts, and a completion
 * submitted while a training runs counts towards the next one. A training is due when the count reaches N;
 * {@link #claimTraining()} starts the count again in the same locked write, so two callers never both start one.
 */
public final class ActiveLearning {

	public static final String KEY = "activeLearning";
	/** The choices offered besides a custom number. */
	public static final List<Integer> PRESETS = List.of(50, 100, 200);
	public static final int DEFAULT_EVERY = 100;
	private static final String LOCK_FILE = "active-learning.lock";

	/** The project setting; {@code every} 0 means off (the default). */
	public record Settings(int every, boolean deploy, TrainingType type) {
		public static final Settings OFF = new Settings(0, false, TrainingType.NER);

		public Settings {
			if (every < 0) {
				throw new IllegalArgumentException("retrain after every " + every
						+ " completions: give a number above 0, or 0 to switch active learning off");
			}
			type = type == null ? TrainingType.NER : type;
		}

		public boolean enabled() {
			return every > 0;
		}
	}

	/** The last training active learning started: its model and score, or why it failed. */
	public record LastTraining(Instant finished, String model, int version, String metric, Double score,
			int testTasks, boolean deployed, String error) {

		public boolean failed() {
			return error != null;
		}
	}

	/** Where the count stands. {@code last} is {@code null} before the first training. */
	public record Status(Settings settings, Instant since, int submitted, LastTraining last) {

		/** New submitted completions still needed before the next training (0 when it is due). */
		public int remaining() {
			return settings.enabled() ? Math.max(0, settings.every() - submitted) : 0;
		}

		public boolean due() {
			return settings.enabled() && submitted >= settings.every();
		}
	}

	private final LabelbenchProject project;
	private final Clock clock;

	public ActiveLearning(LabelbenchProject project) {
		this(project, Clock.systemUTC());
	}

	public ActiveLearning(LabelbenchProject project, Clock clock) {
		this.project = project;
		this.clock = clock;
	}

	public Status status() throws IOException {
		return status(project.settings().settings().path(KEY));
	}

	/**
	 * Changes the setting. Switching it on starts the count now: completions submitted before do not count, so
	 * turning it on in a project with hundreds of completions does not start a training at once.
	 */
	public Status configure(Settings settings) throws IOException {
		return change(state -> {
			boolean wasOn = state.path("every").asInt(0) > 0;
			state.put("every", settings.every());
			state.put("deploy", settings.deploy());
			state.put("type", settings.type().id());
			if (settings.enabled() && (!wasOn || !state.hasNonNull("since"))) {
				state.put("since", now().toString());
				state.putObject("submitted");
			}
			return state;
		});
	}

	/** Counts the tasks' new submitted completions again from their files (a task that is gone counts none). */
	public Status tasksChanged(Collection<TaskId> ids) throws IOException {
		if (!status().settings().enabled()) {
			return status();
		}
		return change(state -> {
			Instant since = since(state);
			ObjectNode submitted = submitted(state);
			for (TaskId id : ids) {
				int n = count(id, since);
				if (n > 0) {
					submitted.put(id.toString(), n);
				} else {
					submitted.remove(id.toString());
				}
			}
			return state;
		});
	}

	/** Counts every task again: after changes made while nobody was listening (files edited outside). */
	public Status recount() throws IOException {
		if (!status().settings().enabled()) {
			return status();
		}
		List<TaskId> ids = project.tasks().ids();
		return change(state -> {
			Instant since = since(state);
			ObjectNode submitted = state.putObject("submitted");
			for (TaskId id : ids) {
				int n = count(id, since);
				if (n > 0) {
					submitted.put(id.toString(), n);
				}
			}
			return state;
		});
	}

	/**
	 * When a training is due, starts the count again from now and answers the status it was due with; otherwise
	 * answers empty. One locked read-and-write: of two callers at the same time, only one gets a training to start.
	 */
	public Optional<Status> claimTraining() throws IOException {
		Status[] claimed = { null };
		change(state -> {
			Status current = status(state);
			if (current.due()) {
				claimed[0] = current;
				state.put("since", now().toString());
				state.putObject("submitted");
			}
			return state;
		});
		return Optional.ofNullable(claimed[0]);
	}

	/** Remembers a finished training's model and its score on the test tasks. */
	public Status finished(ProjectTrainer.Result result, boolean deployed) throws IOException {
		return finished(result.model().name(), result.version(), result.metrics(), result.testTasks(), deployed);
	}

	/** Remembers a finished training: the model's name and version, its metrics on the test tasks. */
	public Status finished(String model, int version, Metrics metrics, int testTasks, boolean deployed)
			throws IOException {
		String metric = null;
		Double score = null;
		if (!metrics.exactSpans().isEmpty()) {
			metric = "F1";
			score = metrics.exactSpans().micro().f1();
		} else if (!metrics.classification().isEmpty()) {
			Metrics.Classification first = metrics.classification().values().iterator().next();
			metric = "accuracy";
			score = first.accuracy();
		}
		LastTraining last = new LastTraining(now(), model, version, metric, score, testTasks, deployed, null);
		return remember(last);
	}

	/** Remembers why the last training did not produce a model; the count goes on from its start. */
	public Status failed(String message) throws IOException {
		return remember(new LastTraining(now(), null, 0, null, null, 0, false, message));
	}

	private Status remember(LastTraining last) throws IOException {
		return change(state -> {
			ObjectNode node = state.putObject("last");
			node.put("finished", last.finished().toString());
			if (last.failed()) {
				node.put("error", last.error());
				return state;
			}
			node.put("model", last.model());
			node.put("version", last.version());
			if (last.score() != null) {
				node.put("metric", last.metric());
				node.put("score", Math.round(last.score() * 1000) / 1000.0);
			}
			node.put("testTasks", last.testTasks());
			node.put("deployed", last.deployed());
			return state;
		});
	}

	// --- reading and writing the state ---------------------------------------------------------------------

	private Status change(UnaryOperator<ObjectNode> change) throws IOException {
		try (ProcessLock lock = ProcessLock.acquire(project.metaFolder().resolve(LOCK_FILE), () -> false, () -> {
		})) {
			ProjectSettings settings = project.settings();
			JsonNode existing = settings.settings().get(KEY);
			ObjectNode state = existing instanceof ObjectNode object ? object : settings.settings().putObject(KEY);
			ObjectNode changed;
			try {
				changed = change.apply(state);
			} catch (UncheckedIOException e) {
				throw e.getCause();
			}
			settings.settings().set(KEY, changed);
			settings.write(project.settingsFile());
			return status(changed);
		}
	}

	private Status status(JsonNode state) {
		int every = state.path("every").asInt(0);
		TrainingType type;
		try {
			type = TrainingType.parse(state.path("type").asText("ner"));
		} catch (IllegalArgumentException e) {
			type = TrainingType.NER;
		}
		Settings settings = new Settings(Math.max(0, every), state.path("deploy").asBoolean(false), type);
		int submitted = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = state.path("submitted").fields(); it.hasNext();) {
			submitted += Math.max(0, it.next().getValue().asInt(0));
		}
		return new Status(settings, instant(state.path("since").asText(null)), submitted, last(state.get("last")));
	}

	private static LastTraining last(JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		Instant finished = instant(node.path("finished").asText(null));
		if (node.hasNonNull("error")) {
			return new LastTraining(finished, null, 0, null, null, 0, false, node.get("error").asText());
		}
		return new LastTraining(finished, node.path("model").asText(null), node.path("version").asInt(0),
				node.path("metric").asText(null), node.hasNonNull("score") ? node.get("score").asDouble() : null,
				node.path("testTasks").asInt(0), node.path("deployed").asBoolean(false), null);
	}

	private Instant since(ObjectNode state) {
		Instant since = instant(state.path("since").asText(null));
		if (since == null) {
			since = now();
			state.put("since", since.toString());
		}
		return since;
	}

	private static ObjectNode submitted(ObjectNode state) {
		JsonNode node = state.get("submitted");
		return node instanceof ObjectNode object ? object : state.putObject("submitted");
	}

	/** The task's completions submitted after {@code since}; an unreadable or deleted task has none. */
	private int count(TaskId id, Instant since) {
		Task task;
		try {
			task = project.tasks().read(id);
		} catch (NoSuchFileException e) {
			return 0;
		} catch (TaskFormatException e) {
			return 0; // the Problems view reports it; counted again once it is fixed
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int n = 0;
		for (Annotation completion : task.completions()) {
			Instant submittedAt = CountedCompletion.submittedAt(completion);
			if (submittedAt != null && !CountedCompletion.isCancelled(completion) && submittedAt.isAfter(since)) {
				n++;
			}
		}
		return n;
	}

	private Instant now() {
		return Instant.ofEpochMilli(clock.millis());
	}

	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		} catch (DateTimeParseException e) {
			return null;
		}
	}
}
