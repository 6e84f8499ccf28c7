package io.labelbench.preannotate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.rules.engine.Rule;

/** The spec a server gets is derived from the config, the downloaded models and the rules; problems block deploy. */
class PipelineSpecTest {
	@TempDir
	Path dir;
	ModelCache cache;

	/** A hub with saved-model metadata as Spark NLP writes it (the spec reads nothing else of a model). */
	@BeforeEach
	void downloadModels() throws Exception {
		Path models = Files.createDirectories(dir.resolve("hub/public/models"));
		StringBuilder catalog = new StringBuilder();
		catalog.append(model(models, "w2v_test_100d", "com.johnsnowlabs.nlp.embeddings.Word2VecModel", "w2v_test_100d",
				List.of()));
		catalog.append(model(models, "ner_drugs", "com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel", "w2v_test_100d",
				List.of("O", "B-DRUG", "I-DRUG", "B-ROUTE")));
		catalog.append(model(models, "classifier_domain",
				"com.johnsnowlabs.nlp.annotators.classifier.dl.ClassifierDLModel", "w2v_test_100d",
				List.of("clinical", "finance")));
		Files.writeString(models.resolve("metadata.json"), catalog);
		cache = new ModelCache(dir.resolve("cache"));
		ModelsHub hub = ModelsHub.read(List.of(HubLocation.folder(dir.resolve("hub"))));
		for (String name : List.of("w2v_test_100d", "ner_drugs", "classifier_domain")) {
			var offer = hub.find(name).orElseThrow();
			new ModelDownloader(cache).download(offer.hub(), offer.entry(), Progress.NONE);
		}
	}

