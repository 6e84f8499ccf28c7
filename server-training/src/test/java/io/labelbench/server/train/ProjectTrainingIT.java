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

import io.labelbench.server.data.ClinicalGenerator;
import io.labelbench.server.data.ClinicalGenerator.AssertedSample;
import io.labelbench.server.data.NerCorpus;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyGenerator;
import io.labelbench.server.data.PosologyRelationGenerator;
import io.labelbench.server.data.PosologyRelationGenerator.RelationSample;
import io.labelbench.server.http.ServerIT;
import io.labelbench.server.nlp.SavedModel;

/**
 * The training JVM of the server distribution ({@code labelbench-server train}) on posology data laid out as the
 * workbench exports it: killed with SIGKILL mid-run it leaves no result; a rerun prints one line per epoch with a
 * falling loss, saves a model that names its labels, and its predictions on unseen sentences beat a dictionary of
 * the training entities. Assertion and relation models fit on rows laid out as the workbench exports them, print
 * their iterations, are saved as the build's models are, and beat an untrained baseline on held-out sentences.
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

	/** A project's assertion model from its completions: iteration lines, the build's layout, beats "present". */
	@Test
	void anAssertionModelFromCompletionsBeatsTheMostFrequentStatus() throws Exception {
		Path work = Files.createTempDirectory("assertion-it");
		try {
			ClinicalGenerator generator = new ClinicalGenerator();
			List<AssertedSample> train = generator.generateAsserted(42, 400, Variant.TRAIN);
			List<AssertedSample> test = generator.generateAsserted(99, 100, Variant.HELDOUT);
			Path data = Files.createDirectories(work.resolve("data"));
			StringBuilder rows = new StringBuilder();
			for (AssertedSample s : train) {
				rows.append(JSON.writeValueAsString(row(s.sample(), s.statuses()))).append('\n');
			}
			Files.writeString(data.resolve("train.jsonl"), rows);
			writeTests(data, test.stream().map(AssertedSample::sample).toList());
			List<String> statuses = ClinicalGenerator.STATUSES.stream().filter(st -> !st.equals("present")).toList();
			ObjectNode description = JSON.createObjectNode().put("type", "assertion").put("fromName", "label")
					.put("toName", "text");
			description.set("labels", JSON.valueToTree(statuses));
			description.set("entityLabels", JSON.valueToTree(ClinicalGenerator.LABELS));
			Files.writeString(data.resolve("data.json"), JSON.writeValueAsString(description));

			String log = trainInContext(work, data);
			Path model = work.resolve("out/result/model");
			SavedModel saved = SavedModel.read(model);
			assertEquals(SavedModel.Kind.ASSERTION, saved.kind());
			assertEquals(new TreeSet<>(ClinicalGenerator.STATUSES), new TreeSet<>(saved.labels()), log);

			int right = 0;
			int total = 0;
			Map<String, Integer> goldCounts = new java.util.TreeMap<>();
			List<String> lines = Files.readAllLines(work.resolve("out/result/test-predictions.jsonl"));
			assertEquals(test.size(), lines.size());
			for (int t = 0; t < test.size(); t++) {
				Map<String, String> predicted = new java.util.HashMap<>();
				for (JsonNode region : JSON.readTree(lines.get(t)).get("result")) {
					String label = region.at("/value/labels/0").asText();
					if (statuses.contains(label)) {
						predicted.put(region.at("/value/start").asInt() + ":" + region.at("/value/end").asInt(), label);
					}
				}
				List<Span> spans = test.get(t).sample().spans();
				for (int e = 0; e < spans.size(); e++) {
					String gold = test.get(t).statuses().get(e);
					goldCounts.merge(gold, 1, Integer::sum);
					total++;
					if (gold.equals(predicted.getOrDefault(spans.get(e).start() + ":" + spans.get(e).end(), "present"))) {
						right++;
					}
				}
			}
			double accuracy = (double) right / total;
			double majority = (double) goldCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / total;
			System.out.printf("assertion: test accuracy %.3f, most frequent status %.3f%n", accuracy, majority);
			assertTrue(accuracy > majority + 0.2, "model " + accuracy + " vs most frequent status " + majority);
		} finally {
			HubPublisher.deleteTree(work);
		}
	}

	/** A project's relation model: the build's metadata (head, entity labels), and it beats relating every pair. */
	@Test
	void aRelationModelFromCompletionsBeatsRelatingEveryPair() throws Exception {
		Path work = Files.createTempDirectory("relation-it");
		try {
			PosologyRelationGenerator generator = new PosologyRelationGenerator();
			List<RelationSample> train = generator.generate(42, 300, Variant.TRAIN);
			List<RelationSample> test = generator.generate(99, 100, Variant.HELDOUT);
			Path data = Files.createDirectories(work.resolve("data"));
			StringBuilder rows = new StringBuilder();
			for (RelationSample s : train) {
				ObjectNode row = row(s.sample(), null);
				var relations = row.putArray("relations");
				s.links().forEach(l -> relations.addObject().put("from", l.from()).put("to", l.to()).put("label",
						l.label()));
				rows.append(JSON.writeValueAsString(row)).append('\n');
			}
			Files.writeString(data.resolve("train.jsonl"), rows);
			writeTests(data, test.stream().map(RelationSample::sample).toList());
			List<String> entityLabels = new ArrayList<>(List.of(PosologyRelationGenerator.HEAD));
			entityLabels.addAll(PosologyRelationGenerator.ATTRIBUTES);
			ObjectNode description = JSON.createObjectNode().put("type", "relation").put("fromName", "label")
					.put("toName", "text").put("headLabel", PosologyRelationGenerator.HEAD);
			description.set("labels", JSON.valueToTree(PosologyRelationGenerator.RELATIONS));
			description.set("entityLabels", JSON.valueToTree(entityLabels));
			Files.writeString(data.resolve("data.json"), JSON.writeValueAsString(description));

			String log = trainInContext(work, data);
			String metadata = Files.readString(work.resolve("out/result/model/metadata/part-00000"));
			assertTrue(metadata.contains("\"class\":\"io.labelbench.server.nlp.clinical.RelationModel\"")
					&& metadata.contains("\"headLabel\":\"DRUG\"") && metadata.contains("\"no_relation\""), metadata);
			assertEquals(SavedModel.Kind.RELATION, SavedModel.read(work.resolve("out/result/model")).kind(), log);

			List<String> lines = Files.readAllLines(work.resolve("out/result/test-predictions.jsonl"));
			int tp = 0, fp = 0, fn = 0, everyPairTp = 0, everyPairFp = 0;
			for (int t = 0; t < test.size(); t++) {
				Set<String> gold = new HashSet<>();
				test.get(t).links().forEach(l -> gold.add("e" + (l.from() + 1) + ">e" + (l.to() + 1) + " " + l.label()));
				Set<String> predicted = new HashSet<>();
				for (JsonNode region : JSON.readTree(lines.get(t)).get("result")) {
					if (region.path("type").asText().equals("relation")) {
						predicted.add(region.path("from_id").asText() + ">" + region.path("to_id").asText() + " "
								+ region.at("/labels/0").asText());
					}
				}
				for (String p : predicted) {
					if (gold.contains(p)) {
						tp++;
					} else {
						fp++;
					}
				}
				fn += (int) gold.stream().filter(g -> !predicted.contains(g)).count();
				List<Span> spans = test.get(t).sample().spans();
				for (int h = 0; h < spans.size(); h++) {
					for (int a = 0; a < spans.size(); a++) {
						if (spans.get(h).label().equals(PosologyRelationGenerator.HEAD)
								&& PosologyRelationGenerator.ATTRIBUTES.contains(spans.get(a).label())) {
							if (gold.contains("e" + (h + 1) + ">e" + (a + 1) + " DRUG-" + spans.get(a).label())) {
								everyPairTp++;
							} else {
								everyPairFp++;
							}
						}
					}
				}
			}
			double f1 = 2.0 * tp / (2 * tp + fp + fn);
			int goldTotal = tp + fn;
			double everyPairF1 = 2.0 * everyPairTp / (everyPairTp + everyPairFp + goldTotal);
			System.out.printf("relation: test F1 %.3f, relating every pair %.3f%n", f1, everyPairF1);
			assertTrue(f1 > everyPairF1 + 0.1 && f1 > 0.8, "model " + f1 + " vs every pair " + everyPairF1);
		} finally {
			HubPublisher.deleteTree(work);
		}
	}

	/** An exported row: the text and its entities (with their statuses when given). */
	private static ObjectNode row(Sample sample, List<String> statuses) {
		ObjectNode row = JSON.createObjectNode().put("text", sample.text());
		var entities = row.putArray("entities");
		for (int e = 0; e < sample.spans().size(); e++) {
			Span span = sample.spans().get(e);
			ObjectNode entity = entities.addObject().put("start", span.start()).put("end", span.end())
					.put("label", span.label()).put("fromName", "label");
			if (statuses != null) {
				entity.put("status", statuses.get(e));
			}
		}
		return row;
	}

	private static void writeTests(Path data, List<Sample> test) throws Exception {
		StringBuilder tests = new StringBuilder();
		for (int i = 0; i < test.size(); i++) {
			ObjectNode line = row(test.get(i), null);
			ObjectNode withId = JSON.createObjectNode().put("id", i);
			withId.setAll(line);
			tests.append(JSON.writeValueAsString(withId)).append('\n');
		}
		Files.writeString(data.resolve("test.jsonl"), tests);
	}

	/** Runs the training JVM (30 iterations, no embeddings); checks its iteration lines and closing line. */
	private static String trainInContext(Path work, Path data) throws Exception {
		ProcessBuilder pb = new ProcessBuilder("sh",
				Path.of(System.getProperty("labelbench.server.dist"), "bin/labelbench-server").toString(), "train",
				"--data", data.toString(), "--out", work.resolve("out").toString(), "--epochs", "30");
		pb.environment().put("LABELBENCH_SERVER_HEAP", "1g");
		Path logFile = work.resolve("train.log");
		pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
		Process process = pb.start();
		try {
			assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the training JVM did not finish");
		} finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		String log = Files.readString(logFile);
		assertEquals(0, process.exitValue(), log);
		List<JsonNode> iterations = new ArrayList<>();
		JsonNode done = null;
		for (String line : log.split("\n")) {
			if (line.startsWith("{\"event\":\"epoch\"")) {
				iterations.add(JSON.readTree(line));
			} else if (line.startsWith("{\"event\":\"done\"")) {
				done = JSON.readTree(line);
			}
		}
		assertTrue(iterations.size() >= 5 && iterations.size() <= 31, log);
		assertTrue(iterations.get(iterations.size() - 1).get("loss").asDouble() < iterations.get(0).get("loss")
				.asDouble(), log);
		assertTrue(done != null && done.at("/parameters/iterations").asInt() == 30, log);
		return log;
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
