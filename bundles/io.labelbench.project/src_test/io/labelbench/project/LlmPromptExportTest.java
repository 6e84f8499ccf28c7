package io.labelbench.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.labelbench.core.io.ExportFormat;
import io.labelbench.core.io.Progress;
import io.labelbench.core.io.TaskExporter;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.protocol.ServerSpec.LlmEndpoint;
import io.labelbench.rules.PromptLibrary;

/**
 * A project pre-annotated by an LLM prompt in a JVM of the server distribution (the API key in its environment, the
 * endpoint a chat server on 127.0.0.1), then exported in every text format: the key reached the endpoint, and it is
 * in no task file, no prediction and no export.
 */
class LlmPromptExportTest {

	private static final String KEY = "sk-export-test-7c6b5a4938271605";

	@TempDir
	Path dir;

	private HttpServer llm;
	private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

	/** Answers as a chat model asked for entities would: the drug of the text. */
	@BeforeEach
	void startLlm() throws IOException {
		llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		llm.createContext("/v1/chat/completions", exchange -> {
			authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.getRequestBody().readAllBytes();
			byte[] body = Json.mapper().writeValueAsBytes(Map.of("object", "chat.completion", "choices",
					List.of(Map.of("message", Map.of("role", "assistant", "content",
							"{\"entities\": [{\"label\": \"DRUG\", \"text\": \"aspirin\"}]}"))),
					"usage", Map.of("prompt_tokens", 40, "completion_tokens", 8)));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		llm.start();
	}

	@AfterEach
	void stopLlm() {
		llm.stop(0);
	}

	@Test
	void theKeyIsInNoTaskFileNorExportAfterPreannotationWithAnLlmPrompt() throws Exception {
		Path distribution = SpecAnnotator.builtDistribution("LlmPromptExportTest");
		if (distribution == null) {
			return;
		}
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		Files.writeString(project.configFile(), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG" prompt="drug"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		Files.createDirectories(project.folder().resolve("prompts"));
		Files.writeString(project.folder().resolve("prompts/drug.json"), """
				{"name": "drug", "kind": "entity", "label": "DRUG", "engine": "llm",
				 "description": "a medication the patient takes"}""");
		Files.createDirectories(project.tasks().folder());
		for (int id = 1; id <= 2; id++) {
			Files.writeString(project.tasks().folder().resolve(id + ".json"),
					"{\"id\": " + id + ", \"data\": {\"text\": \"Took aspirin " + id + " times.\"}}");
		}
		PipelineSpec spec = new ProjectPipeline(project, null).withPromptLibrary(new PromptLibrary(dir.resolve("none")))
				.withLlm(new LlmEndpoint("http://127.0.0.1:" + llm.getAddress().getPort() + "/v1", "test-model"))
				.spec("llm", new ModelCache(Files.createDirectories(dir.resolve("models"))));
		assertEquals(List.of(), spec.problems());

		SpecProcess process = new SpecProcess(distribution, Map.of("LABELBENCH_LLM_API_KEY", KEY));
		List<TaskId> ids = project.tasks().ids();
		RunSummary summary = new BulkRunner(project.tasks(), new SpecAnnotator(spec, process, "text"),
				BulkRunner.Options.DEFAULT).run(ids, Progress.NONE);
		assertEquals(2, summary.done(), summary.failures().toString());
		assertEquals(List.of("Bearer " + KEY, "Bearer " + KEY), authorizations, "the key reached the endpoint");
		List<Region> found = project.tasks().read(ids.get(0)).predictions().get(0).results();
		assertEquals(1, found.size(), found.toString());
		assertEquals(List.of("DRUG"), found.get(0).labels());
		assertEquals("aspirin", found.get(0).value().get("text").asText());

		Path exports = Files.createDirectories(dir.resolve("exports"));
		for (ExportFormat format : List.of(ExportFormat.GAL, ExportFormat.LABEL_STUDIO, ExportFormat.JSONL,
				ExportFormat.CONLL, ExportFormat.CSV, ExportFormat.TSV)) {
			new TaskExporter(project).export(format, exports.resolve("tasks-" + format.id() + "." + format.extension()),
					Progress.NONE);
		}
		JsonNode gal = Json.mapper().readTree(exports.resolve("tasks-gal.json").toFile());
		assertTrue(gal.toString().contains("\"DRUG\""), "the export holds the predictions: " + gal);
		assertNoFileContainsKey(exports, 6);
		assertNoFileContainsKey(project.folder(), 0);
	}

	private static void assertNoFileContainsKey(Path folder, int expectedFiles) throws IOException {
		int files = 0;
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertFalse(text.contains(KEY) || text.contains(KEY.substring(8)), "the API key is written in " + file);
				files++;
			}
		}
		assertTrue(files >= Math.max(1, expectedFiles), files + " files in " + folder);
	}
}
