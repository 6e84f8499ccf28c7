package io.labelbench.preannotate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.protocol.ServerInfo;

/**
 * The client against stand-ins on 127.0.0.1 that speak the server's protocol, or fail to: garbage, a wrong token,
 * nobody listening, and a server that disappears in the middle of a bulk run.
 */
class ServerClientTest {
	@TempDir
	Path dir;
	HttpServer http;

	@AfterEach
	void stop() {
		if (http != null) {
			http.stop(0);
		}
	}

	interface Handler {
		void handle(HttpExchange ex) throws IOException;
	}

	private URI serve(Handler handler) throws IOException {
		http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		http.createContext("/", handler::handle);
		http.start();
		return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
	}

	private static void answer(HttpExchange ex, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		ex.sendResponseHeaders(status, bytes.length);
		try (var out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void garbageWrongTokenAndNobodyListeningAreClearErrors() throws Exception {
		URI garbage = serve(ex -> answer(ex, 200, "<html>proxy error</html>"));
		ServerException e = assertThrows(ServerException.class,
				() -> new ServerClient(garbage, "t", Duration.ofSeconds(5)).info());
		assertTrue(e.getMessage().contains("not JSON") && e.getMessage().contains("proxy error"), e.getMessage());
		http.stop(0);

		URI guarded = serve(ex -> answer(ex, "Bearer right".equals(ex.getRequestHeaders().getFirst("Authorization"))
				? 200 : 401, "{\"error\":\"missing or wrong bearer token\"}"));
		ServerException refused = assertThrows(ServerException.class,
				() -> new ServerClient(guarded, "wrong", Duration.ofSeconds(5)).info());
		assertInstanceOf(ServerUnreachableException.class, refused);
		assertTrue(refused.getMessage().contains("refused the token"), refused.getMessage());
		http.stop(0);
		http = null;

		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		ServerClient nobody = new ServerClient(URI.create("http://127.0.0.1:" + port), "t", Duration.ofSeconds(5));
		ServerException down = assertThrows(ServerUnreachableException.class, nobody::info);
		assertTrue(down.getMessage().contains("not running"), down.getMessage());
		assertEquals(false, nobody.healthy());
	}

	@Test
	void aServerThatDiesStopsTheRunAndARerunResumes() throws Exception {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		for (int i = 1; i <= 50; i++) {
			store.write(Task.of(TaskId.of(i), "task " + i + " aspirin"));
		}
		AtomicInteger batches = new AtomicInteger();
		AtomicInteger dieAt = new AtomicInteger(3);
		Handler predict = ex -> {
			if (ex.getRequestURI().getPath().equals("/info")) {
				answer(ex, 200, "{\"modelVersion\":\"m@1\"}");
				return;
			}
			JsonNode texts = Json.mapper().readTree(ex.getRequestBody()).get("texts");
			if (batches.incrementAndGet() == dieAt.get()) {
				http.stop(0); // the server process dies with this batch in flight
				ex.close();
				return;
			}
			StringBuilder results = new StringBuilder();
			for (JsonNode t : texts) {
				int start = t.asText().indexOf("aspirin");
				results.append(results.length() == 0 ? "" : ",").append("{\"result\":[{\"from_name\":\"label\",")
						.append("\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":").append(start)
						.append(",\"end\":").append(start + 7).append(",\"text\":\"aspirin\",\"labels\":[\"DRUG\"],")
						.append("\"confidence\":0.9}}],\"score\":0.9}");
			}
			answer(ex, 200, "{\"results\":[" + results + "],\"modelVersion\":\"m@1\"}");
		};
		URI base = serve(predict);
		ServerRecord server = new ServerRecord("s1", "test", null, base, "t", 0, null, null, List.of(), List.of(), 0,
				Instant.now(), dir);
		RunSummary first = new BulkRunner(store, new ServerAnnotator(server, "text", Duration.ofSeconds(10)),
				new BulkRunner.Options(10, false)).run(store.ids(), Progress.NONE);

		assertEquals(20, first.done());
		assertTrue(first.stoppedBy() != null && first.stoppedBy().contains(base.toString()), first.toString());
		assertEquals(0, first.failed(), "tasks are not blamed for a dead server");
		assertTrue(store.read(TaskId.of(21)).predictions().isEmpty());

		dieAt.set(-1);
		URI restarted = serve(predict);
		ServerRecord redeployed = new ServerRecord("s2", "test", null, restarted, "t", 0, null, null, List.of(),
				List.of(), 0, Instant.now(), dir);
		RunSummary rerun = new BulkRunner(store, new ServerAnnotator(redeployed, "text", Duration.ofSeconds(10)),
				new BulkRunner.Options(10, false)).run(store.ids(), Progress.NONE);
		assertEquals(30, rerun.done());
		assertEquals(20, rerun.skipped());
		assertTrue(rerun.complete(), rerun.toString());
		for (TaskId id : store.ids()) {
			Task task = store.read(id);
			assertEquals(1, task.predictions().size(), id.toString());
			var region = task.predictions().get(0).results().get(0);
			assertEquals("aspirin", task.text().substring(region.start(), region.end()));
		}
	}

	@Test
	void aBatchOfLongTasksGoesAsSeveralRequestsUnderTheBudget() throws Exception {
		List<Integer> requestSizes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		URI base = serve(ex -> {
			if (ex.getRequestURI().getPath().equals("/info")) {
				answer(ex, 200, "{\"modelVersion\":\"m@1\"}");
				return;
			}
			JsonNode texts = Json.mapper().readTree(ex.getRequestBody()).get("texts");
			requestSizes.add(texts.size());
			StringBuilder results = new StringBuilder();
			for (JsonNode t : texts) {
				results.append(results.length() == 0 ? "" : ",").append("{\"result\":[],\"score\":")
						.append(t.asText().length()).append('}');
			}
			answer(ex, 200, "{\"results\":[" + results + "],\"modelVersion\":\"m@1\"}");
		});
		ServerRecord server = new ServerRecord("s1", "test", null, base, "t", 0, null, null, List.of(), List.of(), 0,
				Instant.now(), dir);
		// 600,000 UTF-16 units count as 1.8 MB of UTF-8 at most: two fit the 4 MB budget, a third does not
		List<Task> tasks = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			tasks.add(Task.of(TaskId.of(i), String.valueOf((char) ('a' + i)).repeat(600_000 + i)));
		}
		List<io.labelbench.preannotate.Annotator.Output> outputs = new ServerAnnotator(server, "text",
				Duration.ofSeconds(30)).annotate(tasks);
		assertEquals(List.of(2, 2, 1), requestSizes);
		for (int i = 0; i < 5; i++) {
			assertEquals(600_001 + i, outputs.get(i).score().intValue(), "outputs stay in task order");
		}
	}

	@Test
	void theServerIsToldHowLongTheClientWaitsAndLongTextsGetMoreTime() throws Exception {
		List<String> timeouts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		URI base = serve(ex -> {
			timeouts.add(ex.getRequestHeaders().getFirst(ServerClient.TIMEOUT_HEADER));
			int n = Json.mapper().readTree(ex.getRequestBody()).get("texts").size();
			answer(ex, 200, "{\"results\":[" + String.join(",", java.util.Collections.nCopies(n, "{\"result\":[]}"))
					+ "],\"modelVersion\":\"m@1\"}");
		});
		ServerClient client = new ServerClient(base, "t", Duration.ofSeconds(30));
		client.predict(List.of("Give aspirin 81 mg."));
		client.predict(List.of("a".repeat(1_000_000), "b".repeat(1_000_000)));
		assertEquals(List.of("30001", String.valueOf(30_000 + 2 * 60_000)), timeouts); // 19 characters add 1 ms
	}

	/** A clinical prediction as a server sends it: two entities, the assertion of one, a relation between them. */
	private static final String CLINICAL_RESULT = """
			{"result": [
			  {"id": "lb1", "from_name": "label", "to_name": "text", "type": "labels",
			   "value": {"start": 3, "end": 10, "text": "aspirin", "labels": ["DRUG"], "confidence": 0.97}},
			  {"id": "lb2", "from_name": "label", "to_name": "text", "type": "labels",
			   "value": {"start": 11, "end": 17, "text": "100 mg", "labels": ["STRENGTH"], "confidence": 0.93}},
			  {"id": "lb3", "from_name": "label", "to_name": "text", "type": "labels",
			   "value": {"start": 25, "end": 35, "text": "chest pain", "labels": ["PROBLEM"], "confidence": 0.9}},
			  {"id": "lb4", "from_name": "label", "to_name": "text", "type": "labels",
			   "value": {"start": 25, "end": 35, "text": "chest pain", "labels": ["absent"], "confidence": 0.88}},
			  {"id": "lb5", "type": "relation", "from_id": "lb1", "to_id": "lb2", "direction": "right",
			   "labels": ["DRUG-STRENGTH"], "confidence": 0.91}],
			 "score": 0.918}""";

	@Test
	void assertionRegionsAndRelationsGoIntoThePredictionWithTheServersIds() throws Exception {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		String text = "No aspirin 100 mg; no chest pain.";
		store.write(Task.of(TaskId.of(1), text));
		URI base = serve(ex -> {
			if (ex.getRequestURI().getPath().equals("/info")) {
				answer(ex, 200, "{\"modelVersion\":\"m@1\",\"assertionLabels\":[\"absent\"],"
						+ "\"relationLabels\":[\"DRUG-STRENGTH\"],\"comingLater\":{\"x\":1}}");
				return;
			}
			answer(ex, 200, "{\"results\":[" + CLINICAL_RESULT + "],\"modelVersion\":\"m@1\",\"tookMs\":3}");
		});
		ServerRecord server = new ServerRecord("s1", "test", null, base, "t", 0, null, null, List.of(), List.of(), 0,
				Instant.now(), dir);
		assertEquals(List.of("absent"), server.client(Duration.ofSeconds(5)).info().assertionLabels());
		RunSummary run = new BulkRunner(store, new ServerAnnotator(server, "text", Duration.ofSeconds(10)),
				new BulkRunner.Options(10, false)).run(store.ids(), Progress.NONE);
		assertTrue(run.complete(), run.toString());

		JsonNode prediction = store.read(TaskId.of(1)).json().path("predictions").get(0);
		assertEquals("m@1", prediction.path("model_version").asText());
		assertEquals(Json.mapper().readTree(CLINICAL_RESULT).path("result"), prediction.path("result"),
				"regions as the server sent them: ids, assertion, relation, confidences; no null fields added");
		assertEquals(0.918, prediction.path("score").asDouble());
	}

	@Test
	void theStatusListsThePromptsTheServerRuns() throws Exception {
		URI base = serve(ex -> answer(ex, 200, "{\"modelVersion\":\"m@1+prompts@2\",\"prompts\":["
				+ "{\"name\":\"symptom\",\"kind\":\"entity\",\"engine\":\"builtin\",\"label\":\"SYMPTOM\"},"
				+ "{\"name\":\"urgent\",\"kind\":\"classification\",\"engine\":\"llm\",\"label\":\"urgent\"}]}"));
		ServerRecord server = new ServerRecord("s1", "test", null, base, "t", 0, null, null,
				List.of("ner_posology_labelbench"), List.of(), 0, Instant.now(), dir);
		ServerStatus status = new ServerRegistry(dir.resolve("servers")).status(server);
		assertEquals(List.of(new ServerInfo.PromptInfo("symptom", "entity", "builtin", "SYMPTOM"),
				new ServerInfo.PromptInfo("urgent", "classification", "llm", "urgent")), status.info().prompts());
		assertEquals(List.of("ner_posology_labelbench", "prompt:symptom", "prompt:urgent"), status.modelsAndPrompts());
		assertEquals("symptom (entity, builtin)", status.info().prompts().get(0).toString());
		ServerStatus silent = new ServerStatus(server, ServerStatus.State.FAILED, null);
		assertEquals(List.of("ner_posology_labelbench"), silent.modelsAndPrompts(), "no /info: the models alone");
	}

	@Test
	void aServerRedeployedInTheMiddleOfARunStopsIt() throws Exception {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		for (int i = 1; i <= 3; i++) {
			store.write(Task.of(TaskId.of(i), "task " + i));
		}
		URI base = serve(ex -> answer(ex, 200, ex.getRequestURI().getPath().equals("/info")
				? "{\"modelVersion\":\"m@1\"}"
				: "{\"results\":[{\"result\":[]},{\"result\":[]},{\"result\":[]}],\"modelVersion\":\"m@2\"}"));
		ServerRecord server = new ServerRecord("s1", "test", null, base, "t", 0, null, null, List.of(), List.of(), 0,
				Instant.now(), dir);
		RunSummary run = new BulkRunner(store, new ServerAnnotator(server, "text", Duration.ofSeconds(10)),
				new BulkRunner.Options(10, false)).run(store.ids(), Progress.NONE);
		assertTrue(run.stoppedBy() != null && run.stoppedBy().contains("redeployed"), run.toString());
		assertEquals(0, run.done());
	}

	@Test
	void aServerOfTheOldProtocolIsStillRead() throws Exception {
		// before the shared protocol a server answered "model_version"; the version comes from /info anyway
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		store.write(Task.of(TaskId.of(1), "aspirin"));
		URI base = serve(ex -> answer(ex, 200, ex.getRequestURI().getPath().equals("/info")
				? "{\"modelVersion\":\"m@1\",\"models\":[{\"name\":\"ner\",\"kind\":\"ner\",\"labels\":[\"DRUG\"]}]}"
				: "{\"results\":[{\"result\":[{\"id\":\"lb1\",\"from_name\":\"label\",\"to_name\":\"text\","
						+ "\"type\":\"labels\",\"value\":{\"start\":0,\"end\":7,\"text\":\"aspirin\","
						+ "\"labels\":[\"DRUG\"],\"confidence\":0.9}}],\"score\":0.9}],\"model_version\":\"m@1\"}"));
		ServerRecord server = new ServerRecord("s1", "test", null, base, "t", 0, null, null, List.of(), List.of(), 0,
				Instant.now(), dir);
		RunSummary run = new BulkRunner(store, new ServerAnnotator(server, "text", Duration.ofSeconds(10)),
				new BulkRunner.Options(10, false)).run(store.ids(), Progress.NONE);
		assertTrue(run.complete() && run.done() == 1, run.toString());
		var prediction = store.read(TaskId.of(1)).predictions().get(0);
		assertEquals("m@1", prediction.modelVersion());
		assertEquals("aspirin", prediction.results().get(0).text());
	}

	@Test
	void anAnswerThatIsNotTheProtocolIsAClearError() throws Exception {
		URI base = serve(ex -> answer(ex, 200, "{\"results\":[{\"result\":{\"not\":\"a list\"}}]}"));
		ServerException e = assertThrows(ServerException.class,
				() -> new ServerClient(base, "t", Duration.ofSeconds(5)).predict(List.of("x")));
		assertTrue(e.getMessage().contains("does not follow the protocol") && e.getMessage().contains(base.toString()),
				e.getMessage());
	}
}
