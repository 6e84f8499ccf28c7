package io.labelbench.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;

/** Test helpers for project folders and files. */
final class Projects {

	static final Path TESTDATA = Path.of("testdata");

	private Projects() {
	}

	/** File name to SHA-256 of every file under a folder: compares "nothing changed" exactly. */
	static Map<String, String> snapshot(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.exists(folder)) {
			return files;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(file).toString(), sha256(Files.readAllBytes(file)));
			}
		}
		return files;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static JsonNode readTree(Path file) throws IOException {
		return Json.mapper().readTree(file.toFile());
	}

	/** Progress that asks to cancel once {@code units} units are done. */
	static Progress cancelAfter(long units) {
		return new Progress() {
			long done;

			@Override
			public void begin(String task, long total) {
			}

			@Override
			public void worked(long worked) {
				done += worked;
			}

			@Override
			public boolean isCanceled() {
				return done >= units;
			}
		};
	}

	/** A cancelled export left the earlier file as it was, and no temporary file beside it. */
	static void assertEarlierExportKept(Path dir, Path out) throws IOException {
		org.junit.jupiter.api.Assertions.assertEquals("earlier export", java.nio.file.Files.readString(out));
		try (var files = java.nio.file.Files.list(dir)) {
			org.junit.jupiter.api.Assertions.assertFalse(
					files.anyMatch(f -> f.getFileName().toString().startsWith(".lb-tmp-")), "temp file removed");
		}
	}
}
