package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerInfo.ModelInfo;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.Rule;
import io.labelbench.server.nlp.PipelineAssembler;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;
import io.labelbench.server.nlp.clinical.AssertionFeatures;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.FeatureClassifier.Description;
import io.labelbench.server.nlp.clinical.RelationFeatures;
import io.labelbench.server.nlp.clinical.RelationModel;
import io.labelbench.server.nlp.clinical.SentenceUnits;
import io.labelbench.server.nlp.clinical.TokenizedText;
import io.labelbench.server.fit.FeatureFit;
import io.labelbench.server.fit.FeatureFit.Example;

/**
 * A spec with saved assertion and relation models (tiny ones, fitted here) beside rules, loaded as the server
 * loads it: the models run on the rules' entities, not in the Spark NLP pipeline, and /info lists their labels.
 */
class ServerPipelineTest {
	private static SparkSession spark;
	@TempDir
	static Path dir;
	private static Path assertionFolder;
	private static Path relationFolder;

	@BeforeAll
	static void fit() throws IOException {
		spark = SparkSupport.localSession("server-pipeline-test", 1);
		List<Example> statuses = new ArrayList<>();
		for (String p : List.of("fever", "cough", "rash", "nausea", "headache", "chest pain")) {
			statuses.add(assertionExample("Patient denies " + p + ".", p, "absent"));
			statuses.add(assertionExample("No " + p + " today.", p, "absent"));
			statuses.add(assertionExample("Patient reports " + p + ".", p, "present"));
			statuses.add(assertionExample("She has " + p + " since Monday.", p, "present"));
			statuses.add(assertionExample("Mother has " + p + ".", p, "associated_with_someone_else"));
		}
		assertionFolder = dir.resolve("assertion");
		FeatureFit.fit(spark, statuses, new Description(AssertionModel.CLASS_NAME,
				List.of("absent", "associated_with_someone_else", "present"), List.of("PROBLEM"),
				List.of("present", "absent", "associated_with_someone_else"), null), 1 << 12, 0.01, 50)
				.save(assertionFolder);

		List<Example> pairs = new ArrayList<>();
		for (String d : List.of("aspirin", "warfarin", "heparin", "naproxen")) {
			for (String s : List.of("81 mg", "5 mg", "100 mg", "250 mg")) {
				String text = "Give " + d + " " + s + " daily.";
				SentenceUnits units = units(text, d, "DRUG", s, "STRENGTH", "daily", "FREQUENCY");
				pairs.add(new Example(RelationFeatures.of(units, 0, 1, "DRUG"), "DRUG-STRENGTH"));
				pairs.add(new Example(RelationFeatures.of(units, 0, 2, "DRUG"), "DRUG-FREQUENCY"));
				String two = d + " and heparin tablets ; " + s + " nightly";
				pairs.add(new Example(RelationFeatures.of(units(two, d, "DRUG", "heparin", "DRUG", s, "STRENGTH"), 0, 2,
						"DRUG"), RelationModel.NO_RELATION));
			}
		}
		relationFolder = dir.resolve("relation");
		FeatureFit.fit(spark, pairs, new Description(RelationModel.CLASS_NAME,
				List.of("DRUG-FREQUENCY", "DRUG-STRENGTH"), List.of("DRUG", "STRENGTH", "FREQUENCY"),
				List.of(RelationModel.NO_RELATION, "DRUG-STRENGTH", "DRUG-FREQUENCY"), "DRUG"), 1 << 12, 0.01, 50)
				.save(relationFolder);
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	/** Entities given as (text, label) pairs, found in order in the text. */
	private static SentenceUnits units(String text, String... entityAndLabel) {
		List<Entity> entities = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < entityAndLabel.length; i += 2) {
			int start = text.indexOf(entityAndLabel[i], from);
			entities.add(new Entity(start, start + entityAndLabel[i].length(), entityAndLabel[i + 1]));
			from = start + entityAndLabel[i].length();
		}
		return new SentenceUnits(TokenizedText.of(text), entities);
	}

	private static Example assertionExample(String text, String problem, String status) {
		return new Example(AssertionFeatures.of(units(text, problem, "PROBLEM"), 0), status);
	}

