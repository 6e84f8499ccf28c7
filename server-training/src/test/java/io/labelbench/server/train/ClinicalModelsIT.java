package io.labelbench.server.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.rules.engine.AssertionAnnotator.Assertion;
import io.labelbench.rules.engine.Entity;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.RelationModel;

/**
 * The assertion and relation models the build published: their hub entries and held-out scores, and what the
 * loaded models make of hand-written sentences they never saw.
 */
class ClinicalModelsIT {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static Map<String, JsonNode> entries;
	private static Map<String, Path> folders;
	private static SparkSession spark;

	@BeforeAll
	static void unzip() throws Exception {
		Path mirror = Path.of(System.getProperty("labelbench.hub.mirror"));
		entries = new HashMap<>();
		for (String line : Files.readAllLines(mirror.resolve("public/models/metadata.json"))) {
			if (!line.isBlank()) {
				JsonNode entry = JSON.readTree(line);
				entries.put(entry.get("name").asText(), entry);
			}
		}
		folders = new HashMap<>();
		Path work = Files.createTempDirectory("clinical-models-it");
		for (String name : List.of(BuildModels.ASSERTION, BuildModels.RELATION)) {
			folders.put(name, unzip(mirror, entry(name), work.resolve(name)));
		}
		spark = SparkSupport.localSession("clinical-models-it", 1);
	}

