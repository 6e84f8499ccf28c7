package io.labelbench.project;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.Folders;

/**
 * Runs a pipeline spec on texts in a JVM of the server distribution ({@code labelbench-server predict}), without an
 * HTTP server: what {@code prompt test} and {@code prompt evaluate} need, as {@code train} runs its fit there. The
 * JVM inherits this process's environment (an LLM prompt's API key travels that way, never in a file); its work
 * folder is deleted afterwards, and the JVM is stopped when this one is.
 */
public final class SpecProcess {

	/** The heap of the JVM: the MiniLM session and its phrase cache need far less than a model server. */
	static final String HEAP = "1g";

	private final Path distribution;
	private final Map<String, String> environment;

	/** @param distribution the server distribution (with {@code bin/labelbench-server}) */
	public SpecProcess(Path distribution) {
		this(distribution, Map.of());
	}

	/**
	 * @param environment added to the JVM's environment: an LLM key kept elsewhere than in this process's
	 *                    environment (the workbench's secure storage) reaches the run this way, never in a file
	 */
	public SpecProcess(Path distribution, Map<String, String> environment) {
		this.distribution = distribution;
		this.environment = Map.copyOf(environment);
	}

	/** One GAL result per text, in order: its regions ({@code result}) and {@code score}, nulls left out. */
	public List<ObjectNode> run(ObjectNode spec, List<String> texts) throws IOException {
		Path work = Files.createTempDirectory("labelbench-predict");
		try {
			Path specFile = work.resolve("spec.json");
			Path in = work.resolve("texts.jsonl");
			Path out = work.resolve("results.jsonl");
			Json.mapper().writeValue(specFile.toFile(), spec);
			try (var writer = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
				for (String text : texts) {
					ObjectNode line = Json.nodes().objectNode();
					line.put("text", text);
					writer.write(Json.mapper().writeValueAsString(line));
					writer.newLine();
				}
			}
			ProcessBuilder pb = new ProcessBuilder("sh", distribution.resolve("bin/labelbench-server").toString(),
					"predict", "--spec", specFile.toString(), "--in", in.toString(), "--out", out.toString());
			Path tmp = Files.createDirectories(work.resolve("tmp"));
			pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
			pb.environment().put("LABELBENCH_SERVER_HEAP", HEAP);
			pb.environment().put("LABELBENCH_SERVER_VMARGS", "-Djava.io.tmpdir=" + tmp);
			pb.environment().putAll(environment);
			pb.redirectErrorStream(true);
			pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			Process process = pb.start();
			Thread killer = new Thread(() -> kill(process), "predict-kill");
			Runtime.getRuntime().addShutdownHook(killer);
			List<String> errors = new ArrayList<>();
			try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(),
					StandardCharsets.UTF_8))) {
				String line;
				while ((line = log.readLine()) != null) {
					if (line.startsWith("ERROR ")) {
						errors.add(line.substring("ERROR ".length()));
					}
				}
				process.waitFor();
			} catch (InterruptedException e) {
				kill(process);
				Thread.currentThread().interrupt();
				throw new IOException("interrupted");
			} finally {
				try {
					Runtime.getRuntime().removeShutdownHook(killer);
				} catch (IllegalStateException e) {
					// shutting down: the hook runs
				}
			}
			if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
				throw new IOException(errors.isEmpty() ? "the server distribution's predict run failed (exit "
						+ process.exitValue() + ")" : String.join("; ", errors));
			}
			List<ObjectNode> results = new ArrayList<>(texts.size());
			for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
				JsonNode node = Json.mapper().readTree(line);
				if (!(node instanceof ObjectNode object)) {
					throw new IOException("the predict run wrote a line that is no result: " + line);
				}
				results.add(object);
			}
			if (results.size() != texts.size()) {
				throw new IOException("the predict run answered " + results.size() + " of " + texts.size() + " texts");
			}
			return results;
		} finally {
			Folders.deleteTree(work);
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