	private static ServerSpec spec(List<String> allowedStatuses) {
		return new ServerSpec("clinical", "c@1", List.of(),
				List.of(new ModelSpec("assertion_tiny", assertionFolder.toString(), "label", "text", allowedStatuses),
						new ModelSpec("re_tiny", relationFolder.toString(), "label", "text", List.of("DRUG-STRENGTH"))),
				List.of(new RuleSpec("drugs", "DRUG", Rule.Type.DICTIONARY, null, List.of("aspirin", "clopidogrel"),
						false, true, "label", "text"),
						new RuleSpec("mg", "STRENGTH", Rule.Type.REGEX, "\\d+ mg", List.of(), false, true, "label",
								"text"),
						new RuleSpec("daily", "FREQUENCY", Rule.Type.DICTIONARY, null, List.of("daily"), false, true,
								"label", "text"),
						new RuleSpec("problems", "PROBLEM", Rule.Type.DICTIONARY, null,
								List.of("vomiting", "diabetes", "dizziness"), false, true, "label", "text")));
	}

	@Test
	void assertionAndRelationModelsRunOnTheEntitiesOfTheRulesAndInfoListsTheirLabels() throws Exception {
		int[] sessions = { 0 };
		ServerPipeline pipeline = ServerPipeline.load(spec(List.of("absent", "associated_with_someone_else")), () -> {
			sessions[0]++;
			return spark;
		});
		assertEquals(1, sessions[0], "one Spark session for every model");
		assertEquals(List.of("assertion", "relation"), pipeline.models().stream().map(ModelInfo::kind).toList());
		assertEquals(List.of("absent", "associated_with_someone_else"), pipeline.assertionLabels(),
				"the statuses the spec allows, not every status of the model");
		assertEquals(List.of("DRUG-STRENGTH"), pipeline.relationLabels());
		assertEquals(List.of("DRUG", "FREQUENCY", "PROBLEM", "STRENGTH"), pipeline.labels());

		String text = "Denies vomiting. Father has diabetes. Reports dizziness. Give clopidogrel 75 mg daily.";
		TaskResult result = pipeline.predictor().predict(List.of(text)).get(0);
		Map<String, Region> byId = new HashMap<>();
		result.result().forEach(r -> byId.put(r.id(), r));
		Map<String, String> statuses = new TreeMap<>();
		List<String> relations = new ArrayList<>();
		for (Region r : result.result()) {
			if (r.type().equals(Region.RELATION)) {
				Region from = byId.get(r.from_id());
				Region to = byId.get(r.to_id());
				assertNotNull(from, r.toString());
				assertNotNull(to, r.toString());
				relations.add(from.value().text() + " -> " + to.value().text() + ": " + r.labels().get(0));
				assertTrue(r.confidence() > 0.34 && r.confidence() <= 1, r.toString());
			} else {
				assertEquals(r.value().text(), text.substring(r.value().start(), r.value().end()), r.toString());
				String label = r.value().labels().get(0);
				if (Character.isLowerCase(label.charAt(0))) {
					statuses.put(r.value().text(), label);
				}
			}
		}
		assertEquals(Map.of("vomiting", "absent", "diabetes", "associated_with_someone_else"), statuses,
				"dizziness is present, which the spec does not allow");
		assertEquals(List.of("clopidogrel -> 75 mg: DRUG-STRENGTH"), relations, "DRUG-FREQUENCY is not allowed");
	}

	@Test
	void theLoadedModelsTravelAsJavaObjectsAndTheCopyPredictsTheSameBytes() throws Exception {
		// what a cluster's driver ships to its executors, each of which builds the pipeline from it
		ServerSpec spec = spec(List.of());
		ServerPipeline.Loaded loaded = ServerPipeline.Loaded.load(spec, () -> spark);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
			out.writeObject(loaded);
		}
		ServerPipeline.Loaded copy;
		try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
				new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
			copy = (ServerPipeline.Loaded) in.readObject();
		}
		List<String> texts = List.of("Denies vomiting. Father has diabetes. Give clopidogrel 75 mg daily.",
				"Reports dizziness; aspirin 81 mg daily.", "");
		var mapper = PreannotationServer.protocolMapper();
		String server = mapper.writeValueAsString(ServerPipeline.of(spec, loaded).predictor().predict(texts));
		String executor = mapper.writeValueAsString(ServerPipeline.of(spec, copy).predictor().predict(texts));
		assertEquals(server, executor);
		assertTrue(server.contains("DRUG-STRENGTH") && server.contains("absent"), server);
	}

	@Test
	void theSparkNlpPipelineRefusesAssertionAndRelationModels() throws Exception {
		IOException e = assertThrows(IOException.class,
				() -> new PipelineAssembler().model("assertion_tiny", SavedModel.read(assertionFolder)));
		assertTrue(e.getMessage().contains("is an assertion model"), e.getMessage());
		// the raw baseline of the benchmarks assembles the spec's pipeline: it leaves them out
		assertTrue(PreannotationServer.assemble(spec(List.of()), spark).outputs().isEmpty());
	}
}
