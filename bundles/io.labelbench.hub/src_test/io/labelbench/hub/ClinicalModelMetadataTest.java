package io.labelbench.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assertion and relation models as their saved metadata describes them: labels, entity labels, task, no embeddings. */
class ClinicalModelMetadataTest {

	@TempDir
	Path dir;

	static Path savedModel(Path folder, String className, String classes, String entityLabels) throws Exception {
		Path metadata = Files.createDirectories(folder.resolve("metadata"));
		Files.writeString(metadata.resolve("part-00000"), "{\"class\":\"" + className + "\",\"uid\":\"m_1\","
				+ "\"timestamp\":1796284644513,\"sparkVersion\":\"3.5.7\",\"paramMap\":{\"classes\":" + classes
				+ ",\"entityLabels\":" + entityLabels + "}}\n", StandardCharsets.UTF_8);
		return folder;
	}

	@Test
	void assertionModel() throws Exception {
		Path model = savedModel(dir.resolve("assertion_clinical_labelbench"),
				"io.labelbench.server.nlp.clinical.AssertionModel",
				"[\"present\",\"absent\",\"possible\",\"hypothetical\",\"conditional\",\"associated_with_someone_else\"]",
				"[\"PROBLEM\",\"TEST\",\"TREATMENT\"]");
		ModelMetadata metadata = ModelMetadata.read(model);
		assertEquals("assertion", metadata.task());
		assertEquals(List.of("present", "absent", "possible", "hypothetical", "conditional",
				"associated_with_someone_else"), metadata.labels(), "statuses as the model lists them, none stripped");
		assertEquals(List.of("PROBLEM", "TEST", "TREATMENT"), metadata.entityLabels());
		assertNull(metadata.embeddings());
	}

	@Test
	void relationModel() throws Exception {
		Path model = savedModel(dir.resolve("re_posology_labelbench"), "io.labelbench.server.nlp.clinical.RelationModel",
				"[\"DRUG-DOSAGE\",\"DRUG-STRENGTH\",\"DRUG-FREQUENCY\",\"DRUG-ROUTE\",\"DRUG-FORM\",\"DRUG-DURATION\"]",
				"[\"DRUG\",\"DOSAGE\",\"STRENGTH\",\"FREQUENCY\",\"ROUTE\",\"FORM\",\"DURATION\"]");
		ModelMetadata metadata = ModelMetadata.read(model);
		assertEquals("relation", metadata.task());
		assertEquals("RelationModel", metadata.annotatorClass());
		assertEquals(List.of("DRUG-DOSAGE", "DRUG-STRENGTH", "DRUG-FREQUENCY", "DRUG-ROUTE", "DRUG-FORM",
				"DRUG-DURATION"), metadata.labels());
		assertEquals(List.of("DRUG", "DOSAGE", "STRENGTH", "FREQUENCY", "ROUTE", "FORM", "DURATION"),
				metadata.entityLabels());
		assertNull(metadata.embeddings());
	}

	@Test
	void anNerModelHasNoEntityLabels() throws Exception {
		Path model = dir.resolve("ner");
		Files.createDirectories(model.resolve("metadata"));
		Files.writeString(model.resolve("metadata/part-00000"), HubFixtures.NER_METADATA + "\n");
		ModelMetadata metadata = ModelMetadata.read(model);
		assertEquals(List.of(), metadata.entityLabels());
		assertEquals(List.of("DOSAGE", "DRUG", "ROUTE"), metadata.labels());
	}
}