	private static String model(Path models, String name, String className, String storageRef, List<String> classes)
			throws Exception {
		long time = 1_700_000_000_000L;
		String key = name + "_en_5.5.3_3.5_" + time;
		Path zip = models.resolve(key + ".zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
			z.putNextEntry(new ZipEntry("metadata/part-00000"));
			String classesJson = classes.isEmpty() ? ""
					: ",\"classes\":[\"" + String.join("\",\"", classes) + "\"]";
			z.write(("{\"class\":\"" + className + "\",\"paramMap\":{\"storageRef\":\"" + storageRef + "\""
					+ classesJson + "}}\n").getBytes());
			z.closeEntry();
		}
		String md5 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(zip)));
		return "{\"name\":\"" + name + "\",\"language\":\"en\",\"libVersion\":{\"parts\":[5,5,3]},"
				+ "\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\"2023-11-14T22:13:20.000Z\","
				+ "\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"" + md5 + "\"}\n";
	}

	private Path config(String body) throws IOException {
		return Files.writeString(dir.resolve("labeling-config.xml"), "<View>\n<Text name=\"text\" value=\"$doc\"/>\n"
				+ body + "\n</View>\n");
	}

	@Test
	void modelsLabelsEmbeddingsAndRulesComeFromTheConfig() throws Exception {
		Path config = config("""
				<Labels name="label" toName="text">
				  <Label value="DRUG" model="ner_drugs"/>
				  <Label value="STRENGTH"/>
				</Labels>
				<Choices name="domain" toName="text">
				  <Choice value="clinical" model="classifier_domain"/>
				  <Choice value="finance" model="classifier_domain"/>
				</Choices>""");
		PipelineSpec spec = PipelineSpec.derive("p", config, cache,
				List.of(Rule.regex("mg", "STRENGTH", "\\d+ mg", false, true)));

		assertEquals(List.of(), spec.problems());
		assertEquals(List.of("ner_drugs", "classifier_domain"), spec.models());
		assertEquals("doc", spec.dataField());
		JsonNode json = spec.json();
		assertEquals("w2v_test_100d", json.at("/embeddings/0/name").asText());
		assertEquals("label", json.at("/models/0/fromName").asText());
		assertEquals("[\"DRUG\"]", json.at("/models/0/labels").toString());
		assertEquals("domain", json.at("/models/1/fromName").asText());
		assertEquals("REGEX", json.at("/rules/0/type").asText());
		assertEquals("label", json.at("/rules/0/fromName").asText());
		assertTrue(spec.modelVersion().startsWith("ner_drugs@1700000000000+classifier_domain@1700000000000"
				+ "+w2v_test_100d@1700000000000+rules@"), spec.modelVersion());

		PipelineSpec edited = PipelineSpec.derive("p", config, cache,
				List.of(Rule.regex("mg", "STRENGTH", "\\d+ ?mg", false, true)));
		assertNotEquals(spec.modelVersion(), edited.modelVersion(), "an edited rule is a new model version");

		// what the workbench writes maps, with no field left over, onto the protocol records the server reads
		ServerSpec read = Json.mapper().treeToValue(spec.json(), ServerSpec.class);
		assertEquals(List.of(), read.problems());
		assertEquals(spec.modelVersion(), read.modelVersion());
		assertEquals(List.of("DRUG"), read.models().get(0).labels());
		assertEquals(Rule.regex("mg", "STRENGTH", "\\d+ mg", false, true), read.rules().get(0).rule());
	}

	@Test
	void assertionAndRelationRulesReachTheServerWithTheirParameters() throws Exception {
		Path config = config("<Labels name=\"label\" toName=\"text\"><Label value=\"DRUG\"/><Label value=\"DOSAGE\"/>"
				+ "<Label value=\"absent\" assertion=\"true\"/></Labels>"
				+ "<Relations><Relation value=\"DRUG-DOSAGE\"/></Relations>");
		Rule negation = Rule.assertion("negation", new Rule.Assertion(
				List.of(new Rule.Trigger("no", "absent", Rule.Position.PRE)), null, List.of("but"), 5, List.of("DRUG"),
				false));
		Rule dosage = Rule.relation("dosage", "DRUG-DOSAGE", new Rule.Relation("DRUG", "DOSAGE", 3));
		PipelineSpec spec = PipelineSpec.derive("p", config, cache, List.of(negation, dosage));
		assertEquals(List.of(), spec.problems());
		ServerSpec read = Json.mapper().treeToValue(spec.json(), ServerSpec.class);
		assertEquals(List.of(), read.problems());
		assertEquals(List.of(negation, dosage), read.rules().stream().map(ServerSpec.RuleSpec::rule).toList());
	}

	@Test
	void sixModelsMissingModelsAndConfigErrorsBlockDeploy() throws Exception {
		StringBuilder labels = new StringBuilder("<Labels name=\"label\" toName=\"text\">\n");
		for (String m : List.of("ner_drugs", "m2", "m3", "m4", "m5", "m6")) {
			labels.append("<Label value=\"L").append(m).append("\" model=\"").append(m).append("\"/>\n");
		}
		PipelineSpec six = PipelineSpec.derive("p", config(labels + "</Labels>"), cache, List.of());
		assertTrue(six.problems().stream().anyMatch(p -> p.contains("model 'm6' is not downloaded")), six.problems()
				.toString());
		assertTrue(six.problems().stream().anyMatch(p -> p.contains("at most 5")), six.problems().toString());

		PipelineSpec broken = PipelineSpec.derive("p", config("<Labels name=\"label\" toName=\"nowhere\">"
				+ "<Label value=\"DRUG\" model=\"ner_drugs\"/></Labels>"), cache, List.of());
		assertTrue(broken.problems().stream().anyMatch(p -> p.startsWith("labeling-config.xml:")), broken.problems()
				.toString());

		PipelineSpec unknownRule = PipelineSpec.derive("p", config("<Labels name=\"label\" toName=\"text\">"
				+ "<Label value=\"DRUG\" model=\"ner_drugs\"/></Labels>"), cache,
				List.of(Rule.regex("x", "NOPE", "x", false, true)));
		assertEquals(List.of("rule 'x' labels 'NOPE', which no Labels control of the config offers"),
				unknownRule.problems());

		ServerRegistry registry = new ServerRegistry(dir.resolve("servers"));
		ServerException refused = assertThrows(ServerException.class,
				() -> registry.deploy(new ServerRegistry.DeployRequest("p", dir, six, 1024), dir,
						ServerRegistry.Budget.DEFAULT, Progress.NONE));
		assertTrue(refused.getMessage().contains("at most 5"), refused.getMessage());
		assertEquals(List.of(), registry.list(), "nothing was started");
	}
}
