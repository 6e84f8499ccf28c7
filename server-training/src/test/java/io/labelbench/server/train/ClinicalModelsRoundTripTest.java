package io.labelbench.server.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.rules.engine.AssertionAnnotator.Assertion;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.RelationAnnotator.Relation;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;
import io.labelbench.server.nlp.clinical.AssertionFeatures;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.FeatureClassifier;
import io.labelbench.server.nlp.clinical.FeatureClassifier.Description;
import io.labelbench.server.nlp.clinical.RelationFeatures;
import io.labelbench.server.nlp.clinical.RelationModel;
import io.labelbench.server.nlp.clinical.SentenceUnits;
import io.labelbench.server.nlp.clinical.TokenizedText;
import io.labelbench.server.fit.FeatureFit;
import io.labelbench.server.fit.FeatureFit.Example;

/** Fits tiny models on hand-written sentences, saves them in the shared folder layout and runs them loaded. */
class ClinicalModelsRoundTripTest {
	private static SparkSession spark;

	@BeforeAll
	static void start() {
		spark = SparkSupport.localSession("clinical-models-test", 1);
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	/** Entities of the given surface strings, found in order in the text. */
	static List<Entity> entities(String text, String... textAndLabel) {
		List<Entity> out = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < textAndLabel.length; i += 2) {
			int start = text.indexOf(textAndLabel[i], from);
			if (start < 0) {
				throw new IllegalArgumentException(textAndLabel[i] + " not in " + text);
			}
			out.add(new Entity(start, start + textAndLabel[i].length(), textAndLabel[i + 1]));
			from = start + textAndLabel[i].length();
		}
		return out;
	}

	private static void assertion(List<Example> out, String text, String status, String... entityAndLabel) {
		List<Entity> entities = entities(text, entityAndLabel);
		SentenceUnits units = new SentenceUnits(TokenizedText.of(text), entities);
		out.add(new Example(AssertionFeatures.of(units, 0), status));
	}

