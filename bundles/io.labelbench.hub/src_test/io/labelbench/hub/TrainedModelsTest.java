package io.labelbench.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/** The versions and held-out scores of trained models, read back from what publishing wrote. */
class TrainedModelsTest {

	@TempDir
	Path dir;

	/** The metrics as the project trainer writes them (core.eval's Metrics JSON plus the summary fields). */
	static final String METRICS = "{\"testTasks\":40,\"precision\":0.8,\"recall\":0.667,\"f1\":0.727,"
			+ "\"spans\":{\"exact\":{\"labels\":{\"DOSAGE\":{\"precision\":0.5,\"recall\":0.5,\"f1\":0.5,\"support\":2,"
			+ "\"tp\":1,\"fp\":1,\"fn\":1},\"DRUG\":{\"precision\":1.0,\"recall\":0.75,\"f1\":0.857,\"support\":4,"
			+ "\"tp\":3,\"fp\":0,\"fn\":1}},\"micro\":{\"precision\":0.8,\"recall\":0.667,\"f1\":0.727,\"support\":6},"
			+ "\"macro\":{\"precision\":0.75,\"recall\":0.625,\"f1\":0.679}},\"overlap\":{}},"
			+ "\"confusion\":{\"labels\":[\"DOSAGE\",\"DRUG\",\"O\"],\"matrix\":{\"DOSAGE\":{\"DOSAGE\":1,\"O\":1},"
			+ "\"DRUG\":{\"DRUG\":3,\"O\":1},\"O\":{\"DOSAGE\":1}}},\"classification\":{},\"assertion\":{},"
			+ "\"relations\":{},\"boxes\":{}}";

	private static ObjectNode entry(String name, int version, String time, String metrics) throws IOException {
		ObjectNode entry = (ObjectNode) Json.mapper().readTree("{\"name\":\"" + name + "\",\"language\":\"en\","
				+ "\"libVersion\":{\"parts\":[5,5,3]},\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,"
				+ "\"time\":\"" + time + "\",\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"\","
				+ "\"annotator\":\"NerDLModel\",\"task\":\"ner\",\"domain\":\"Project\",\"labels\":[\"DOSAGE\",\"DRUG\"],"
				+ "\"description\":\"v" + version + ", trained on 160 tasks\",\"trainingDataHash\":\"ab12\","
				+ "\"parameters\":{\"epochs\":10,\"embeddings\":\"w2v\"}}");
		entry.put("version", version);
		entry.set("metrics", Json.mapper().readTree(metrics));
		return entry;
	}

	private static void publish(ModelCache cache, String run, ObjectNode entry) throws IOException {
		Path model = Files.createDirectories(cache.buildFolder().resolve(run).resolve("metadata"));
		Files.writeString(model.resolve("part-00000"), HubFixtures.NER_METADATA + "\n");
		cache.publish(model.getParent(), entry);
	}

	@Test
	void versionsAreGroupedByNameOldestFirstWithTheirScores() throws IOException {
		ModelCache cache = new ModelCache(dir);
		publish(cache, "b", entry("notes_ner", 2, "2026-12-03T11:00:00Z", METRICS));
		publish(cache, "a", entry("notes_ner", 1, "2026-12-03T10:00:00Z", "{\"testTasks\":0}"));
		Map<String, List<TrainedModels.Version>> trained = TrainedModels.of(cache.installed());

		assertEquals(List.of("notes_ner"), List.copyOf(trained.keySet()));
		List<TrainedModels.Version> versions = trained.get("notes_ner");
		assertEquals(List.of(1, 2), versions.stream().map(TrainedModels.Version::version).toList());
		assertFalse(versions.get(0).scores().measured(), "v1 had no test tasks");

		TrainedModels.Version v2 = versions.get(1);
		assertEquals("v2, trained on 160 tasks", v2.description());
		assertEquals(10, v2.parameters().path("epochs").asInt());
		ModelScores scores = v2.scores();
		assertTrue(scores.measured());
		assertEquals(40, scores.testTasks());
		assertEquals(List.of(new ModelScores.Row("DOSAGE", 0.5, 0.5, 0.5, 2), new ModelScores.Row("DRUG", 1.0, 0.75,
				0.857, 4)), scores.spans().labels());
		assertEquals(new ModelScores.Row("micro", 0.8, 0.667, 0.727, 6), scores.spans().micro());
		assertEquals(new ModelScores.Row("macro", 0.75, 0.625, 0.679, -1), scores.spans().macro());
		assertEquals(List.of("DOSAGE", "DRUG", "O"), scores.confusionLabels());
		assertEquals(3, scores.confusion("DRUG", "DRUG"));
		assertEquals(1, scores.confusion("O", "DOSAGE"));
		assertEquals(0, scores.confusion("DRUG", "DOSAGE"));
	}

	@Test
	void downloadedModelsAreNotTrainedOnes() throws IOException {
		ModelCache cache = new ModelCache(dir);
		ObjectNode downloaded = entry("ner_posology", 1, "2026-12-03T10:00:00Z", "{}");
		downloaded.remove("version");
		downloaded.remove("trainingDataHash");
		publish(cache, "x", downloaded);
		assertEquals(Map.of(), TrainedModels.of(cache.installed()));
	}

	@Test
	void classificationScoresArePerControl() throws IOException {
		ModelScores scores = ModelScores.of(Json.mapper().readTree("{\"testTasks\":3,\"spans\":{\"exact\":{\"labels\":{}}},"
				+ "\"classification\":{\"sentiment\":{\"accuracy\":0.667,\"correct\":2,\"total\":3,\"labels\":{"
				+ "\"positive\":{\"precision\":1.0,\"recall\":0.5,\"f1\":0.667,\"support\":2}},"
				+ "\"micro\":{\"precision\":0.667,\"recall\":0.667,\"f1\":0.667,\"support\":3},"
				+ "\"macro\":{\"precision\":0.75,\"recall\":0.75,\"f1\":0.667}}}}"));
		assertTrue(scores.measured());
		assertTrue(scores.spans().isEmpty());
		ModelScores.Classification sentiment = scores.classification().get("sentiment");
		assertEquals(0.667, sentiment.accuracy());
		assertEquals(2, sentiment.correct());
		assertEquals("positive", sentiment.choices().labels().get(0).label());
	}
}
