package io.labelbench.preannotate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * back; the next batch is being annotated while one is written, so a server never waits for the disk. Memory
 * holds two batches. Each task is written atomically under its lock, re-read first, so an editor
 * saving the same task at the same time loses nothing. Tasks that already have a prediction of the
 * annotator's model version are skipped (or that prediction is replaced), which makes a rerun after a cancel,
 * a crash or a kill finish the job without duplicates. A failing task is reported and the run goes on; cancel
 * takes effect between batches (the batch being annotated is still written); an annotator that became
 * unavailable stops the run.
 */
public final class BulkRunner {

	public static final int MAX_REPORTED_FAILURES = 100;
	/**
	 * Tasks a batch. Per-request costs (HTTP, JSON, the server's pipeline call) dominate small batches: end to end
	 * against the bare LightPipeline, 64 gave 0.65 and 256 gave 0.92 (releng/benchmarks/preannotation.sh). A
	 * batch of long texts is split into requests under the server's size limit by the annotator.
	 */
	public static final int DEFAULT_BATCH_SIZE = 256;

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
		Run run = new Run(progress);
		Iterator<TaskId> next = ids.iterator();
		// the annotator works on one batch while the batch before it is written: one call at a time, on this
		// executor's single thread, so an annotator never sees two calls at once
		ExecutorService annotating = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "pre-annotation");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Task> inFlight = null;
			Future<List<Annotator.Output>> outputs = null;
			while (run.stoppedBy == null) {
				List<Task> batch = next.hasNext() ? run.readBatch(next) : List.of();
				Future<List<Annotator.Output>> ahead = batch.isEmpty() ? null : submit(annotating, batch);
				if (inFlight != null) {
					run.write(inFlight, outputs, annotating);
				}
				if (run.cancelled || progress.isCanceled()) {
					// the batch written was the one in flight; the one annotated ahead is dropped, unwritten
					run.cancelled = true;
					if (ahead != null) {
						ahead.cancel(true);
					}
					break;
				}
				if (ahead == null) {
					break;
				}
				inFlight = batch;
				outputs = ahead;
			}
		} finally {
			annotating.shutdownNow();
		}
		return new RunSummary(run.done, run.skipped, run.failed, List.copyOf(run.failures),
				System.nanoTime() - started, run.cancelled, run.stoppedBy);
	}

	private Future<List<Annotator.Output>> submit(ExecutorService annotating, List<Task> batch) {
		return annotating.submit(() -> annotator.annotate(batch));
	}

	/** The counts of one run, and its two steps: read a batch, write a batch's outputs. */
	private final class Run {
		final Progress progress;
		final List<String> failures = new ArrayList<>();
		int done;
		int skipped;
		int failed;
		boolean cancelled;
		String stoppedBy;

		Run(Progress progress) {
			this.progress = progress;
		}

		/** The next tasks that need a prediction; skipped and unreadable ones are counted on the way. */
		List<Task> readBatch(Iterator<TaskId> next) {
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
			return batch;
		}

		/**
		 * Writes a batch's predictions. When the batch as a whole failed, its tasks are annotated one at a time to
		 * find the one at fault; when the annotator became unavailable, the run stops (the batch stays undone).
		 */
		void write(List<Task> batch, Future<List<Annotator.Output>> pending, ExecutorService annotating) {
			List<Annotator.Output> outputs;
			try {
				outputs = pending.get();
			} catch (ExecutionException e) {
				if (e.getCause() instanceof AnnotatorUnavailableException u) {
					stoppedBy = u.getMessage();
					return;
				}
				outputs = null;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				cancelled = true;
				return;
			}
			for (int i = 0; i < batch.size() && stoppedBy == null; i++) {
				Task task = batch.get(i);
				try {
					Annotator.Output output = outputs != null ? outputs.get(i)
							: submit(annotating, List.of(task)).get().get(0);
					BulkRunner.this.write(task.id(), output);
					done++;
				} catch (ExecutionException e) {
					if (e.getCause() instanceof AnnotatorUnavailableException u) {
						stoppedBy = u.getMessage();
						break;
					}
					failed++;
					report(failures, "task " + task.id() + ": " + e.getCause().getMessage());
				} catch (IOException | UncheckedIOException e) {
					failed++;
					report(failures, "task " + task.id() + ": " + e.getMessage());
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					cancelled = true;
					return;
				}
				progress.worked(1);
			}
		}
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
