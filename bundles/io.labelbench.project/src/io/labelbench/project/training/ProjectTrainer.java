package io.labelbench.project.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.eval.CountedCompletion;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.eval.ResultComparison;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.Folders;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelMetadata;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;

/**
 * Trains a project's model from its completions in a JVM of its own, started like a pre-annotation server (the
 * server distribution's {@code bin/labelbench-server}, this JVM's {@code java}), and publishes it into the local
 * model cache as the next version of {@code <project>_<type>}: labels, held-out metrics on the test tasks (the
 * trained model's predictions compared with {@link ResultComparison}), parameters and training-data hash.
 * Work happens in {@link ModelCache#buildFolder()}; the model enters the cache in one rename after everything
 * succeeded, so a cancel or a kill publishes nothing. Folders of dead runs are swept at the next run.
 */
public final class ProjectTrainer {

	/** Training parameters; {@code null} fields take the training JVM's defaults. */
	public record Parameters(String embeddings, Integer epochs, Float learningRate, Integer batchSize, Float dropout,
			Float validationSplit) {
		public static final Parameters DEFAULTS = new Parameters(null, null, null, null, null, null);
	}

	/** What a user interface follows: one call per epoch line of the training JVM, and its other output. */
	public interface Listener {
		/** {@code {"event":"epoch","epoch":i,"epochs":n,"loss":…,"seconds":…,"validation":{…}}} */
		void epoch(JsonNode event);

		void log(String line);
	}

	/** The published model, its version, the metrics on the test tasks and how long the training JVM ran. */
	public record Result(InstalledModel model, int version, Metrics metrics, int testTasks,
			TrainingData.Exported data, double seconds) {
	}

	/** Heap of the training JVM, counted in the servers' budget. */
	public static final int HEAP_MB = 2048;

	private final ModelCache cache;
	private final Path distribution;
	private final ServerRegistry registry;
	private final ServerRegistry.Budget budget;

	public ProjectTrainer(ModelCache cache, Path distribution, ServerRegistry registry, ServerRegistry.Budget budget) {
		this.cache = cache;
		this.distribution = distribution;
		this.registry = registry;
		this.budget = budget;
	}

