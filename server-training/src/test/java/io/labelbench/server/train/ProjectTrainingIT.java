package io.labelbench.server.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.server.data.NerCorpus;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyGenerator;
import io.labelbench.server.http.ServerIT;
import io.labelbench.server.nlp.SavedModel;

/**
 * The training JVM of the server distribution ({@code labelbench-server train}) on posology data laid out as the
 * workbench exports it: killed with SIGKILL mid-run it leaves no result; a rerun prints one line per epoch with a
 * falling loss, saves a model that names its labels, and its predictions on unseen sentences beat a dictionary of
 * the training entities.
 */
class ProjectTrainingIT {
	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void aKilledRunLeavesNothingAndARerunTrainsAModelThatBeatsADictionary() throws Exception {
		Path work = Files.createTempDirectory("training-it");
		Map<String, Path> models = ServerIT.unzipMirror(work.resolve("models"));
		PosologyGenerator generator = new PosologyGenerator();
		List<Sample> train = generator.generate(42, 300, Variant.TRAIN);
		List<Sample> test = generator.generate(99, 100, Variant.HELDOUT);
		Path data = Files.createDirectories(work.resolve("data"));
		NerCorpus.writeConll(train, data.resolve("train.conll"));
		StringBuilder tests = new StringBuilder();
		for (int i = 0; i < test.size(); i++) {
			tests.append(JSON.writeValueAsString(JSON.createObjectNode().put("id", i).put("text", test.get(i).text())))
					.append('\n');
		}
		Files.writeString(data.resolve("test.jsonl"), tests);
		ObjectNode description = JSON.createObjectNode().put("type", "ner").put("fromName", "label").put("toName",
				"text");
		Files.writeString(data.resolve("data.json"), JSON.writeValueAsString(description));
		Path out = work.resolve("out");
		Path embeddings = models.get(BuildModels.EMBEDDINGS);

		Process killed = start(data, embeddings, out, work.resolve("killed.log"));
		long deadline = System.currentTimeMillis() + 300_000;
		while (!Files.readString(work.resolve("killed.log")).contains("\"event\":\"epoch\"")) {
			assertTrue(killed.isAlive() && System.currentTimeMillis() < deadline,
					"no epoch line:\n" + Files.readString(work.resolve("killed.log")));
			Thread.sleep(200);
		}
		killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
		killed.waitFor(30, TimeUnit.SECONDS);
		assertFalse(Files.exists(out.resolve("result")), "a killed run left a result");

		long started = System.nanoTime();
		Process rerun = start(data, embeddings, out, work.resolve("rerun.log"));
		assertTrue(rerun.waitFor(10, TimeUnit.MINUTES));
		double seconds = (System.nanoTime() - started) / 1e9;
		String log = Files.readString(work.resolve("rerun.log"));
		assertEquals(0, rerun.exitValue(), log);
		List<JsonNode> epochs = new ArrayList<>();
		for (String line : log.split("\n")) {
			if (line.startsWith("{\"event\":\"epoch\"")) {
				epochs.add(JSON.readTree(line));
			}
		}
		assertEquals(3, epochs.size(), log);
		assertTrue(epochs.get(2).get("loss").asDouble() < epochs.get(0).get("loss").asDouble(), log);
		assertTrue(epochs.get(0).path("validation").has("microF1"), "validation scores per epoch:\n" + log);

		Path result = out.resolve("result");
		assertEquals(new TreeSet<>(PosologyGenerator.LABELS), new TreeSet<>(SavedModel.read(result.resolve("model"))
				.labels()));
		double modelF1 = f1(test, predictions(result.resolve("test-predictions.jsonl")));
		double dictionaryF1 = f1(test, dictionary(train, test));
		System.out.printf("training JVM %.1f s; test F1 %.3f, dictionary of training entities %.3f%n", seconds, modelF1,
				dictionaryF1);
		assertTrue(modelF1 > dictionaryF1 + 0.1, "model " + modelF1 + " vs dictionary " + dictionaryF1);
	}

	private static Process start(Path data, Path embeddings, Path out, Path log) throws Exception {
		ProcessBuilder pb = new ProcessBuilder("sh",
				Path.of(System.getProperty("labelbench.server.dist"), "bin/labelbench-server").toString(), "train",
				"--data", data.toString(), "--embeddings", embeddings.toString(), "--out", out.toString(), "--epochs",
				"3", "--validation-split", "0.1");
		pb.environment().put("LABELBENCH_SERVER_HEAP", "1g");
		pb.redirectErrorStream(true).redirectOutput(log.toFile());
		return pb.start();
	}

	private static List<Set<Span>> predictions(Path file) throws Exception {
		List<Set<Span>> all = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
			for (String line; (line = in.readLine()) != null;) {
				Set<Span> spans = new HashSet<>();
				for (JsonNode region : JSON.readTree(line).get("result")) {
					JsonNode v = region.get("value");
					spans.add(new Span(v.get("start").asInt(), v.get("end").asInt(), v.get("labels").get(0).asText()));
				}
				all.add(spans);
			}
		}
		return all;
	}

	/** The untrained baseline: every training entity's words, found again by exact text. */
	private static List<Set<Span>> dictionary(List<Sample> train, List<Sample> test) {
		Map<String, String> terms = new java.util.HashMap<>();
		for (Sample s : train) {
			for (Span span : s.spans()) {
				terms.putIfAbsent(s.text().substring(span.start(), span.end()), span.label());
			}
		}
		List<Set<Span>> all = new ArrayList<>();
		for (Sample s : test) {
			Set<Span> spans = new HashSet<>();
			terms.forEach((term, label) -> {
				for (int i = s.text().indexOf(term); i >= 0; i = s.text().indexOf(term, i + 1)) {
					spans.add(new Span(i, i + term.length(), label));
				}
			});
			all.add(spans);
		}
		return all;
	}

	private static double f1(List<Sample> gold, List<Set<Span>> predicted) {
		int tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < gold.size(); i++) {
			Set<Span> g = new HashSet<>(gold.get(i).spans());
			for (Span p : predicted.get(i)) {
				if (g.contains(p)) {
					tp++;
				} else {
					fp++;
				}
			}
			for (Span s : g) {
				if (!predicted.get(i).contains(s)) {
					fn++;
				}
			}
		}
		double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}
}
