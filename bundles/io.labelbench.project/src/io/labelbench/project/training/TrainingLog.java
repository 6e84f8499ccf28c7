package io.labelbench.project.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelCache;

/**
 * A training run's log on disk: the training JVM's output as it came, its per-epoch progress lines included (one
 * JSON object a line, {@code {"event":"epoch",…}}). A published model keeps it in its folder in the model cache
 * ({@value #FILE}, removed with the model); a run that published nothing (failed or cancelled) leaves it in the
 * cache's {@value #UNPUBLISHED_FOLDER} folder, named after the model, the time and the outcome, the newest
 * {@value #UNPUBLISHED_KEPT} kept. {@link #replay} reads a log back through the same listener the live run fed.
 */
public final class TrainingLog {

	/** The log's name in a published model's folder. */
	public static final String FILE = ".labelbench-training.log";
	/** The folder of the model cache that keeps the logs of runs that published nothing. */
	public static final String UNPUBLISHED_FOLDER = ".training-logs";
	static final int UNPUBLISHED_KEPT = 20;

	private static final String EPOCH = "{\"event\":\"epoch\"";
	private static final String DONE = "{\"event\":\"done\"";
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private TrainingLog() {
	}

	/** The log a published model was trained with; empty for a model trained before logs were kept, or downloaded. */
	public static Optional<Path> of(InstalledModel model) {
		Path log = model.folder().resolve(FILE);
		return Files.isRegularFile(log) ? Optional.of(log) : Optional.empty();
	}

	/** Where the logs of runs that published nothing are kept. */
	public static Path unpublishedFolder(ModelCache cache) {
		return cache.folder().resolve(UNPUBLISHED_FOLDER);
	}

	/**
	 * Hands one line of the training JVM's output to {@code listener}: an epoch line as an epoch, the closing line
	 * into {@code done}, any other line as a log line.
	 */
	static void dispatch(String line, ProjectTrainer.Listener listener, AtomicReference<JsonNode> done)
			throws IOException {
		if (line.startsWith(EPOCH)) {
			listener.epoch(Json.mapper().readTree(line));
		} else if (line.startsWith(DONE)) {
			done.set(Json.mapper().readTree(line));
		} else {
			listener.log(line);
		}
	}

	/**
	 * Reads a saved log back: its epochs and other lines reach {@code listener} in their order, as they reached it
	 * while the run went on. An epoch line that cannot be read is handed on as a log line.
	 */
	public static void replay(Path log, ProjectTrainer.Listener listener) throws IOException {
		AtomicReference<JsonNode> done = new AtomicReference<>();
		try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				try {
					dispatch(line, listener, done);
				} catch (IOException e) {
					listener.log(line);
				}
			}
		}
	}

	/**
	 * Moves the log of a run that published nothing out of its work folder, which goes with the run, into
	 * {@link #unpublishedFolder}: {@code <model>-<yyyyMMdd-HHmmss>-<outcome>.log} (UTC). Older logs beyond the newest
	 * {@value #UNPUBLISHED_KEPT} are removed. Answers where the log is now.
	 */
	static Path keepUnpublished(ModelCache cache, Path log, String model, String outcome) throws IOException {
		Path folder = Files.createDirectories(unpublishedFolder(cache));
		String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
		Path kept = folder.resolve(model + "-" + stamp + "-" + outcome + ".log");
		for (int n = 2; Files.exists(kept); n++) {
			kept = folder.resolve(model + "-" + stamp + "-" + n + "-" + outcome + ".log");
		}
		Files.move(log, kept, StandardCopyOption.ATOMIC_MOVE);
		prune(folder);
		return kept;
	}

	private static void prune(Path folder) throws IOException {
		List<Path> logs = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.log")) {
			files.forEach(logs::add);
		}
		if (logs.size() <= UNPUBLISHED_KEPT) {
			return;
		}
		logs.sort(Comparator.comparing(TrainingLog::modified).reversed());
		for (Path old : logs.subList(UNPUBLISHED_KEPT, logs.size())) {
			Files.deleteIfExists(old);
		}
	}

	private static long modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		} catch (IOException e) {
			return 0;
		}
	}
}