	/** The model's zip (named by the hub key) unpacked into {@code folder}. */
	private static Path unzip(Path mirror, JsonNode entry, Path folder) throws Exception {
		String key = HubPublisher.key(entry.get("name").asText(), java.time.Instant.parse(entry.get("time").asText()));
		Path zipFile = mirror.resolve("public/models/" + key + ".zip");
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				Path target = folder.resolve(e.getName());
				Files.createDirectories(target.getParent());
				Files.copy(zip, target);
			}
		}
		return folder;
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	private static JsonNode entry(String name) {
		JsonNode entry = entries.get(name);
		assertNotNull(entry, name + " is not in the hub mirror");
		return entry;
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asText()));
		return out;
	}

	@Test
	void publishedWithTheirCategoriesLabelsAndHeldOutScoresAboveTheTargets() throws Exception {
		JsonNode assertion = entry(BuildModels.ASSERTION);
		assertEquals("assertion", assertion.get("task").asText());
		assertEquals("Clinical", assertion.get("domain").asText());
		assertEquals(List.of("absent", "associated_with_someone_else", "conditional", "hypothetical", "possible",
				"present"), strings(assertion.get("labels")));
		assertEquals(SavedModel.Kind.ASSERTION, SavedModel.read(folders.get(BuildModels.ASSERTION)).kind());
		double accuracy = assertion.path("metrics").path("accuracy").asDouble(-1);
		System.out.println("[it] " + BuildModels.ASSERTION + " held-out accuracy " + accuracy + ", per status F1 "
				+ assertion.path("metrics").path("perLabel"));
		assertTrue(accuracy >= 0.90, "held-out assertion accuracy " + accuracy);

		JsonNode relation = entry(BuildModels.RELATION);
		assertEquals("relation", relation.get("task").asText());
		assertEquals("Clinical", relation.get("domain").asText());
		assertEquals(List.of("DRUG-DOSAGE", "DRUG-DURATION", "DRUG-FORM", "DRUG-FREQUENCY", "DRUG-ROUTE",
				"DRUG-STRENGTH"), strings(relation.get("labels")));
		assertEquals(SavedModel.Kind.RELATION, SavedModel.read(folders.get(BuildModels.RELATION)).kind());
		double f1 = relation.path("metrics").path("f1").asDouble(-1);
		System.out.println("[it] " + BuildModels.RELATION + " held-out P " + relation.path("metrics").path("precision")
				+ " R " + relation.path("metrics").path("recall") + " F1 " + f1);
		assertTrue(f1 >= 0.90, "held-out relation F1 " + f1);
		assertTrue(!relation.has("embeddings") && !assertion.has("embeddings"), "they need no word embeddings");

		JsonNode ner = entry("ner_clinical_labelbench");
		assertEquals("ner", ner.get("task").asText());
		assertEquals(List.of("PROBLEM", "TEST", "TREATMENT"), strings(ner.get("labels")));
		System.out.println("[it] ner_clinical_labelbench held-out F1 " + ner.path("metrics").path("f1"));
	}

	/** Entities of the given surface strings, found in order in the text. */
	private static List<Entity> entities(String text, String... textAndLabel) {
		List<Entity> out = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < textAndLabel.length; i += 2) {
			int start = text.indexOf(textAndLabel[i], from);
			out.add(new Entity(start, start + textAndLabel[i].length(), textAndLabel[i + 1]));
			from = start + textAndLabel[i].length();
		}
		return out;
	}

	private static Map<String, String> statuses(AssertionModel model, String text, List<Entity> entities) {
		Map<String, String> out = new HashMap<>();
		for (Assertion a : model.assess(text, entities)) {
			Entity e = entities.get(a.entity());
			out.put(text.substring(e.start(), e.end()), a.status());
		}
		return out;
	}

	@Test
	void theLoadedAssertionModelFindsAbsentPossibleAndFamilyStatusesInUnseenSentences() throws Exception {
		AssertionModel model = AssertionModel.load(folders.get(BuildModels.ASSERTION));
		String text = "The patient denies chest pain but reports a productive cough. Rule out pulmonary embolism."
				+ " Her mother has breast cancer.";
		Map<String, String> got = statuses(model, text, entities(text, "chest pain", "PROBLEM", "productive cough",
				"PROBLEM", "pulmonary embolism", "PROBLEM", "breast cancer", "PROBLEM"));
		assertEquals(Map.of("chest pain", "absent", "productive cough", "present", "pulmonary embolism", "possible",
				"breast cancer", "associated_with_someone_else"), got);

		String second = "No fever or night sweats; shortness of breath on exertion. Call if chest pain develops.";
		assertEquals(Map.of("fever", "absent", "night sweats", "absent", "shortness of breath", "conditional",
				"chest pain", "hypothetical"),
				statuses(model, second, entities(second, "fever", "PROBLEM", "night sweats", "PROBLEM",
						"shortness of breath", "PROBLEM", "chest pain", "PROBLEM")));
	}

	@Test
	void theLoadedRelationModelPairsAttributesWithTheRightDrugWhereTheNearestIsWrong() throws Exception {
		RelationModel model = RelationModel.load(folders.get(BuildModels.RELATION));
		String text = "Aspirin and ibuprofen 81 mg and 200 mg respectively. Take ibuprofen for pain, and 500 mg of"
				+ " metformin twice daily.";
		List<Entity> e = entities(text, "Aspirin", "DRUG", "ibuprofen", "DRUG", "81 mg", "STRENGTH", "200 mg",
				"STRENGTH", "ibuprofen", "DRUG", "500 mg", "STRENGTH", "metformin", "DRUG", "twice daily", "FREQUENCY");
		TreeSet<String> got = new TreeSet<>();
		model.relate(text, e).forEach(r -> {
			got.add(text.substring(e.get(r.from()).start(), e.get(r.from()).end()) + " -> "
					+ text.substring(e.get(r.to()).start(), e.get(r.to()).end()) + " " + r.label());
			assertTrue(r.confidence() > 0.5 && r.confidence() <= 1, r.toString());
		});
		assertEquals(new TreeSet<>(List.of("Aspirin -> 81 mg DRUG-STRENGTH", "ibuprofen -> 200 mg DRUG-STRENGTH",
				"metformin -> 500 mg DRUG-STRENGTH", "metformin -> twice daily DRUG-FREQUENCY")), got);
	}
}