	@Test
	void assertionModelSavedLoadedAndSingleInstancePredictionEqualsTheSparkTransform(@TempDir Path dir)
			throws Exception {
		List<Example> examples = new ArrayList<>();
		String[] problems = { "fever", "cough", "rash", "nausea", "headache", "chest pain" };
		for (String p : problems) {
			assertion(examples, "Patient denies " + p + ".", "absent", p, "PROBLEM");
			assertion(examples, "No " + p + " today.", "absent", p, "PROBLEM");
			assertion(examples, "Patient reports " + p + ".", "present", p, "PROBLEM");
			assertion(examples, "She has " + p + " since Monday.", "present", p, "PROBLEM");
			assertion(examples, "Mother has " + p + ".", "associated_with_someone_else", p, "PROBLEM");
		}
		Description description = new Description(AssertionModel.CLASS_NAME,
				List.of("absent", "associated_with_someone_else", "present"), List.of("PROBLEM"),
				List.of("present", "absent", "associated_with_someone_else"), null);
		FeatureClassifier fitted = FeatureFit.fit(spark, examples, description, 1 << 12, 0.01, 50);
		Path folder = dir.resolve("assertion");
		fitted.save(folder);

		SavedModel saved = SavedModel.read(folder);
		assertEquals(SavedModel.Kind.ASSERTION, saved.kind());
		assertEquals(List.of("absent", "associated_with_someone_else", "present"), saved.labels());
		assertEquals(null, saved.storageRef());
		String metadata = Files.readString(folder.resolve(SavedModel.METADATA_FILE));
		assertTrue(metadata.contains("\"entityLabels\":[\"PROBLEM\"]"), metadata);

		AssertionModel model = AssertionModel.load(folder);
		String text = "Denies vomiting. Father has diabetes. Reports dizziness and MRI done.";
		List<Entity> entities = entities(text, "vomiting", "PROBLEM", "diabetes", "PROBLEM",
				"dizziness", "PROBLEM", "MRI", "TEST");
		List<Assertion> statuses = model.assess(text, entities);
		assertEquals(List.of("absent", "associated_with_someone_else", "present"),
				statuses.stream().map(Assertion::status).toList());
		assertEquals(List.of(0, 1, 2), statuses.stream().map(Assertion::entity).toList(),
				"the TEST chunk is not among the model's entity labels");
		assertTrue(statuses.stream().allMatch(a -> a.confidence() > 0.34 && a.confidence() <= 1));

		// the single-instance path gives what Spark's DataFrame transform gives for the same features
		SentenceUnits units = new SentenceUnits(TokenizedText.of(text), entities);
		List<String> features = AssertionFeatures.of(units, 0);
		StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.StringType));
		var frame = spark.createDataFrame(List.<Row>of(RowFactory.create((Object) features.toArray(String[]::new))),
				schema);
		Row row = model.classifier().classifier()
				.transform(model.classifier().hashing().transform(frame)).select("vector", "probability")
				.first();
		assertEquals(row.<Vector>getAs(0), model.classifier().vector(features));
		assertArrayEquals(row.<Vector>getAs(1).toArray(), model.classifier().probabilities(features), 1e-12);
	}

	@Test
	void relationModelRelatesTheHeadToItsAttributesOnlyInsideASentence(@TempDir Path dir) throws Exception {
		List<Example> examples = new ArrayList<>();
		String[] drugs = { "aspirin", "warfarin", "heparin", "naproxen" };
		String[] strengths = { "81 mg", "5 mg", "100 mg", "250 mg" };
		for (String d : drugs) {
			for (String s : strengths) {
				String text = "Give " + d + " " + s + " daily. Stop " + d + ".";
				List<Entity> e = entities(text, d, "DRUG", s, "STRENGTH", "daily", "FREQUENCY", d,
						"DRUG");
				SentenceUnits units = new SentenceUnits(TokenizedText.of(text), e);
				examples.add(new Example(RelationFeatures.of(units, 0, 1, "DRUG"), "DRUG-STRENGTH"));
				examples.add(new Example(RelationFeatures.of(units, 0, 2, "DRUG"), "DRUG-FREQUENCY"));
				String two = d + " and heparin tablets ; " + s + " nightly";
				List<Entity> e2 = entities(two, d, "DRUG", "heparin", "DRUG", s, "STRENGTH");
				SentenceUnits u2 = new SentenceUnits(TokenizedText.of(two), e2);
				examples.add(new Example(RelationFeatures.of(u2, 0, 2, "DRUG"), RelationModel.NO_RELATION));
			}
		}
		Description description = new Description(RelationModel.CLASS_NAME, List.of("DRUG-FREQUENCY", "DRUG-STRENGTH"),
				List.of("DRUG", "STRENGTH", "FREQUENCY"), List.of(RelationModel.NO_RELATION, "DRUG-STRENGTH",
						"DRUG-FREQUENCY"),
				"DRUG");
		Path folder = dir.resolve("relation");
		FeatureFit.fit(spark, examples, description, 1 << 12, 0.01, 50).save(folder);

		assertEquals(SavedModel.Kind.RELATION, SavedModel.read(folder).kind());
		assertEquals(List.of("DRUG-FREQUENCY", "DRUG-STRENGTH"), SavedModel.read(folder).labels(),
				"the no-relation outcome is not a label");
		RelationModel model = RelationModel.load(folder);
		String text = "Give clopidogrel 75 mg daily. Then ibuprofen.";
		List<Entity> e = entities(text, "clopidogrel", "DRUG", "75 mg", "STRENGTH", "daily",
				"FREQUENCY", "ibuprofen", "DRUG");
		List<Relation> relations = model.relate(text, e);
		assertEquals(List.of("0>1 DRUG-STRENGTH", "0>2 DRUG-FREQUENCY"), relations.stream()
				.map(r -> r.from() + ">" + r.to() + " " + r.label()).sorted().toList());

		assertThrows(IOException.class, () -> AssertionModel.load(folder), "a relation model is no assertion model");
	}
}
