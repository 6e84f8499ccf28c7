package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;

/** The trainer's refusals, found before a JVM starts, and the epoch lines read as numbers. */
class TrainingPreflightTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;

	@BeforeEach
	void project() throws IOException {
		project = LabelbenchProject.create(dir.resolve("project"), "ana");
		Files.writeString(project.configFile(), "<View><Labels name=\"label\" toName=\"text\"><Label value=\"DRUG\"/>"
				+ "<Label value=\"DOSAGE\"/></Labels><Text name=\"text\" value=\"$text\"/></View>");
	}

	private void task(long id, String text, String... spans) throws IOException {
		String completions = spans.length == 0 ? "" : "{\"id\":1,\"submitted_at\":\"2026-11-01T10:00:00Z\",\"result\":["
				+ String.join(",", spans) + "]}";
		ObjectNode node = (ObjectNode) Json.mapper()
				.readTree("{\"id\":" + id + ",\"data\":{\"text\":\"" + text + "\"},\"completions\":[" + completions + "]}");
		project.tasks().create(new Task(node));
	}

	private static String span(int start, int end, String label) {
		return "{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":" + start
				+ ",\"end\":" + end + ",\"labels\":[\"" + label + "\"]}}";
	}

	private TrainingData.Exported check(Double split) throws Exception {
		return TrainingPreflight.check(project, LabelingConfig.read(project.configFile()), TrainingType.NER, split);
	}

	private List<Path> temporaryFolders() throws IOException {
		try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter(f -> f.getFileName().toString().startsWith("labelbench-preflight")).toList();
		}
	}

	@Test
	void aProjectWithoutCompletionsIsRefusedAndNothingIsLeftBehind() throws Exception {
		task(1, "Take aspirin");
		List<Path> before = temporaryFolders();
		TrainingException e = assertThrows(TrainingException.class, () -> check(null));
		assertTrue(e.getMessage().startsWith("no completions"), e.getMessage());
		assertEquals(before, temporaryFolders(), "the temporary export is gone");
	}

	@Test
	void oneLabelOnlyIsRefused() throws Exception {
		task(1, "Take aspirin", span(5, 12, "DRUG"));
		TrainingException e = assertThrows(TrainingException.class, () -> check(null));
		assertTrue(e.getMessage().startsWith("one label only"), e.getMessage());
	}

	@Test
	void aTrainableProjectIsSummed() throws Exception {
		task(1, "Take aspirin 81 mg", span(5, 12, "DRUG"), span(13, 18, "DOSAGE"));
		task(2, "Give ibuprofen 200 mg", span(5, 14, "DRUG"), span(15, 21, "DOSAGE"));
		TrainingData.Exported summary = check(null);
		assertEquals(List.of("DOSAGE", "DRUG"), summary.labels());
		assertEquals(2, summary.trainTasks());
		assertEquals(0, summary.testTasks());
		assertFalse(Files.exists(summary.folder()), "the export was temporary");
	}

	@Test
	void anEpochLineIsReadAsNumbers() throws Exception {
		TrainingEpoch epoch = TrainingEpoch.of(Json.mapper().readTree("{\"event\":\"epoch\",\"epoch\":2,\"epochs\":10,"
				+ "\"loss\":41.25,\"seconds\":3.5,\"validation\":{\"microF1\":0.61,\"macroF1\":0.5}}"));
		assertEquals(new TrainingEpoch(2, 10, 41.25, 3.5, null, 0.61, 0.5), epoch);
		assertTrue(epoch.validated());
		TrainingEpoch plain = TrainingEpoch.of(Json.mapper()
				.readTree("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":3,\"loss\":9,\"seconds\":1,\"accuracy\":0.75}"));
		assertEquals(0.75, plain.accuracy());
		assertNull(plain.microF1());
		assertFalse(plain.validated());
	}
}
