package io.labelbench.server.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.server.nlp.SavedModel;

/**
 * Writes a Models Hub mirror laid out like Spark NLP's own: {@code public/models/metadata.json} (one JSON object a
 * line, the fields Spark NLP's ResourceDownloader reads plus Labelbench's own: task, domain, labels, embeddings,
 * description, size, metrics) and {@code public/models/KEY.zip} with the saved model folder at the zip's root,
 * where KEY is {@code name_lang_libVersion_sparkVersion_epochMillis}.
 */
public final class HubPublisher {
	public static final int[] LIB_VERSION = { 5, 5, 3 };
	public static final int[] SPARK_VERSION = { 3, 5 };
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);
	private static final ObjectMapper JSON = new ObjectMapper();

	/** One model to publish. {@code metrics} may be null (embeddings have none). */
	public record Entry(String name, SavedModel model, Instant trained, String task, String domain,
			String description, ModelTraining.Metrics metrics) {
	}

	private final Path models;
	private final List<String> lines = new ArrayList<>();

	/** @param hub the mirror's root; its {@code public/models} folder is replaced by {@link #finish()} */
	public HubPublisher(Path hub) throws IOException {
		this.models = hub.resolve("public/models");
		Files.createDirectories(models.getParent());
	}

	private Path staging() throws IOException {
		Path staging = models.resolveSibling("models.staging");
		Files.createDirectories(staging);
		return staging;
	}

	public static String key(String name, Instant time) {
		return name + "_en_" + dotted(LIB_VERSION) + "_" + dotted(SPARK_VERSION) + "_" + time.toEpochMilli();
	}

	public void add(Entry entry) throws IOException {
		Instant time = Instant.ofEpochMilli(entry.trained().toEpochMilli()); // the catalog keeps milliseconds
		Path zip = staging().resolve(key(entry.name(), time) + ".zip");
		String md5 = zip(entry.model().folder(), zip);
		ObjectNode line = JSON.createObjectNode();
		line.put("name", entry.name());
		line.put("language", "en");
		line.putObject("libVersion").set("parts", JSON.valueToTree(LIB_VERSION));
		line.putObject("sparkVersion").set("parts", JSON.valueToTree(SPARK_VERSION));
		line.put("readyToUse", true);
		line.put("time", TIME.format(time));
		line.put("isZipped", true);
		line.put("category", "ml");
		line.put("checksum", md5);
		line.put("annotator", entry.model().simpleClassName());
		line.put("task", entry.task());
		line.put("domain", entry.domain());
		line.set("labels", JSON.valueToTree(entry.model().labels()));
		if (entry.model().storageRef() != null && !entry.model().storageRef().equals(entry.name())) {
			line.put("embeddings", entry.model().storageRef());
		}
		line.put("description", entry.description());
		line.put("size", Files.size(zip));
		if (entry.metrics() != null) {
			ObjectNode metrics = line.putObject("metrics");
			metrics.put("precision", round(entry.metrics().precision()));
			metrics.put("recall", round(entry.metrics().recall()));
			metrics.put("f1", round(entry.metrics().f1()));
			metrics.put("heldoutExamples", entry.metrics().examples());
			if (entry.metrics().accuracy() != null) {
				metrics.put("accuracy", round(entry.metrics().accuracy()));
			}
			if (entry.metrics().perLabel() != null) {
				ObjectNode perLabel = metrics.putObject("perLabel");
				entry.metrics().perLabel().forEach((label, f1) -> perLabel.put(label, round(f1)));
			}
		}
		lines.add(JSON.writeValueAsString(line));
	}

	/** Writes metadata.json and swaps the staged folder in for the old one. */
	public void finish() throws IOException {
		Path staging = staging();
		Files.writeString(staging.resolve("metadata.json"), String.join("\n", lines) + "\n");
		if (Files.exists(models)) {
			deleteTree(models);
		}
		Files.move(staging, models, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Zips a folder (sorted entries, fixed times) and returns the uppercase hex MD5 of the zip. */
	static String zip(Path folder, Path zip) throws IOException {
		MessageDigest md5;
		try {
			md5 = MessageDigest.getInstance("MD5");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc"))
					.sorted().toList();
		}
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(zip), md5);
				ZipOutputStream zipOut = new ZipOutputStream(out)) {
			for (Path file : files) {
				ZipEntry e = new ZipEntry(folder.relativize(file).toString().replace('\\', '/'));
				e.setTime(0);
				zipOut.putNextEntry(e);
				Files.copy(file, zipOut);
				zipOut.closeEntry();
			}
		}
		return HexFormat.of().withUpperCase().formatHex(md5.digest()).toUpperCase(Locale.ROOT);
	}

	static void deleteTree(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private static String dotted(int[] parts) {
		StringBuilder sb = new StringBuilder();
		for (int p : parts) {
			sb.append(sb.length() == 0 ? "" : ".").append(p);
		}
		return sb.toString();
	}
}
