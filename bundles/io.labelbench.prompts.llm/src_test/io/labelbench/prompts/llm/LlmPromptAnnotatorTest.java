package io.labelbench.prompts.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.prompts.llm.ReplayServer.Reply;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator.Choice;
import io.labelbench.rules.engine.PromptAnnotator.Span;
import io.labelbench.rules.engine.RelationAnnotator.Relation;
import io.labelbench.rules.engine.RuleException;

class LlmPromptAnnotatorTest {

	private static final String KEY = "sk-test-9f8e7d6c5b4a39281706";

	private static final List<Prompt> PROMPTS = List.of(
			new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.LLM, "a medication", List.of("ibuprofen"),
					List.of(), null, null, 0),
			new Prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.LLM, "a disease or symptom", List.of(),
					List.of("pain clinic"), null, null, 0),
			new Prompt("cardio", Prompt.Kind.CLASSIFICATION, "Cardiology", Prompt.Engine.LLM, "about the heart",
					List.of(), List.of(), null, null, 0),
			new Prompt("onco", Prompt.Kind.CLASSIFICATION, "Oncology", Prompt.Engine.LLM, "about cancer", List.of(),
					List.of(), null, null, 0),
			new Prompt("dose", Prompt.Kind.RELATION, "DRUG-DOSAGE", Prompt.Engine.LLM, "the amount taken", List.of(),
					List.of(), "DRUG", "DOSAGE", 0));

	private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
	private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
	private final Handler capture = new Handler() {
		@Override
		public void publish(LogRecord record) {
			logged.add(new SimpleFormatter().format(record));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};
	private ReplayServer server;
	private LlmUsage usage;

	@BeforeEach
	void start() throws IOException {
		server = new ReplayServer();
		usage = new LlmUsage();
		Logger.getLogger("").addHandler(capture);
		capture.setLevel(Level.ALL);
	}

	@AfterEach
	void stop() {
		Logger.getLogger("").removeHandler(capture);
		server.close();
	}

	private LlmPromptAnnotator annotator(Duration timeout, int retries) {
		LlmEndpoint endpoint = LlmEndpoint.of(server.baseUrl(), "gpt-4o-mini", KEY).with(timeout, retries);
		return new LlmPromptAnnotator(new ChatClient(endpoint, usage, Duration.ofMillis(10), waits::add), usage,
				PROMPTS);
	}

	private LlmPromptAnnotator annotator() {
		return annotator(Duration.ofSeconds(10), 3);
	}

	@Test
	void entitiesGetExactOffsetsThroughEmojiCjkAndCrLf() throws RuleException {
		String text = "Pt took aspirin 81 mg \uD83D\uDC8A for chest pain.\r\n胸痛 again; metoprolol started. "
				+ "Later aspirin stopped.";
		server.recorded("entities.json");
		List<Span> spans = annotator().entities(text);
		assertEquals(List.of("aspirin", "chest pain", "胸痛", "metoprolol", "aspirin"),
				spans.stream().map(s -> s.match().text()).toList());
		for (Span s : spans) {
			assertEquals(s.match().text(), text.substring(s.match().start(), s.match().end()));
		}
		assertEquals(text.indexOf("chest pain"), spans.get(1).match().start());
		assertEquals(text.lastIndexOf("aspirin"), spans.get(4).match().start());
		assertEquals("problem", spans.get(1).match().rule(), "the rule of a span is the prompt's name");
		assertEquals("PROBLEM", spans.get(2).match().label());
		LlmUsage.Snapshot counted = usage.snapshot();
		assertEquals(231, counted.promptTokens());
		assertEquals(38, counted.completionTokens());
		assertEquals(1, counted.requests());
		assertEquals(0, counted.invented());

		ReplayServer.Request request = server.requests().get(0);
		assertEquals("/v1/chat/completions", request.path());
		assertEquals(List.of("Bearer " + KEY), request.headers().get("Authorization"));
		JsonNode body = json(request.body());
		assertEquals("gpt-4o-mini", body.path("model").asText());
		assertEquals("json_schema", body.path("response_format").path("type").asText());
		assertEquals("[\"DRUG\",\"PROBLEM\"]", body.path("response_format").path("json_schema").path("schema")
				.path("properties").path("entities").path("items").path("properties").path("label").path("enum")
				.toString());
		String prompt = body.path("messages").path(1).path("content").asText();
		assertTrue(prompt.contains("DRUG: a medication For example: \"ibuprofen\""), prompt);
		assertTrue(prompt.contains("Not this label: \"pain clinic\""), prompt);
		assertTrue(prompt.contains(text), "the text goes to the model as it is");
	}

	@Test
	void inventedStringsAndLabelsAreDroppedAndCounted() throws RuleException {
		server.recorded("invented.json");
		List<Span> spans = annotator().entities("She took aspirin for chest pain.");
		assertEquals(List.of("aspirin"), spans.stream().map(s -> s.match().text()).toList());
		assertEquals(3, usage.snapshot().invented(), "a paraphrase, a diagnosis not written, a label not asked for");
	}

	@Test
	void everyOccurrenceOfARepeatedStringIsLabelledOnceAndTheLongerSpanWins() throws RuleException {
		String text = "Aspirin for pain. Chest pain persists; aspirin continued.";
		server.recorded("repeated.json");
		List<Span> spans = annotator().entities(text);
		assertEquals(List.of("Aspirin@0", "pain@12", "Chest pain@18", "aspirin@39"),
				spans.stream().map(s -> s.match().text() + "@" + s.match().start()).toList());

		// named once, found twice; named twice, still labelled once per occurrence
		server.content("{\"entities\": [{\"label\": \"DRUG\", \"text\": \"aspirin\"}]}");
		server.content("{\"entities\": [{\"label\": \"DRUG\", \"text\": \"aspirin\"}, "
				+ "{\"label\": \"DRUG\", \"text\": \"aspirin\"}, {\"label\": \"DRUG\", \"text\": \"aspirin\"}]}");
		String twice = "aspirin then aspirin again; aspirinate is no drug here";
		assertEquals(2, annotator().entities(twice).size());
		assertEquals(2, annotator().entities(twice).size());
	}

	@Test
	void aLineBreakInTheTextMatchesTheSpaceTheModelWrote() throws RuleException {
		server.content("{\"entities\": [{\"label\": \"PROBLEM\", \"text\": \"chest pain\"}]}");
		List<Span> spans = annotator().entities("severe chest\r\npain since Monday");
		assertEquals("chest\r\npain", spans.get(0).match().text());
	}

	@Test
	void malformedJsonIsAskedAgainThenFailsClearly() throws RuleException {
		server.recorded("malformed.json").recorded("entities.json");
		assertEquals(1, annotator().entities("aspirin").size());
		assertEquals(1, usage.snapshot().malformed());

		server.recorded("malformed.json").recorded("malformed.json");
		RuleException e = assertThrows(RuleException.class, () -> annotator().entities("aspirin"));
		assertTrue(e.getMessage().contains("answered twice without the JSON asked for"), e.getMessage());
		assertTrue(e.getMessage().contains("Sure! Here are the entities"), "the answer is quoted: " + e.getMessage());
		assertEquals(3, usage.snapshot().malformed());
	}

	@Test
	void aJsonBlockInProseIsRead() throws RuleException {
		server.recorded("fenced.json");
		List<Span> spans = annotator().entities("Started metoprolol 25 mg.");
		assertEquals("metoprolol", spans.get(0).match().text());
		assertEquals(0, usage.snapshot().malformed());
	}

	@Test
	void rateLimitIsRetriedAfterTheTimeTheServerAsks() throws RuleException {
		server.reply(new Reply(429, Map.of("Retry-After", "2"), ReplayServer.read("rate-limited.json"), 0))
				.recorded("entities.json");
		assertEquals(1, annotator().entities("aspirin").size());
		assertEquals(List.of(Duration.ofSeconds(2)), waits);
		assertEquals(2, usage.snapshot().requests());
		assertEquals(1, usage.snapshot().retries());
		assertTrue(logged.stream().anyMatch(l -> l.contains("HTTP 429")), "the retry is logged: " + logged);
	}

	@Test
	void serverErrorsBackOffExponentiallyAndGiveUpWithTheirMessage() {
		for (int i = 0; i < 3; i++) {
			server.reply(new Reply(503, Map.of(), "{\"error\": {\"message\": \"model overloaded\"}}", 0));
		}
		RuleException e = assertThrows(RuleException.class,
				() -> annotator(Duration.ofSeconds(10), 2).entities("aspirin"));
		assertTrue(e.getMessage().contains("HTTP 503: model overloaded"), e.getMessage());
		assertEquals(2, waits.size());
		assertTrue(waits.get(0).toMillis() >= 10 && waits.get(0).toMillis() <= 13, "first back-off " + waits);
		assertTrue(waits.get(1).toMillis() >= 20 && waits.get(1).toMillis() <= 25, "doubled " + waits);
	}

	@Test
	void aTimeoutIsRetriedThenReported() throws RuleException {
		server.reply(new Reply(200, Map.of(), ReplayServer.read("entities.json"), 3000)).recorded("entities.json");
		assertEquals(1, annotator(Duration.ofMillis(400), 1).entities("aspirin").size());
		assertEquals(1, usage.snapshot().retries());

		server.reply(new Reply(200, Map.of(), ReplayServer.read("entities.json"), 3000))
				.reply(new Reply(200, Map.of(), ReplayServer.read("entities.json"), 3000));
		long start = System.nanoTime();
		RuleException e = assertThrows(RuleException.class,
				() -> annotator(Duration.ofMillis(400), 1).entities("aspirin"));
		assertTrue(e.getMessage().contains("did not answer within 400 ms (2 attempts)"), e.getMessage());
		assertTrue(System.nanoTime() - start < 2_500_000_000L, "the client does not wait for the slow answer");
	}

	@Test
	void anEndpointWithoutStructuredOutputIsAskedAgainWithoutIt() throws RuleException {
		server.reply(new Reply(400, Map.of(), ReplayServer.read("schema-refused.json"), 0)).recorded("fenced.json")
				.recorded("fenced.json");
		LlmPromptAnnotator annotator = annotator();
		assertEquals(1, annotator.entities("metoprolol").size());
		assertEquals(1, annotator.entities("metoprolol").size());
		List<ReplayServer.Request> requests = server.requests();
		assertTrue(json(requests.get(0).body()).has("response_format"));
		assertFalse(json(requests.get(1).body()).has("response_format"));
		assertFalse(json(requests.get(2).body()).has("response_format"), "the refusal is remembered");
	}

	@Test
	void classesOutsideThePromptsAreDropped() throws RuleException {
		server.recorded("classes.json");
		List<Choice> choices = annotator().classify("Echo shows a reduced ejection fraction; a mass was biopsied.");
		assertEquals(List.of("Cardiology", "Oncology"), choices.stream().map(Choice::choice).toList());
		assertEquals("cardio", choices.get(0).prompt());
		assertEquals(1, usage.snapshot().invented());
	}

	@Test
	void relationsKeepOnlyPairsOfTheHeadAndTailLabels() {
		String text = "aspirin 81 mg and metoprolol 25 mg";
		List<Entity> entities = List.of(new Entity(0, 7, "DRUG"), new Entity(8, 13, "DOSAGE"),
				new Entity(18, 28, "DRUG"), new Entity(29, 34, "DOSAGE"));
		server.recorded("relations.json");
		List<Relation> relations = annotator().relate(text, entities);
		assertEquals(List.of(new Relation(0, 1, "DRUG-DOSAGE", 1.0), new Relation(2, 3, "DRUG-DOSAGE", 1.0)),
				relations);
		assertEquals(2, usage.snapshot().invented(), "a reversed pair and an entity that does not exist");
		String prompt = json(server.requests().get(0).body()).path("messages").path(1).path("content").asText();
		assertTrue(prompt.contains("2. DRUG \"metoprolol\" at characters 18-28"), prompt);
		assertEquals(List.of("DRUG-DOSAGE"), annotator().labels());
	}

	@Test
	void theKeyAppearsInNoLogMessageResultOrCount() throws IOException {
		String text = "aspirin";
		server.reply(new Reply(429, Map.of(), ReplayServer.read("rate-limited.json"), 0))
				.reply(new Reply(401, Map.of(), "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY
						+ ". You can find your API key at https://platform.openai.com/account/api-keys.\"}}", 0));
		RuleException refused = assertThrows(RuleException.class, () -> annotator().entities(text));
		assertTrue(refused.getMessage().contains("HTTP 401: Incorrect API key provided: ***"), refused.getMessage());
		server.recorded("malformed.json").recorded("malformed.json");
		RuleException malformed = assertThrows(RuleException.class, () -> annotator().entities(text));
		RuleException unreachable;
		try (ServerSocket closed = new ServerSocket(0)) {
			int port = closed.getLocalPort();
			closed.close();
			LlmEndpoint nowhere = LlmEndpoint.of("http://127.0.0.1:" + port + "/v1", "m", KEY);
			unreachable = assertThrows(RuleException.class,
					() -> new LlmPromptAnnotator(nowhere, PROMPTS).entities(text));
			assertTrue(unreachable.getMessage().contains("cannot connect to the LLM endpoint"),
					unreachable.getMessage());
			assertFalse(nowhere.toString().contains(KEY), nowhere.toString());
		}
		List<String> everything = new ArrayList<>(logged);
		everything.add(refused.getMessage());
		everything.add(malformed.getMessage());
		everything.add(unreachable.getMessage());
		everything.add(usage.toString());
		for (String s : everything) {
			assertFalse(s.contains(KEY), "the key leaked: " + s);
			assertFalse(s.contains(KEY.substring(8)), "a part of the key leaked: " + s);
		}
		assertFalse(logged.isEmpty(), "the retry was logged, without the key");
	}

	@Test
	void azureGetsItsKeyInTheApiKeyHeaderAndKeepsItsQuery() {
		LlmEndpoint azure = LlmEndpoint.of("https://res.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21",
				"gpt4o", KEY);
		assertEquals("https://res.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21",
				azure.chatCompletions().toString());
		assertTrue(azure.azure());
		assertEquals("http://localhost:11434/v1/chat/completions",
				LlmEndpoint.of("http://localhost:11434/v1/", "llama3.1", "").chatCompletions().toString());
	}

	@Test
	void theEnvironmentGivesTheKeyAndMissingSettingsAreNamed() {
		LlmEndpoint endpoint = LlmEndpoint.fromEnvironment(null, "",
				Map.of(LlmEndpoint.URL_VARIABLE, "http://127.0.0.1:8080/v1", LlmEndpoint.MODEL_VARIABLE, "qwen",
						LlmEndpoint.KEY_VARIABLE, KEY));
		assertEquals(KEY, endpoint.apiKey());
		assertEquals("qwen", endpoint.model());
		IllegalArgumentException noUrl = assertThrows(IllegalArgumentException.class,
				() -> LlmEndpoint.fromEnvironment(null, "m", Map.of()));
		assertTrue(noUrl.getMessage().contains(LlmEndpoint.URL_VARIABLE), noUrl.getMessage());
		IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
				() -> LlmEndpoint.fromEnvironment("http://h/v1", null, Map.of()));
		assertTrue(noModel.getMessage().contains(LlmEndpoint.MODEL_VARIABLE), noModel.getMessage());
		assertThrows(IllegalArgumentException.class, () -> LlmEndpoint.of("file:///etc/passwd", "m", ""));
	}

	@Test
	void retryAfterIsReadInSecondsOrAsADateAndCapped() {
		assertEquals(Duration.ofMillis(1500), ChatClient.parseRetryAfter("1.5").orElseThrow());
		assertEquals(Duration.ofSeconds(60), ChatClient.parseRetryAfter("3600").orElseThrow());
		assertEquals(Duration.ZERO, ChatClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT").orElseThrow());
		assertTrue(ChatClient.parseRetryAfter("soon").isEmpty());
	}

	@Test
	void aLongTextIsSentInPartsAndOffsetsStayExact() throws RuleException {
		String paragraph = "The patient took aspirin. ".repeat(200) + "\n\n";
		String text = paragraph + paragraph + "Finally metoprolol.";
		List<int[]> parts = LlmPromptAnnotator.parts(text);
		assertTrue(parts.size() > 1);
		for (int i = 1; i < parts.size(); i++) {
			assertEquals(parts.get(i - 1)[1], parts.get(i)[0], "parts cover the text without gaps");
		}
		for (int i = 0; i < parts.size(); i++) {
			server.content("{\"entities\": [{\"label\": \"DRUG\", \"text\": \"metoprolol\"}]}");
		}
		List<Span> spans = annotator().entities(text);
		assertEquals(1, spans.size());
		assertEquals(text.indexOf("metoprolol"), spans.get(0).match().start());
		assertEquals(parts.size() - 1, usage.snapshot().invented(), "the parts without it");
	}

	private static JsonNode json(String body) {
		try {
			return new ObjectMapper().readTree(body);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
