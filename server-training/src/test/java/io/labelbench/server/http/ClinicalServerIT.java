package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.protocol.PredictRequest;
import io.labelbench.protocol.PredictResponse;
import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerInfo;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelRef;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.server.train.BuildModels;

/**
 * The server distribution as a separate JVM with the clinical models the build published: clinical NER, assertion
 * status and posology relations on the entities of NER models, in one prediction per text. Spoken to with the
 * protocol's records, as the workbench does.
 */
class ClinicalServerIT {
	private static final ObjectMapper JSON = PreannotationServer.protocolMapper();
	private static final String TOKEN = "clinical-" + System.nanoTime();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private static final List<String> STATUSES = List.of("present", "absent", "possible", "hypothetical",
			"conditional", "associated_with_someone_else");
	private static Process server;
	private static String base;

	@BeforeAll
	static void start() throws Exception {
		Path work = Files.createTempDirectory("clinical-it");
		Map<String, Path> models = ServerIT.unzipMirror(work.resolve("models"));
		// clinical entities and their statuses in one Labels control, posology in another (GAL keeps the assertion
		// labels beside the NER labels they qualify)
		ServerSpec spec = new ServerSpec("clinical", "clinical@1",
				List.of(new ModelRef(BuildModels.EMBEDDINGS, models.get(BuildModels.EMBEDDINGS).toString())),
				List.of(model(models, "ner_clinical_labelbench", "clinical", List.of("PROBLEM", "TEST", "TREATMENT")),
						model(models, "assertion_clinical_labelbench", "clinical", STATUSES),
						model(models, "ner_posology_labelbench", "label",
								List.of("DRUG", "STRENGTH", "ROUTE", "FREQUENCY", "DOSAGE", "FORM", "DURATION")),
						model(models, "re_posology_labelbench", "label", List.of())),
				List.of());
		Path specFile = work.resolve("spec.json");
		JSON.writeValue(specFile.toFile(), spec);
		Path ready = work.resolve("ready.json");
		ProcessBuilder pb = new ProcessBuilder("sh",
				Path.of(System.getProperty("labelbench.server.dist"), "bin/labelbench-server").toString(), "serve",
				"--spec", specFile.toString(), "--port", "0", "--ready-file", ready.toString());
		pb.environment().put(PreannotationServer.TOKEN_ENV, TOKEN);
		pb.environment().put("LABELBENCH_SERVER_HEAP", "1g");
		pb.redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
		server = pb.start();
		long deadline = System.currentTimeMillis() + 120_000;
		while (!Files.exists(ready)) {
			if (!server.isAlive() || System.currentTimeMillis() > deadline) {
				throw new AssertionError("server did not start:\n" + Files.readString(work.resolve("server.log")));
			}
			Thread.sleep(200);
		}
		base = "http://127.0.0.1:" + new ObjectMapper().readTree(ready.toFile()).get("port").asInt();
	}

	private static ModelSpec model(Map<String, Path> models, String name, String control, List<String> labels) {
		Path folder = models.get(name);
		assertNotNull(folder, name + " is not in the hub mirror");
		return new ModelSpec(name, folder.toString(), control, "text", labels);
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.destroy();
			if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				server.destroyForcibly().waitFor();
			}
		}
	}

	private static HttpResponse<String> send(String path, Object body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
				.header("Authorization", "Bearer " + TOKEN);
		b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void infoListsTheAssertionStatusesAndRelationLabels() throws Exception {
		ServerInfo info = JSON.readValue(send("/info", null).body(), ServerInfo.class);
		assertEquals(List.of("ner", "assertion", "ner", "relation"),
				info.models().stream().map(ServerInfo.ModelInfo::kind).toList());
		assertEquals(STATUSES.stream().sorted().toList(), info.assertionLabels());
		assertEquals(List.of("DRUG-DOSAGE", "DRUG-DURATION", "DRUG-FORM", "DRUG-FREQUENCY", "DRUG-ROUTE",
				"DRUG-STRENGTH"), info.relationLabels());
		assertTrue(info.labels().containsAll(List.of("PROBLEM", "TEST", "TREATMENT", "DRUG", "STRENGTH")),
				info.labels().toString());
	}

	@Test
	void aClinicalTextGetsStatusesAndPosologyRelationsBetweenRegionsOfTheSamePrediction() throws Exception {
		String text = "😀 The patient denies chest pain. She may have pneumonia. Her mother has diabetes.\r\n"
				+ "The patient was started on lisinopril 20 mg orally once daily.";
		HttpResponse<String> r = send("/predict", new PredictRequest(List.of(text)));
		assertEquals(200, r.statusCode(), r.body());
		PredictResponse response = JSON.readValue(r.body(), PredictResponse.class);
		assertEquals("clinical@1", response.modelVersion());
		TaskResult result = response.results().get(0);

		Map<String, Region> byId = new HashMap<>();
		for (Region region : result.result()) {
			assertEquals(null, byId.put(region.id(), region), "region ids are unique");
		}
		Map<String, String> statuses = new TreeMap<>();
		List<String> relations = new ArrayList<>();
		for (Region region : result.result()) {
			if (region.type().equals(Region.RELATION)) {
				Region from = byId.get(region.from_id());
				Region to = byId.get(region.to_id());
				assertNotNull(from, "from_id names a region of the same prediction: " + region);
				assertNotNull(to, "to_id names a region of the same prediction: " + region);
				assertEquals("DRUG", from.value().labels().get(0), region.toString());
				assertEquals("right", region.direction());
				assertTrue(region.confidence() > 0 && region.confidence() <= 1, region.toString());
				relations.add(from.value().text() + " -> " + to.value().text() + ": " + region.labels().get(0));
				continue;
			}
			Region.Value v = region.value();
			assertEquals(v.text(), text.substring(v.start(), v.end()), "offsets exact: " + region);
			assertTrue(v.confidence() > 0 && v.confidence() <= 1, region.toString());
			if (STATUSES.contains(v.labels().get(0))) {
				assertEquals("clinical", region.from_name(), "a status goes to the control of its labels");
				boolean qualifiesAnEntity = result.result().stream().anyMatch(e -> e != region && e.value() != null
						&& e.value().start() != null && e.value().start().equals(v.start())
						&& e.value().end().equals(v.end()) && !STATUSES.contains(e.value().labels().get(0)));
				assertTrue(qualifiesAnEntity, "a status has the offsets of the entity it qualifies: " + region);
				statuses.put(v.text(), v.labels().get(0));
			}
		}
		assertEquals("absent", statuses.get("chest pain"), statuses.toString());
		assertEquals("possible", statuses.get("pneumonia"), statuses.toString());
		assertEquals("associated_with_someone_else", statuses.get("diabetes"), statuses.toString());
		assertTrue(relations.contains("lisinopril -> 20 mg: DRUG-STRENGTH"), relations.toString());
		assertTrue(relations.contains("lisinopril -> once daily: DRUG-FREQUENCY"), relations.toString());
	}
}
