package io.labelbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.LabelbenchProject;

/** {@code labelbench train}: what it refuses before training, with exit 2 and one line; its epoch lines. */
class TrainCommandTest {

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();
	private Path project;
	private Path cache;

	@BeforeEach
	void project() throws IOException {
		project = LabelbenchProject.create(dir.resolve("notes"), "ana").folder();
		Files.writeString(project.resolve(LabelbenchProject.CONFIG_FILE),
				"<View><Labels name=\"label\" toName=\"text\"><Label value=\"DRUG\"/><Label value=\"DOSAGE\"/></Labels>"
						+ "<Text name=\"text\" value=\"$text\"/></View>");
		cache = Files.createDirectories(dir.resolve("models"));
		System.setProperty("labelbench.server.dist", Files.createDirectories(dir.resolve("dist/bin")).getParent()
				.toString());
		Files.writeString(dir.resolve("dist/bin/labelbench-server"), "exit 1\n");
	}

	@org.junit.jupiter.api.AfterEach
	void forgetTheDistribution() {
		System.clearProperty("labelbench.server.dist");
	}

	@Test
	void aTypeIsRequiredAndAnUnknownOneIsNamed() {
		assertEquals(2, cli.run("train", "--project", project.toString()));
		assertTrue(cli.err().contains("--type ner, classification, assertion or relation"), cli.err());
		assertEquals(2, cli.run("train", "--project", project.toString(), "--type", "pos"));
		assertTrue(cli.err().contains("unknown training type 'pos'"), cli.err());
	}

	@Test
	void badParametersAreRefusedBeforeAnythingRuns() {
		assertEquals(2, cli.run("train", "--project", project.toString(), "--type", "ner", "--epochs", "0"));
		assertTrue(cli.err().contains("--epochs takes a whole number above 0, not '0'"), cli.err());
		assertEquals(2, cli.run("train", "--project", project.toString(), "--type", "ner", "--dropout", "1.5"));
		assertTrue(cli.err().contains("--dropout takes a number from 0 and below 1, not '1.5'"), cli.err());
	}

	@Test
	void withoutEmbeddingsInTheCacheTrainingIsRefused() {
		assertEquals(2, cli.run("train", "--project", project.toString(), "--type", "ner", "--cache", cache.toString()));
		assertTrue(cli.err().startsWith("labelbench: train: embeddings not downloaded"), cli.err());
	}

	@Test
	void exportWritesTheTrainingDataAndTrainsNothing() throws IOException {
		Files.writeString(project.resolve("tasks/1.json"), "{\"id\":1,\"data\":{\"text\":\"Aspirin 5 mg.\"},"
				+ "\"completions\":[{\"id\":1,\"submitted_at\":\"2026-11-01T10:00:00Z\",\"result\":["
				+ "{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":0,"
				+ "\"end\":7,\"labels\":[\"DRUG\"]}},{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":"
				+ "\"labels\",\"value\":{\"start\":8,\"end\":12,\"labels\":[\"DOSAGE\"]}}]}]}");
		Path export = dir.resolve("export");
		assertEquals(0, cli.run("train", "--project", project.toString(), "--type", "ner", "--export", export.toString()),
				cli.err());
		assertTrue(cli.out().startsWith("exported 1 examples of 1 tasks and 0 test tasks"), cli.out());
		assertTrue(Files.readString(export.resolve("train.conll")).contains("Aspirin -X- -X- B-DRUG"));
		try (var files = Files.list(cache)) {
			assertEquals(0, files.count(), "nothing trained, nothing published");
		}
	}

	@Test
	void anEpochLineHasLossTimeAndValidationScores() throws IOException {
		JsonNode event = Json.mapper().readTree("{\"event\":\"epoch\",\"epoch\":2,\"epochs\":3,\"loss\":39.34,"
				+ "\"seconds\":2.7,\"validation\":{\"macroF1\":0.993,\"microF1\":0.987}}");
		assertEquals("epoch 2/3: loss 39.3400, 2.7 s, validation F1 0.987 micro, 0.993 macro",
				TrainCommand.epochLine(event));
		assertTrue(TrainCommand.printed(event));
	}

