package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.labelbench.protocol.ServerInfo;
import io.labelbench.protocol.ServerInfo.PromptInfo;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.rules.engine.Prompt;

/**
 * {@code GET /info} of a server running prompts: each prompt with its name, kind, engine and label; nothing of the
 * LLM endpoint (its address may carry a deployment name or a query a team keeps to itself, its key never travels).
 */
class ServerInfoPromptsTest {
	@TempDir
	Path dir;

	@Test
	void infoListsThePromptsAndNothingOfTheirEndpoint() throws Exception {
		String endpoint = "http://127.0.0.1:9/v1/private-deployment?api-version=2024-06-01";
		List<PromptSpec> prompts = List.of(
				new PromptSpec(new Prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.BUILTIN,
						"a disease, symptom or finding", List.of("chest pain"), List.of(), null, null, 0.4), "label",
						"text"),
				new PromptSpec(new Prompt("cardiology", Prompt.Kind.CLASSIFICATION, "Cardiology",
						Prompt.Engine.BUILTIN, "a note about the heart", List.of(), List.of(), null, null, 0.3), "class",
						"text"),
				new PromptSpec(new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.LLM, "a medication",
						List.of(), List.of(), null, null, 0.5), "label", "text"));
		Path file = dir.resolve("spec.json");
		new ObjectMapper().writeValue(file.toFile(), new ServerSpec("prompts", "prompts@1", null, null, null, prompts,
				new ServerSpec.LlmEndpoint(endpoint, "private-model")));
		ServerSpec spec = PreannotationServer.readSpec(file);
		ServerPipeline pipeline = ServerPipeline.load(spec, () -> {
			throw new AssertionError("prompts need no Spark");
		});
		PreannotationServer app = new PreannotationServer(spec, "0123456789abcdef", pipeline, "t0ken", 1 << 20, 10_000);
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		app.routes(http);
		http.start();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/info"))
					.header("Authorization", "Bearer t0ken").GET().build(), HttpResponse.BodyHandlers.ofString());
			assertEquals(200, response.statusCode(), response.body());
			ServerInfo info = PreannotationServer.protocolMapper().readValue(response.body(), ServerInfo.class);
			assertEquals(List.of(new PromptInfo("problem", "entity", "builtin", "PROBLEM"),
					new PromptInfo("cardiology", "classification", "builtin", "Cardiology"),
					new PromptInfo("drug", "entity", "llm", "DRUG")), info.prompts());
			assertEquals(List.of("Cardiology", "DRUG", "PROBLEM"), info.labels());
			for (String secret : List.of("127.0.0.1:9", "private-deployment", "api-version", "private-model")) {
				assertFalse(response.body().contains(secret), secret + " in /info: " + response.body());
			}
		} finally {
			http.stop(0);
		}
	}
}
