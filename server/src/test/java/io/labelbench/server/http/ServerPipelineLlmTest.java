package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.rules.engine.Prompt;

/**
 * LLM prompts in a server: entity prompts and a relation prompt on an OpenAI-compatible endpoint (a test server on
 * 127.0.0.1 that answers as a chat model would), no Spark; the spec holds the endpoint, never a key.
 */
class ServerPipelineLlmTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;
	private HttpServer llm;

	@BeforeEach
	void start() throws Exception {
		llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		llm.createContext("/v1/chat/completions", exchange -> {
			JsonNode request = JSON.readTree(exchange.getRequestBody());
			String user = request.path("messages").path(1).path("content").asText();
			String content = user.startsWith("Find the relations")
					? "{\"relations\": [{\"label\": \"DRUG-DOSAGE\", \"from\": 0, \"to\": 1}]}"
					: "{\"entities\": [{\"label\": \"DRUG\", \"text\": \"aspirin\"}, "
							+ "{\"label\": \"DOSAGE\", \"text\": \"81 mg\"}, {\"label\": \"DRUG\", \"text\": \"ibuprofen\"}]}";
			byte[] body = JSON.writeValueAsBytes(Map.of("object", "chat.completion", "choices",
					List.of(Map.of("message", Map.of("role", "assistant", "content", content))), "usage",
					Map.of("prompt_tokens", 50, "completion_tokens", 10)));
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		llm.start();
	}

	@AfterEach
	void stop() {
		llm.stop(0);
	}

	@Test
	void llmEntityAndRelationPromptsRunInTheServer() throws Exception {
		List<PromptSpec> prompts = List.of(
				new PromptSpec(new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.LLM, "a medication",
						List.of(), List.of(), null, null, 0.5), "label", "text"),
				new PromptSpec(new Prompt("dose", Prompt.Kind.ENTITY, "DOSAGE", Prompt.Engine.LLM, "an amount taken",
						List.of(), List.of(), null, null, 0.5), "label", "text"),
				new PromptSpec(new Prompt("drug_dosage", Prompt.Kind.RELATION, "DRUG-DOSAGE", Prompt.Engine.LLM,
						"the amount of the drug taken at one time", List.of(), List.of(), "DRUG", "DOSAGE", 0.5),
						"label", "text"));
		Path file = dir.resolve("spec.json");
		JSON.writeValue(file.toFile(), new ServerSpec("llm", "prompts@1", null, null, null, prompts,
				new ServerSpec.LlmEndpoint("http://127.0.0.1:" + llm.getAddress().getPort() + "/v1", "test-model")));
		assertFalse(Files.readString(file).toLowerCase().contains("key"), "a spec has no place for a key");
		ServerSpec spec = PreannotationServer.readSpec(file);
		assertEquals(List.of(), spec.problems());

		ServerPipeline pipeline = ServerPipeline.load(spec, () -> {
			throw new AssertionError("prompts need no Spark");
		});
		assertEquals(List.of("DOSAGE", "DRUG"), pipeline.labels());
		assertEquals(List.of("DRUG-DOSAGE"), pipeline.relationLabels());

		String text = "aspirin 81 mg daily";
		TaskResult result = pipeline.predictor().predict(List.of(text)).get(0);
		Map<String, Region> spans = result.result().stream().filter(r -> r.type().equals(Region.LABELS))
				.collect(Collectors.toMap(Region::id, r -> r));
		assertEquals(List.of("DOSAGE:81 mg", "DRUG:aspirin"), spans.values().stream()
				.map(r -> r.value().labels().get(0) + ":" + text.substring(r.value().start(), r.value().end()))
				.sorted().toList(), "ibuprofen is not in the text: dropped");
		List<Region> relations = result.result().stream().filter(r -> r.type().equals("relation")).toList();
		assertEquals(1, relations.size(), result.result().toString());
		assertEquals("aspirin", spans.get(relations.get(0).from_id()).value().text());
		assertEquals("81 mg", spans.get(relations.get(0).to_id()).value().text());
		assertEquals(List.of("DRUG-DOSAGE"), relations.get(0).labels());
		assertTrue(result.result().stream().allMatch(r -> r.to_name() == null || r.to_name().equals("text")));
	}
}