	@Test
	void ofALogisticRegressionsIterationsAboutTenArePrintedTheLastIncluded() throws IOException {
		java.util.List<Integer> printed = new java.util.ArrayList<>();
		for (int i = 1; i <= 37; i++) {
			JsonNode event = Json.mapper().readTree("{\"event\":\"epoch\",\"epoch\":" + i + ",\"epochs\":37,"
					+ "\"loss\":0.5,\"seconds\":0.1,\"examples\":120}");
			if (TrainCommand.printed(event)) {
				printed.add(i);
			}
		}
		assertEquals(java.util.List.of(4, 8, 12, 16, 20, 24, 28, 32, 36, 37), printed);
		assertEquals("iteration 37/37: loss 0.5000, 0.1 s", TrainCommand.epochLine(Json.mapper().readTree(
				"{\"event\":\"epoch\",\"epoch\":37,\"epochs\":37,\"loss\":0.5,\"seconds\":0.1,\"examples\":120}")));
	}

	@Test
	void assertionTrainingRefusesParametersThatDoNotApply() {
		assertEquals(2, cli.run("train", "--project", project.toString(), "--type", "assertion", "--dropout", "0.2",
				"--cache", cache.toString()));
		assertTrue(cli.err().contains("dropout does not apply; it takes the number of iterations"), cli.err());
	}

	/** An assertion project of two training tasks and one test task, trained by a stand-in for the training JVM. */
	private void assertionProject(String standIn) throws IOException {
		Files.writeString(project.resolve(LabelbenchProject.CONFIG_FILE), "<View><Labels name=\"label\" toName=\"text\">"
				+ "<Label value=\"DRUG\"/><Label value=\"absent\" assertion=\"true\"/></Labels>"
				+ "<Text name=\"text\" value=\"$text\"/></View>");
		String drug = "{\"id\":\"%s\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\","
				+ "\"value\":{\"start\":%d,\"end\":%d,\"labels\":[\"%s\"]}}";
		task(1, "No aspirin.", false, drug.formatted("a", 3, 10, "DRUG"), drug.formatted("b", 3, 10, "absent"));
		task(2, "Aspirin daily.", false, drug.formatted("c", 0, 7, "DRUG"));
		task(3, "No heparin.", true, drug.formatted("d", 3, 10, "DRUG"), drug.formatted("e", 3, 10, "absent"));
		Files.writeString(dir.resolve("dist/bin/labelbench-server"), standIn);
	}

	private void task(long id, String text, boolean test, String... regions) throws IOException {
		Files.writeString(project.resolve("tasks/" + id + ".json"), "{\"id\":" + id + (test ? ",\"tags\":[\"test\"]"
				: "") + ",\"data\":{\"text\":\"" + text + "\"},\"completions\":[{\"id\":1,\"submitted_at\":"
				+ "\"2026-11-01T10:00:00Z\",\"result\":[" + String.join(",", regions) + "]}]}");
	}

	@Test
	void theClosingLinesSayWhereTheTrainingLogIs() throws IOException {
		assertionProject("""
				while [ $# -gt 0 ]; do case $1 in --out) out=$2; shift;; esac; shift; done
				mkdir -p "$out/result/model/metadata"
				echo '{"class":"io.labelbench.server.nlp.clinical.AssertionModel","paramMap":{"classes":["absent","present"],"entityLabels":["DRUG"],"outcomes":["present","absent"]}}' > "$out/result/model/metadata/part-00000"
				echo '{"id":3,"result":[]}' > "$out/result/test-predictions.jsonl"
				echo 'fitting 2 examples'
				echo '{"event":"epoch","epoch":1,"epochs":1,"loss":0.5,"seconds":0.1,"examples":2}'
				echo '{"event":"done","parameters":{"iterations":1}}'
				""");
		assertEquals(0, cli.run("train", "--project", project.toString(), "--type", "assertion", "--cache",
				cache.toString()), cli.err());
		String[] lines = cli.out().strip().split("\n");
		String last = lines[lines.length - 1];
		assertTrue(last.matches("training log: " + java.util.regex.Pattern.quote(cache.toString())
				+ "/[^/]+/\\.labelbench-training\\.log"), cli.out());
		String log = Files.readString(Path.of(last.substring("training log: ".length())));
		assertTrue(log.contains("fitting 2 examples\n{\"event\":\"epoch\",\"epoch\":1,"), log);
	}

	@Test
	void aFailedTrainingNamesItsLog() throws IOException {
		assertionProject("echo 'Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space'\nexit 1\n");
		assertEquals(2, cli.run("train", "--project", project.toString(), "--type", "assertion", "--cache",
				cache.toString()));
		String prefix = "The run's log: " + cache.resolve(".training-logs").resolve("notes_assertion-");
		assertTrue(cli.err().lines().anyMatch(l -> l.startsWith(prefix) && l.endsWith("-failed.log")), cli.err());
		assertTrue(cli.err().contains("java.lang.OutOfMemoryError: Java heap space"), cli.err());
	}
}
