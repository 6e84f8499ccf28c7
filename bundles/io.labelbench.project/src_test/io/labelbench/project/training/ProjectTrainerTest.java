package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.ServerRegistry;

/** What the trainer refuses before any JVM starts, and the model name it publishes under. */
class ProjectTrainerTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;
	private ModelCache cache;
	private ProjectTrainer trainer;

	@BeforeEach
	void setUp() throws IOException {
		project = LabelbenchProject.create(dir.resolve("My Notes"), "ana");
		Files.writeString(project.configFile(),
				"<View><Labels name=\"label\" toName=\"text\"><Label value=\"DRUG\"/></Labels>"
						+ "<Text name=\"text\" value=\"$text\"/></View>");
		cache = new ModelCache(Files.createDirectories(dir.resolve("models")));
		trainer = new ProjectTrainer(cache, dir.resolve("no-distribution"),
				new ServerRegistry(Files.createDirectories(dir.resolve("servers"))), ServerRegistry.Budget.DEFAULT);
	}

	private TrainingException refusal(String embeddings) {
		return assertThrows(TrainingException.class, () -> trainer.train(project,
				LabelingConfig.read(project.configFile()), TrainingType.NER, null,
				new ProjectTrainer.Parameters(embeddings, 1, null, null, null, null), new ProjectTrainer.Listener() {
					@Override
					public void epoch(com.fasterxml.jackson.databind.JsonNode event) {
					}

					@Override
					public void log(String line) {
					}
				}, () -> false));
	}

	@Test
	void withoutDownloadedEmbeddingsTrainingIsRefusedAndNothingIsLeftInTheCache() throws IOException {
		TrainingException e = refusal(null);
		assertTrue(e.getMessage().startsWith("embeddings not downloaded"), e.getMessage());
		try (var files = Files.list(cache.folder())) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void namedEmbeddingsThatAreNotInTheCacheAreNamedInTheRefusal() {
		TrainingException e = refusal("glove_100d");
		assertTrue(e.getMessage().startsWith("embeddings not downloaded: glove_100d"), e.getMessage());
	}

	@Test
	void theModelIsNamedAfterTheProjectFolderAndType() {
		assertEquals("my_notes_ner", ProjectTrainer.modelName(project, TrainingType.NER));
		assertEquals("my_notes_classification", ProjectTrainer.modelName(project, TrainingType.CLASSIFICATION));
	}

	/**
	 * The whole flow around the training JVM, with a stand-in for it that writes what the real one writes: an
	 * assertion model, its predictions on the test task and the closing line. The published entry carries the
	 * metrics, confusion, parameters and training-data hash; the next run publishes v2; the deployment fills the
	 * config's assertion labels.
	 */
	@Test
	void anAssertionModelIsPublishedWithItsMetricsAsTheNextVersion() throws Exception {
		assertionTrainingTasks();
		task(3, "No ibuprofen, heparin.", true, DRUG.formatted("d", 3, 12, "DRUG"), DRUG.formatted("e", 3, 12, "absent"),
				DRUG.formatted("f", 14, 21, "DRUG"));
		Path dist = Files.createDirectories(dir.resolve("dist/bin"));
		// the stand-in predicts "absent" for both test entities: one right, one wrong
		Files.writeString(dist.resolve("labelbench-server"), """
				while [ $# -gt 0 ]; do case $1 in --out) out=$2; shift;; esac; shift; done
				mkdir -p "$out/result/model/metadata"
				echo '{"class":"io.labelbench.server.nlp.clinical.AssertionModel","paramMap":{"classes":["absent","present"],"entityLabels":["DRUG"],"outcomes":["present","absent"]}}' > "$out/result/model/metadata/part-00000"
				echo '{"id":3,"result":[%s,%s,%s,%s]}' > "$out/result/test-predictions.jsonl"
				echo '{"event":"epoch","epoch":1,"epochs":1,"loss":0.5,"seconds":0.1,"examples":3}'
				echo '{"event":"done","parameters":{"iterations":100,"hashBuckets":65536,"regParam":0.0005}}'
				""".formatted(DRUG.formatted("e1", 3, 12, "DRUG"), DRUG.formatted("e2", 14, 21, "DRUG"),
				DRUG.formatted("s1", 3, 12, "absent"), DRUG.formatted("s2", 14, 21, "absent")));
		ProjectTrainer standIn = new ProjectTrainer(cache, dist.getParent(),
				new ServerRegistry(Files.createDirectories(dir.resolve("servers"))), ServerRegistry.Budget.DEFAULT);
		List<com.fasterxml.jackson.databind.JsonNode> epochs = new java.util.ArrayList<>();
		ProjectTrainer.Listener listener = new ProjectTrainer.Listener() {
			@Override
			public void epoch(com.fasterxml.jackson.databind.JsonNode event) {
				epochs.add(event);
			}

			@Override
			public void log(String line) {
			}
		};
		LabelingConfig config = LabelingConfig.read(project.configFile());
		ProjectTrainer.Result result = standIn.train(project, config, TrainingType.ASSERTION, null,
				ProjectTrainer.Parameters.DEFAULTS, listener, () -> false);
		assertEquals(1, epochs.size());
		assertEquals("my_notes_assertion", result.model().name());
		assertEquals(1, result.version());
		assertEquals("assertion", result.model().metadata().task());
		var entry = result.model().entry().json();
		assertEquals("AssertionModel", entry.path("annotator").asText());
		assertEquals(List.of("absent", "present"), List.of(entry.at("/labels/0").asText(), entry.at("/labels/1").asText()));
		assertEquals(result.data().hash(), entry.path("trainingDataHash").asText());
		assertEquals(100, entry.at("/parameters/iterations").asInt());
		assertEquals(0.5, entry.at("/metrics/accuracy").asDouble(), "absent right, present taken for absent");
		assertEquals(1, entry.at("/metrics/confusion/matrix/present/absent").asInt());
		assertEquals(0.5, entry.at("/metrics/precision").asDouble());
		assertEquals(1.0, entry.at("/metrics/recall").asDouble());
		assertEquals(1, entry.at("/metrics/assertion/regions/labels/absent/fp").asInt());
		assertFalse(entry.has("embeddings"), "an assertion model runs on no embeddings");

		// the run's log stays beside the model: the opening line, the JVM's output with its epoch, the closing line
		Path log = TrainingLog.of(result.model()).orElseThrow();
		assertEquals(result.model().folder().resolve(".labelbench-training.log"), log);
		List<String> lines = Files.readAllLines(log);
		assertTrue(lines.get(0).startsWith("training my_notes_assertion (assertion) of project "), lines.get(0));
		assertTrue(lines.contains("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":1,\"loss\":0.5,\"seconds\":0.1,\"examples\":3}"),
				lines.toString());
		assertTrue(lines.get(lines.size() - 1).matches("published my_notes_assertion v1 after \\d+\\.\\d s, scored on 1"
				+ " test tasks"), lines.toString());
		List<String> replayed = new java.util.ArrayList<>();
		TrainingLog.replay(log, new ProjectTrainer.Listener() {
			@Override
			public void epoch(com.fasterxml.jackson.databind.JsonNode event) {
				replayed.add("epoch " + event.path("epoch").asInt() + "/" + event.path("epochs").asInt());
			}

			@Override
			public void log(String line) {
				replayed.add(line.startsWith("training ") ? "opening" : line);
			}
		});
		assertEquals(List.of("opening", "epoch 1/1", lines.get(lines.size() - 1)), replayed);

		assertEquals(2, standIn.train(project, config, TrainingType.ASSERTION, null, ProjectTrainer.Parameters.DEFAULTS,
				listener, () -> false).version());
		ConfigDeployment.deploy(project, TrainingType.ASSERTION, result.data().fromName(), result.model().name(),
				result.data().labels());
		assertTrue(Files.readString(project.configFile()).contains(
				"<Label value=\"absent\" model=\"my_notes_assertion\" assertion=\"true\"/>"));
		try (var runs = Files.list(cache.buildFolder())) {
			assertEquals(0, runs.count(), "no work folder is left");
		}
	}

	/**
	 * A cancelled run and a failed one publish nothing and leave no work folder, but their logs stay in the cache's
	 * {@code .training-logs}, named in the message.
	 */
	@Test
	void aRunThatPublishesNothingLeavesItsLogWhereTheMessageSays() throws Exception {
		assertionTrainingTasks();
		Path dist = Files.createDirectories(dir.resolve("hanging/bin"));
		Files.writeString(dist.resolve("labelbench-server"), """
				echo 'loading the data'
				echo '{"event":"epoch","epoch":1,"epochs":50,"loss":0.9,"seconds":0.1,"examples":2}'
				while true; do sleep 1; done
				""");
		ProjectTrainer hanging = new ProjectTrainer(cache, dist.getParent(),
				new ServerRegistry(Files.createDirectories(dir.resolve("servers"))), ServerRegistry.Budget.DEFAULT);
		boolean[] epoch = { false };
		ProjectTrainer.Listener listener = new ProjectTrainer.Listener() {
			@Override
			public void epoch(com.fasterxml.jackson.databind.JsonNode event) {
				epoch[0] = true;
			}

			@Override
			public void log(String line) {
			}
		};
		LabelingConfig config = LabelingConfig.read(project.configFile());
		TrainingException cancelled = assertThrows(TrainingException.class, () -> hanging.train(project, config,
				TrainingType.ASSERTION, null, ProjectTrainer.Parameters.DEFAULTS, listener, () -> epoch[0]));
		Path log = cancelled.log().orElseThrow();
		assertEquals(cache.folder().resolve(".training-logs"), log.getParent());
		assertTrue(log.getFileName().toString().matches("my_notes_assertion-\\d{8}-\\d{6}-cancelled\\.log"),
				log.toString());
		assertEquals("training cancelled; nothing was published\nThe run's log: " + log, cancelled.getMessage());
		List<String> lines = Files.readAllLines(log);
		assertEquals(List.of("loading the data",
				"{\"event\":\"epoch\",\"epoch\":1,\"epochs\":50,\"loss\":0.9,\"seconds\":0.1,\"examples\":2}"),
				lines.subList(1, 3));
		assertEquals("training cancelled; nothing was published", lines.get(lines.size() - 1), "the log says how it ended");
		assertEquals(List.of(), cache.installed(), "nothing published");
		try (var runs = Files.list(cache.buildFolder())) {
			assertEquals(0, runs.count(), "no work folder is left");
		}

		Path failing = Files.createDirectories(dir.resolve("failing/bin"));
		Files.writeString(failing.resolve("labelbench-server"), """
				echo 'java.lang.OutOfMemoryError: Java heap space'
				exit 3
				""");
		TrainingException failed = assertThrows(TrainingException.class, () -> new ProjectTrainer(cache,
				failing.getParent(), new ServerRegistry(dir.resolve("servers")), ServerRegistry.Budget.DEFAULT)
				.train(project, config, TrainingType.ASSERTION, null, ProjectTrainer.Parameters.DEFAULTS, listener,
						() -> false));
		Path failedLog = failed.log().orElseThrow();
		assertTrue(failedLog.getFileName().toString().endsWith("-failed.log"), failedLog.toString());
		assertTrue(failed.getMessage().startsWith("the training JVM stopped with exit code 3."), failed.getMessage());
		assertTrue(failed.getMessage().endsWith("java.lang.OutOfMemoryError: Java heap space\nThe run's log: "
				+ failedLog), failed.getMessage());
		List<String> failedLines = Files.readAllLines(failedLog);
		assertEquals(List.of("java.lang.OutOfMemoryError: Java heap space",
				"the training JVM stopped with exit code 3. The end of its output:"),
				failedLines.subList(1, failedLines.size()));
		try (var logs = Files.list(TrainingLog.unpublishedFolder(cache))) {
			assertEquals(2, logs.count());
		}
	}

	@Test
	void onlyTheNewestLogsOfUnpublishedRunsAreKept() throws Exception {
		for (int i = 0; i < TrainingLog.UNPUBLISHED_KEPT + 3; i++) {
			Path log = Files.writeString(dir.resolve("run.log"), "run " + i);
			Path kept = TrainingLog.keepUnpublished(cache, log, "notes_ner", "failed");
			Files.setLastModifiedTime(kept, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
		}
		try (var logs = Files.list(TrainingLog.unpublishedFolder(cache))) {
			List<String> left = logs.map(p -> {
				try {
					return Files.readString(p);
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).sorted().toList();
			assertEquals(TrainingLog.UNPUBLISHED_KEPT, left.size());
			assertFalse(left.contains("run 0") || left.contains("run 1") || left.contains("run 2"), left.toString());
		}
	}

	/** A span result: its id, start, end and label. */
	private static final String DRUG = "{\"id\":\"%s\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\","
			+ "\"value\":{\"start\":%d,\"end\":%d,\"labels\":[\"%s\"]}}";

	/** An assertion config and two training tasks: a drug that is absent, and one without status. */
	private void assertionTrainingTasks() throws IOException {
		Files.writeString(project.configFile(), """
				<View><Labels name="label" toName="text"><Label value="DRUG"/><Label value="absent" assertion="true"/>
				</Labels><Text name="text" value="$text"/></View>""");
		task(1, "No aspirin.", false, DRUG.formatted("a", 3, 10, "DRUG"), DRUG.formatted("b", 3, 10, "absent"));
		task(2, "Aspirin daily.", false, DRUG.formatted("c", 0, 7, "DRUG"));
	}

	private void task(long id, String text, boolean test, String... regions) throws IOException {
		Files.writeString(project.folder().resolve("tasks/" + id + ".json"), "{\"id\":" + id + (test
				? ",\"tags\":[\"test\"]" : "") + ",\"data\":{\"text\":\"" + text + "\"},\"completions\":[{\"id\":1,"
				+ "\"submitted_at\":\"2026-11-01T10:00:00Z\",\"result\":[" + String.join(",", regions) + "]}]}");
	}
}