	/** The model name a project's training publishes under. */
	public static String modelName(LabelbenchProject project, TrainingType type) {
		String base = project.folder().getFileName().toString().toLowerCase(java.util.Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		return (base.isEmpty() ? "project" : base) + "_" + type.id();
	}

	public Result train(LabelbenchProject project, LabelingConfig config, TrainingType type, Double split,
			Parameters parameters, Listener listener, BooleanSupplier canceled) throws TrainingException, IOException {
		boolean inContext = type == TrainingType.ASSERTION || type == TrainingType.RELATION;
		if (inContext) {
			refuseParameters(type, parameters);
		}
		InstalledModel embeddings = inContext ? null : embeddings(parameters.embeddings());
		List<ServerRecord> running = registry.list().stream().filter(s -> !s.remote() && s.processAlive()).toList();
		int heap = running.stream().mapToInt(ServerRecord::heapMb).sum() + HEAP_MB;
		if (running.size() + 1 > budget.maxServers() || heap > budget.maxHeapMb()) {
			throw new TrainingException("training would run " + (running.size() + 1) + " JVMs with " + heap
					+ " MB of heap beside the servers; the budget is " + budget.maxServers() + " and "
					+ budget.maxHeapMb() + " MB. Stop an idle server or raise the budget.");
		}
		sweep();
		Path work = Files.createDirectories(cache.buildFolder().resolve(UUID.randomUUID().toString()));
		try {
			TrainingData.Exported data = new TrainingData(project, config, type, split).export(work.resolve("data"));
			String name = modelName(project, type);
			Path log = work.resolve("training.log");
			try {
				return trainAndPublish(project, config, type, name, data, embeddings, parameters, work, log, listener,
						canceled);
			} catch (TrainingException | IOException e) {
				throw unpublished(log, name, e, canceled.getAsBoolean());
			}
		} finally {
			Folders.deleteTree(work);
		}
	}

	private Result trainAndPublish(LabelbenchProject project, LabelingConfig config, TrainingType type, String name,
			TrainingData.Exported data, InstalledModel embeddings, Parameters parameters, Path work, Path log,
			Listener listener, BooleanSupplier canceled) throws IOException, TrainingException {
		String opening = "training " + name + " (" + type.id() + ") of project " + project.folder() + " on "
				+ data.trainTasks() + " tasks, " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Files.writeString(log, opening + "\n", StandardCharsets.UTF_8);
		listener.log(opening);
		long started = System.nanoTime();
		Finished finished = run(work, log, data, embeddings, parameters, listener, canceled);
		Path result = finished.folder();
		double seconds = (System.nanoTime() - started) / 1e9;
		Metrics metrics = new Metrics();
		OutcomeConfusion confusion = new OutcomeConfusion(type, config.assertionLabels(), data.entityLabels());
		int tested = score(project, config, result.resolve("test-predictions.jsonl"), metrics, confusion);
		int version = (int) cache.installed().stream().filter(m -> m.name().equals(name)).count() + 1;
		ObjectNode entry = entry(name, version, type, embeddings, data, finished.done().path("parameters"),
				metrics, confusion, tested, result.resolve("model"));
		String closing = "published " + name + " v" + version + " after " + String.format(java.util.Locale.ROOT,
				"%.1f", seconds) + " s, scored on " + tested + " test tasks";
		Files.writeString(log, closing + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		// the log enters the cache with the model, in the same rename
		Files.copy(log, result.resolve("model").resolve(TrainingLog.FILE));
		InstalledModel model = cache.publish(result.resolve("model"), entry);
		listener.log(closing);
		return new Result(model, version, metrics, tested, data, seconds);
	}

	/**
	 * A run that published nothing: its log, when the JVM had started, is kept where the user can find it
	 * ({@link TrainingLog#keepUnpublished}) and named in the message.
	 */
	private TrainingException unpublished(Path log, String name, Exception failure, boolean cancelled) {
		TrainingException plain = failure instanceof TrainingException e ? e
				: new TrainingException("training failed: " + failure.getMessage(), failure);
		if (!Files.isRegularFile(log)) {
			return plain;
		}
		try {
			// how the run ended, in the log's last line (the message's first: a failure's own tail is above it)
			Files.writeString(log, plain.getMessage().lines().findFirst().orElse("") + "\n", StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.APPEND);
			Path kept = TrainingLog.keepUnpublished(cache, log, name, cancelled ? "cancelled" : "failed");
			return new TrainingException(plain.getMessage() + "\nThe run's log: " + kept, kept, failure);
		} catch (IOException e) {
			plain.addSuppressed(e);
			return plain;
		}
	}

	private InstalledModel embeddings(String wanted) throws IOException, TrainingException {
		List<InstalledModel> all = cache.installed().stream().filter(m -> "embeddings".equals(m.entry().task()))
				.toList();
		if (wanted != null) {
			Optional<InstalledModel> found = all.stream().filter(m -> m.name().equals(wanted))
					.reduce((older, newer) -> newer);
			if (found.isEmpty()) {
				throw new TrainingException("embeddings not downloaded: " + wanted + " is not in the model cache "
						+ cache.folder() + " (labelbench hub download " + wanted + ")");
			}
			return found.get();
		}
		if (all.isEmpty()) {
			throw new TrainingException("embeddings not downloaded: the model cache " + cache.folder()
					+ " holds no word embeddings; download some from the Models Hub (labelbench hub list)");
		}
		return all.get(all.size() - 1);
	}

	/** The training JVM's result folder and its closing line (parameters used, seconds). */
	private record Finished(Path folder, JsonNode done) {
	}

	private Finished run(Path work, Path log, TrainingData.Exported data, InstalledModel embeddings, Parameters p,
			Listener listener, BooleanSupplier canceled) throws IOException, TrainingException {
		Path out = work.resolve("out");
		List<String> command = new ArrayList<>(List.of("sh", distribution.resolve("bin/labelbench-server").toString(),
				"train", "--data", data.folder().toString(), "--out", out.toString()));
		if (embeddings != null) {
			command.addAll(List.of("--embeddings", embeddings.folder().toString()));
		}
		option(command, "epochs", p.epochs());
		option(command, "learning-rate", p.learningRate());
		option(command, "batch-size", p.batchSize());
		option(command, "dropout", p.dropout());
		option(command, "validation-split", p.validationSplit());
		ProcessBuilder pb = new ProcessBuilder(command);
		Path tmp = Files.createDirectories(work.resolve("tmp"));
		pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		pb.environment().put("LABELBENCH_SERVER_HEAP", HEAP_MB + "m");
		pb.environment().put("LABELBENCH_SERVER_VMARGS", "-Djava.io.tmpdir=" + tmp);
		pb.redirectErrorStream(true);
		pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		Process process = pb.start();
		// the training JVM must not outlive a command line stopped with Ctrl+C
		Thread killer = new Thread(() -> kill(process), "training-kill");
		Runtime.getRuntime().addShutdownHook(killer);
		try {
			return await(process, work, log, listener, canceled);
		} finally {
			try {
				Runtime.getRuntime().removeShutdownHook(killer);
			} catch (IllegalStateException e) {
				// shutting down: the hook runs
			}
		}
	}

	private Finished await(Process process, Path work, Path log, Listener listener, BooleanSupplier canceled)
			throws IOException, TrainingException {
		Path out = work.resolve("out");
		Files.writeString(work.resolve("pid"), Long.toString(process.pid()));
		AtomicReference<JsonNode> done = new AtomicReference<>();
		Thread reader = new Thread(() -> follow(process, log, listener, done), "training-output");
		reader.setDaemon(true);
		reader.start();
		try {
			while (process.isAlive()) {
				if (canceled.getAsBoolean()) {
					kill(process);
					reader.join(5000); // the log is complete before it is kept
					throw new TrainingException("training cancelled; nothing was published");
				}
				process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			reader.join(5000);
		} catch (InterruptedException e) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new TrainingException("training interrupted; nothing was published");
		}
		Path result = out.resolve("result");
		if (process.exitValue() != 0 || !Files.isDirectory(result.resolve("model")) || done.get() == null) {
			throw new TrainingException("the training JVM stopped with exit code " + process.exitValue()
					+ ". The end of its output:\n" + tail(log, 25));
		}
		return new Finished(result, done.get());
	}

	/** Writes the JVM's output to the log (after its opening line) and hands each line to the listener. */
	private static void follow(Process process, Path log, Listener listener, AtomicReference<JsonNode> done) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
						java.nio.file.StandardOpenOption.APPEND)) {
			String line;
			while ((line = in.readLine()) != null) {
				logFile.write(line + "\n");
				logFile.flush();
				TrainingLog.dispatch(line, listener, done);
			}
		} catch (IOException e) {
			listener.log("training output unreadable: " + e.getMessage());
		}
	}

	/** Compares each test task's prediction with its counted completion; returns the number of tasks compared. */
	private static int score(LabelbenchProject project, LabelingConfig config, Path predictions, Metrics metrics,
			OutcomeConfusion confusion) throws IOException {
		int tested = 0;
		for (String line : Files.readAllLines(predictions, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = Json.mapper().readTree(line);
			Task task = project.tasks().read(TaskId.fromJson(node.get("id")));
			Annotation completion = CountedCompletion.of(task);
			if (completion == null) {
				continue;
			}
			ObjectNode predicted = Json.mapper().createObjectNode();
			predicted.set(Annotation.RESULT, node.get("result"));
			Annotation prediction = new Annotation(predicted);
			metrics.add(ResultComparison.compare(completion, prediction, config.assertionLabels()));
			confusion.add(completion, prediction);
			tested++;
		}
		return tested;
	}

	/** The hub's versions for a model trained here: those of the server distribution's Spark NLP and Spark. */
	static final int[] LIB_VERSION = { 5, 5, 3 };
	static final int[] SPARK_VERSION = { 3, 5 };

	private ObjectNode entry(String name, int version, TrainingType type, InstalledModel embeddings,
			TrainingData.Exported data, JsonNode used, Metrics metrics, OutcomeConfusion confusion, int tested,
			Path model) throws IOException {
		ObjectNode entry = Json.mapper().createObjectNode();
		Instant now = Instant.ofEpochMilli(Instant.now().toEpochMilli());
		entry.put("name", name);
		entry.put("language", embeddings == null ? "en" : embeddings.entry().language());
		if (embeddings != null) {
			entry.set("libVersion", embeddings.entry().json().get("libVersion"));
			entry.set("sparkVersion", embeddings.entry().json().get("sparkVersion"));
		} else {
			entry.putObject("libVersion").set("parts", Json.mapper().valueToTree(LIB_VERSION));
			entry.putObject("sparkVersion").set("parts", Json.mapper().valueToTree(SPARK_VERSION));
		}
		entry.put("readyToUse", true);
		entry.put("time", now.toString());
		entry.put("isZipped", true);
		entry.put("category", "ml");
		entry.put("checksum", "");
		entry.put("annotator", switch (type) {
		case NER -> "NerDLModel";
		case CLASSIFICATION -> "ClassifierDLModel";
		case ASSERTION -> "AssertionModel";
		case RELATION -> "RelationModel";
		});
		entry.put("task", type.id());
		entry.put("domain", "Project");
		// an assertion or relation model's own labels include its implicit outcome, as the build's models do
		entry.set("labels", Json.mapper().valueToTree(data.entityLabels().isEmpty() ? data.labels()
				: ModelMetadata.read(model).labels()));
		if (embeddings != null) {
			entry.put("embeddings", embeddings.name());
		}
		if (!data.entityLabels().isEmpty()) {
			entry.set("entityLabels", Json.mapper().valueToTree(data.entityLabels()));
		}
		entry.put("description", "v" + version + ", trained on " + data.trainTasks() + " tasks (" + data.examples()
				+ " examples) of the project; tested on " + tested + " tasks (" + data.testSelection() + ")");
		entry.put("size", size(model));
		entry.put("version", version);
		entry.put("trainingDataHash", data.hash());
		ObjectNode parameters = entry.putObject("parameters");
		if (embeddings != null) {
			parameters.put("embeddings", embeddings.name());
		}
		if (used instanceof ObjectNode values) {
			parameters.setAll(values);
		}
		entry.set("metrics", TrainingMetrics.of(type, metrics, confusion, tested));
		return entry;
	}

	/** Assertion and relation models are logistic regressions: of the parameters only the iterations apply. */
	private static void refuseParameters(TrainingType type, Parameters p) throws TrainingException {
		List<String> given = new ArrayList<>();
		if (p.embeddings() != null) {
			given.add("embeddings");
		}
		if (p.learningRate() != null) {
			given.add("learning rate");
		}
		if (p.batchSize() != null) {
			given.add("batch size");
		}
		if (p.dropout() != null) {
			given.add("dropout");
		}
		if (p.validationSplit() != null) {
			given.add("validation split");
		}
		if (!given.isEmpty()) {
			throw new TrainingException(type.id() + " training fits a logistic regression over the words around the"
					+ " entities: " + String.join(", ", given) + (given.size() == 1 ? " does" : " do")
					+ " not apply; it takes the number of iterations (epochs)");
		}
	}

	private void sweep() throws IOException {
		Path builds = cache.buildFolder();
		if (!Files.isDirectory(builds)) {
			return;
		}
		try (DirectoryStream<Path> runs = Files.newDirectoryStream(builds, Files::isDirectory)) {
			for (Path run : runs) {
				Path pid = run.resolve("pid");
				boolean alive = false;
				if (Files.isRegularFile(pid)) {
					try {
						alive = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
								.map(ProcessHandle::isAlive).orElse(false);
					} catch (NumberFormatException e) {
						alive = false;
					}
				} else {
					// a run that has not started its JVM yet is young; leave it an hour
					alive = Files.getLastModifiedTime(run).toInstant().isAfter(Instant.now().minusSeconds(3600));
				}
				if (!alive) {
					Folders.deleteTree(run);
				}
			}
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void option(List<String> command, String name, Object value) {
		if (value != null) {
			command.add("--" + name);
			command.add(value.toString());
		}
	}


	private static long size(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).mapToLong(f -> {
				try {
					return Files.size(f);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).sum();
		}
	}

	private static String tail(Path log, int lines) throws IOException {
		if (!Files.exists(log)) {
			return "(no output)";
		}
		List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}
}
