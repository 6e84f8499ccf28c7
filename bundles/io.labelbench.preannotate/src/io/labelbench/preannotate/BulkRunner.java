package io.labelbench.preannotate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;

/**
 * Streams tasks through an annotator in batches and writes each task's prediction as soon as its batch is
 * back. Memory holds one batch. Each task is written atomically under its lock, re-read first, so an editor
 * saving the same task at the same time loses nothing. Tasks that already have a prediction of the
 * annotator's model version are skipped (or that prediction is replaced), which makes a rerun after a cancel,
 * a crash or a kill finish the job without duplicates. A failing task is reported and the run goes on; cancel
 * takes effect between batches.
 */
public final class BulkRunner {

	public static final int MAX_REPORTED_FAILURES = 100;
	public static final int DEFAULT_BATCH_SIZE = 64;

	/** What to run on. */
	public record Options(int batchSize, boolean replace) {
		public static final Options DEFAULT = new Options(DEFAULT_BATCH_SIZE, false);
	}

	private final TaskStore store;
	private final Annotator annotator;
	private final Options options;

	public BulkRunner(TaskStore store, Annotator annotator, Options options) {
		this.store = store;
		this.annotator = annotator;
		this.options = options;
	}

	public RunSummary run(List<TaskId> ids, Progress progress) {
		long started = System.nanoTime();
		progress.begin("Pre-annotating " + ids.size() + " tasks with " + annotator.modelVersion(), ids.size());
		int done = 0;
		int skipped = 0;
		List<String> failures = new ArrayList<>();
		int failed = 0;
		Iterator<TaskId> next = ids.iterator();
		boolean cancelled = false;
		String stoppedBy = null;
		while (next.hasNext() && stoppedBy == null) {
			if (progress.isCanceled()) {
				cancelled = true;
				break;
			}
			List<Task> batch = new ArrayList<>(options.batchSize());
			while (next.hasNext() && batch.size() < options.batchSize()) {
				TaskId id = next.next();
				try {
					Task task = store.read(id);
					if (!options.replace() && hasPrediction(task, annotator.modelVersion())) {
						skipped++;
						progress.worked(1);
					} else {
						batch.add(task);
					}
				} catch (IOException e) {
					failed++;
					report(failures, "task " + id + ": " + e.getMessage());
					progress.worked(1);
				}
			}
			if (batch.isEmpty()) {
				continue;
			}
			List<Annotator.Output> outputs;
			try {
				outputs = annotator.annotate(batch);
			} catch (AnnotatorUnavailableException e) {
				stoppedBy = e.getMessage(); // the batch stays undone; a rerun does it
				break;
			} catch (AnnotatorException e) {
				outputs = null; // find the task at fault: one at a time
			}
			for (int i = 0; i < batch.size() && stoppedBy == null; i++) {
				Task task = batch.get(i);
				try {
					Annotator.Output output = outputs != null ? outputs.get(i) : annotator.annotate(List.of(task)).get(0);
					write(task.id(), output);
					done++;
				} catch (AnnotatorUnavailableException e) {
					stoppedBy = e.getMessage();
					break;
				} catch (AnnotatorException | IOException | UncheckedIOException e) {
					failed++;
					report(failures, "task " + task.id() + ": " + e.getMessage());
				}
				progress.worked(1);
			}
		}
		return new RunSummary(done, skipped, failed, List.copyOf(failures), System.nanoTime() - started, cancelled,
				stoppedBy);
	}

	private static void report(List<String> failures, String failure) {
		if (failures.size() < MAX_REPORTED_FAILURES) {
			failures.add(failure);
		}
	}

	static boolean hasPrediction(Task task, String modelVersion) {
		for (Annotation prediction : task.predictions()) {
			if (modelVersion.equals(prediction.modelVersion())) {
				return true;
			}
		}
		return false;
	}

	private void write(TaskId id, Annotator.Output output) throws IOException {
		store.update(id, task -> {
			ArrayNode predictions = predictionsOf(task.json());
			long nextId = 1;
			for (int i = predictions.size() - 1; i >= 0; i--) {
				JsonNode prediction = predictions.get(i);
				if (annotator.modelVersion().equals(Json.text(prediction, "model_version"))) {
					predictions.remove(i); // replaced (or a leftover of the same version): one per version
				} else if (prediction.path("id").canConvertToLong()) {
					nextId = Math.max(nextId, prediction.path("id").longValue() + 1);
				}
			}
			ObjectNode prediction = predictions.addObject();
			prediction.put("id", nextId);
			prediction.put("created_username", annotator.author());
			prediction.put("model_version", annotator.modelVersion());
			prediction.put("created_ago", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
			if (output.score() != null) {
				prediction.put("score", output.score());
			}
			ArrayNode result = prediction.putArray("result");
			output.result().forEach(result::add);
			return task;
		});
	}

	private static ArrayNode predictionsOf(ObjectNode task) {
		JsonNode existing = task.get(Task.PREDICTIONS);
		return existing instanceof ArrayNode array ? array : task.putArray(Task.PREDICTIONS);
	}
}
