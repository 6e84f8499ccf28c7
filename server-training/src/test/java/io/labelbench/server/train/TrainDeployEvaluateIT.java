package io.labelbench.server.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyGenerator;

/**
 * The loop a project goes through, with the {@code labelbench} commands a user types (each in a JVM of its own,
 * {@link LabelbenchMain}) and real
 * training and server JVMs: generated posology projects with hundreds of submitted completions and test-tagged
 * tasks; a project trains while another one is pre-annotated; the trained model is in the hub with its metrics,
 * deployed into the config, pre-annotates the test tasks, and {@code evaluate} scores it above dictionary rules.
 */
class TrainDeployEvaluateIT {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String EPOCHS = "4";

	private Path work;
	private Process background;

	@BeforeEach
	void hub() throws Exception {
		work = Files.createTempDirectory("train-deploy-it");
		String mirror = System.getProperty("labelbench.hub.mirror");
		for (String model : List.of(BuildModels.EMBEDDINGS, "ner_posology_labelbench")) {
			labelbench("hub", "download", model, "--hub", mirror);
		}
	}

	@AfterEach
	void stop() throws Exception {
		try {
			if (background != null) {
				background.descendants().forEach(ProcessHandle::destroyForcibly);
				background.destroyForcibly();
				background.waitFor(30, TimeUnit.SECONDS);
			}
			for (String line : labelbench("server", "list").split("\n")) {
				if (!line.isBlank()) {
					labelbench("server", "stop", line.split("\t")[0]);
				}
			}
		} finally {
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	@Test
	void aTrainedModelDeployedAndPreannotatingScoresAboveDictionaryRulesOnTheTestTasks() throws Exception {
		PosologyGenerator generator = new PosologyGenerator();
		List<Sample> train = generator.generate(42, 300, Variant.TRAIN);
		List<Sample> test = generator.generate(99, 60, Variant.HELDOUT);
		Path folder = project("ward notes", train, test, null);

		// the untrained baseline: a dictionary rule per label of every entity the annotators marked
		Map<String, Set<String>> terms = new LinkedHashMap<>();
		for (Sample sample : train) {
			for (Span span : sample.spans()) {
				terms.computeIfAbsent(span.label(), l -> new TreeSet<>())
						.add(sample.text().substring(span.start(), span.end()));
			}
		}
		ArrayNode rules = JSON.createArrayNode();
		terms.forEach((label, words) -> {
			ObjectNode rule = rules.addObject().put("name", label.toLowerCase() + "_terms").put("label", label)
					.put("type", "dictionary");
			words.forEach(rule.putArray("terms")::add);
		});
		Files.createDirectories(folder.resolve("rules"));
		Files.writeString(folder.resolve("rules/training-terms.json"), JSON.writeValueAsString(rules));
		labelbench("preannotate", "--project", folder.toString(), "--rules", "--tasks", testIds(train, test));
		double baseline = f1(evaluate(folder, "rules"));
		// a server deployed for the project runs its rules too: the trained model is compared alone
		Files.delete(folder.resolve("rules/training-terms.json"));

		String trained = labelbench("train", "--project", folder.toString(), "--type", "ner", "--epochs", EPOCHS,
				"--deploy");
		assertTrue(trained.contains("published ward_notes_ner v1"), trained);
		JsonNode metrics = published("ward_notes_ner").path("metrics");
		assertEquals(test.size(), metrics.path("testTasks").asInt(), metrics.toString());
		assertEquals(new TreeSet<>(PosologyGenerator.LABELS), names(metrics.path("spans").path("exact").path("labels")));
		assertTrue(metrics.path("f1").asDouble() > 0, metrics.toString());
		String config = Files.readString(folder.resolve("labeling-config.xml"));
		assertEquals(PosologyGenerator.LABELS.size(), config.split("model=\"ward_notes_ner\"", -1).length - 1,
				"deployed into the config:\n" + config);

		labelbench("preannotate", "--project", folder.toString(), "--deploy", "--tasks", testIds(train, test));
		JsonNode report = evaluate(folder, "ward_notes_ner");
		double modelF1 = f1(report);
		System.out.printf("evaluate on %d test tasks: trained model F1 %.3f, dictionary rules F1 %.3f%n",
				report.path("tasks").path("evaluated").asInt(), modelF1, baseline);
		assertEquals(test.size(), report.path("tasks").path("evaluated").asInt(), report.toString());
		assertEquals(metrics.path("f1").asDouble(), modelF1, 0.01,
				"evaluate agrees with the scores the training published");
		assertTrue(modelF1 > baseline + 0.05, "trained " + modelF1 + " vs dictionary rules " + baseline);
	}

	@Test
	void oneProjectTrainsWhileAnotherIsPreannotatedAndBothResultsAreRight() throws Exception {
		PosologyGenerator generator = new PosologyGenerator();
		Path training = project("training side", generator.generate(7, 200, Variant.TRAIN),
				generator.generate(8, 30, Variant.HELDOUT), null);
		List<Sample> gold = generator.generate(11, 150, Variant.HELDOUT);
		Path annotated = project("annotated side", List.of(), gold, "ner_posology_labelbench");

		Path trainLog = work.resolve("train.out");
		background = new ProcessBuilder(command("train", "--project", training.toString(), "--type", "ner",
				"--epochs", "3")).redirectErrorStream(true).redirectOutput(trainLog.toFile()).start();
		// pre-annotation starts while the training JVM runs
		long deadline = System.currentTimeMillis() + 120_000;
		while (!trainingJvmRunning() && background.isAlive()) {
			assertTrue(System.currentTimeMillis() < deadline, "no training JVM started");
			Thread.sleep(200);
		}
		assertTrue(background.isAlive(), "the training ended before pre-annotation began:\n" + Files.readString(trainLog));
		String preannotated = labelbench("preannotate", "--project", annotated.toString(), "--deploy");
		boolean overlapped = background.isAlive();
		assertTrue(background.waitFor(10, TimeUnit.MINUTES));
		String trainedOutput = Files.readString(trainLog);
		assertEquals(0, background.exitValue(), trainedOutput);

		assertTrue(overlapped, "pre-annotation finished after the training: they did not run side by side");
		assertTrue(preannotated.contains(gold.size() + " tasks done, 0 skipped, 0 failed"), preannotated);
		assertTrue(trainedOutput.contains("published training_side_ner v1"), trainedOutput);
		JsonNode report = evaluate(annotated, "ner_posology_labelbench");
		assertEquals(gold.size(), report.path("tasks").path("evaluated").asInt());
		assertTrue(f1(report) > 0.8, "pre-annotation beside a training: F1 " + f1(report) + " (the build publishes 0.87)");
		JsonNode model = published("training_side_ner");
		assertEquals(30, model.path("metrics").path("testTasks").asInt());
		assertTrue(model.path("metrics").path("f1").asDouble() > 0.5, model.toString());
	}

	/** The hub metadata line the model cache holds for a model (its only version). */
	private JsonNode published(String name) throws IOException {
		try (Stream<Path> folders = Files.list(work.resolve("models"))) {
			for (Path folder : (Iterable<Path>) folders::iterator) {
				Path entry = folder.resolve(".labelbench-entry.json");
				if (Files.isRegularFile(entry) && JSON.readTree(entry.toFile()).path("name").asText().equals(name)) {
					return JSON.readTree(entry.toFile());
				}
			}
		}
		throw new AssertionError(name + " is not in the model cache");
	}

	/** Whether a training JVM of this test runs: its work folder in the model cache has a pid. */
	private boolean trainingJvmRunning() throws IOException {
		Path builds = work.resolve("models").resolve(".training");
		if (!Files.isDirectory(builds)) {
			return false;
		}
		try (var runs = Files.list(builds)) {
			return runs.anyMatch(run -> Files.exists(run.resolve("pid")));
		}
	}

	private Path project(String name, List<Sample> train, List<Sample> test, String model) throws IOException {
		return GeneratedProject.write(work.resolve(name), train, test, model);
	}

	private static String testIds(List<Sample> train, List<Sample> test) {
		return GeneratedProject.testIds(train.size(), test.size());
	}

	private JsonNode evaluate(Path project, String model) throws IOException, InterruptedException {
		Path out = work.resolve("report-" + model + ".json");
		labelbench("evaluate", "--project", project.toString(), "--model", model, "--out", out.toString());
		return JSON.readTree(out.toFile());
	}

	private static double f1(JsonNode report) {
		return report.path("spans").path("exact").path("micro").path("f1").asDouble();
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new TreeSet<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private List<String> command(String... args) {
		return LabelbenchMain.command(List.of("-Dlabelbench.models.cache=" + work.resolve("models"),
				"-Dlabelbench.servers=" + work.resolve("servers"),
				"-Dlabelbench.server.dist=" + System.getProperty("labelbench.server.dist")), args);
	}

	/** Runs one {@code labelbench} command in a JVM of its own; fails with its output unless it exits 0. */
	private String labelbench(String... args) throws IOException, InterruptedException {
		Path out = Files.createTempFile(work, "out", ".txt");
		Path err = Files.createTempFile(work, "err", ".txt");
		Process process = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile())
				.start();
		try {
			assertTrue(process.waitFor(10, TimeUnit.MINUTES), "labelbench " + String.join(" ", args) + " hangs");
		} finally {
			process.destroyForcibly();
		}
		String output = Files.readString(out, StandardCharsets.UTF_8);
		assertEquals(0, process.exitValue(), "labelbench " + String.join(" ", args) + "\n" + output
				+ Files.readString(err, StandardCharsets.UTF_8));
		return output;
	}
}
