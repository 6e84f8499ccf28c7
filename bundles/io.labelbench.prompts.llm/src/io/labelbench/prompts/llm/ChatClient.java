package io.labelbench.prompts.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.rules.engine.RuleException;

/**
 * Sends chat-completions requests to one {@link LlmEndpoint}: asks for structured output (a JSON schema in
 * {@code response_format}) and, when the endpoint refuses that parameter, asks again without it and remembers;
 * repeats requests after 429, 5xx and timeouts with exponential back-off, honouring {@code Retry-After}; adds the
 * {@code usage} the endpoint reports to an {@link LlmUsage}. Thread-safe.
 */
public final class ChatClient {

	private static final System.Logger LOG = System.getLogger(ChatClient.class.getName());
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

	/** Waits between attempts; tests replace it to record the waits instead of sleeping. */
	interface Sleeper {
		void sleep(Duration duration) throws InterruptedException;
	}

	/** One message of a chat: {@code system} or {@code user}. */
	public record Message(String role, String content) {
	}

	private final LlmEndpoint endpoint;
	private final HttpClient http;
	private final ObjectMapper json = new ObjectMapper();
	private final LlmUsage usage;
	private final Duration firstBackOff;
	private final Sleeper sleeper;
	private volatile boolean schemaRefused;

	public ChatClient(LlmEndpoint endpoint, LlmUsage usage) {
		this(endpoint, usage, Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
	}

	ChatClient(LlmEndpoint endpoint, LlmUsage usage, Duration firstBackOff, Sleeper sleeper) {
		this.endpoint = endpoint;
		this.usage = usage;
		this.firstBackOff = firstBackOff;
		this.sleeper = sleeper;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(endpoint.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	public LlmEndpoint endpoint() {
		return endpoint;
	}

	/**
	 * The text of the first choice of the answer to the messages, asked with temperature 0 and, unless the endpoint
	 * refused it before, the JSON schema as structured output.
	 *
	 * @param schemaName a name for the schema ({@code [a-zA-Z0-9_-]})
	 * @throws RuleException when the endpoint cannot be reached, keeps failing after the retries, refuses the request
	 *                       (a 4xx other than 429) or answers without a message; the message says which
	 */
	public String complete(List<Message> messages, String schemaName, JsonNode schema) throws RuleException {
		boolean withSchema = !schemaRefused;
		while (true) {
			HttpResponse<String> response = send(body(messages, withSchema ? schemaName : null, schema));
			int status = response.statusCode();
			if (status == 400 && withSchema && mentionsResponseFormat(response.body())) {
				// llama.cpp builds and older vLLM without json_schema support: the prompt asks for JSON too
				LOG.log(System.Logger.Level.INFO, "the LLM endpoint {0} refuses response_format; asking for JSON in the "
						+ "prompt only", endpoint.baseUrl());
				schemaRefused = true;
				withSchema = false;
				continue;
			}
			if (status / 100 != 2) {
				throw new RuleException("the LLM endpoint " + endpoint.baseUrl() + " answered HTTP " + status + ": "
						+ errorText(response.body()));
			}
			return content(response.body());
		}
	}

	private String body(List<Message> messages, String schemaName, JsonNode schema) {
		ObjectNode body = json.createObjectNode();
		body.put("model", endpoint.model());
		body.put("temperature", 0);
		ArrayNode list = body.putArray("messages");
		for (Message m : messages) {
			list.addObject().put("role", m.role()).put("content", m.content());
		}
		if (schemaName != null) {
			ObjectNode format = body.putObject("response_format");
			format.put("type", "json_schema");
			ObjectNode jsonSchema = format.putObject("json_schema");
			jsonSchema.put("name", schemaName);
			jsonSchema.put("strict", true);
			jsonSchema.set("schema", schema);
		}
		return body.toString();
	}

	/** Sends with retries; the last response (2xx or not), or an exception once the retries are spent. */
	private HttpResponse<String> send(String body) throws RuleException {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.chatCompletions()).timeout(endpoint.timeout())
				.header("Content-Type", "application/json").header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (!endpoint.apiKey().isEmpty()) {
			request.header(endpoint.azure() ? "api-key" : "Authorization",
					endpoint.azure() ? endpoint.apiKey() : "Bearer " + endpoint.apiKey());
		}
		HttpRequest built = request.build();
		for (int attempt = 0;; attempt++) {
			boolean last = attempt >= endpoint.maxRetries();
			usage.request();
			Duration wait;
			try {
				HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				int status = response.statusCode();
				if (!(status == 429 || status >= 500) || last) {
					return response;
				}
				wait = retryAfter(response).orElse(backOff(attempt));
				LOG.log(System.Logger.Level.WARNING, "the LLM endpoint {0} answered HTTP {1}; retry {2} of {3} in {4} ms",
						endpoint.baseUrl(), String.valueOf(status), attempt + 1, endpoint.maxRetries(), String.valueOf(wait.toMillis()));
			} catch (HttpTimeoutException e) {
				if (last) {
					throw new RuleException("the LLM endpoint " + endpoint.baseUrl() + " did not answer within "
							+ endpoint.timeout().toMillis() + " ms (" + (attempt + 1) + " attempts)");
				}
				wait = backOff(attempt);
				LOG.log(System.Logger.Level.WARNING, "the LLM endpoint {0} did not answer within {1} ms; retry {2} of {3}",
						endpoint.baseUrl(), String.valueOf(endpoint.timeout().toMillis()), attempt + 1, endpoint.maxRetries());
			} catch (ConnectException e) {
				throw new RuleException("cannot connect to the LLM endpoint " + endpoint.baseUrl()
						+ " (is the server running and the base URL right?)", e);
			} catch (IOException e) {
				throw new RuleException("the LLM endpoint " + endpoint.baseUrl() + " failed: " + e.getMessage(), e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new RuleException("interrupted while waiting for the LLM endpoint", e);
			}
			usage.retry();
			try {
				sleeper.sleep(wait);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new RuleException("interrupted while waiting to retry the LLM endpoint", e);
			}
		}
	}

	/** 1, 2, 4, 8 … times the first back-off, with up to a quarter more at random so clients do not retry in step. */
	private Duration backOff(int attempt) {
		long millis = firstBackOff.toMillis() << Math.min(attempt, 10);
		millis += ThreadLocalRandom.current().nextLong(millis / 4 + 1);
		return Duration.ofMillis(Math.min(millis, LONGEST_WAIT.toMillis()));
	}

	/** {@code Retry-After} in seconds or as an HTTP date, at most a minute; empty when absent or unreadable. */
	static Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").flatMap(ChatClient::parseRetryAfter);
	}

	static Optional<Duration> parseRetryAfter(String value) {
		String v = value.strip();
		Duration wait;
		try {
			wait = Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
		} catch (NumberFormatException e) {
			try {
				wait = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
			} catch (DateTimeParseException notADate) {
				return Optional.empty();
			}
		}
		if (wait.isNegative()) {
			wait = Duration.ZERO;
		}
		return Optional.of(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
	}

	private String content(String body) throws RuleException {
		JsonNode answer;
		try {
			answer = json.readTree(body);
		} catch (IOException e) {
			throw new RuleException("the LLM endpoint " + endpoint.baseUrl()
					+ " did not answer with chat-completions JSON: " + excerpt(body));
		}
		JsonNode tokens = answer.path("usage");
		usage.tokens(tokens.path("prompt_tokens").asLong(0), tokens.path("completion_tokens").asLong(0));
		JsonNode message = answer.path("choices").path(0).path("message");
		JsonNode content = message.path("content");
		if (!content.isTextual()) {
			String refusal = message.path("refusal").asText("");
			throw new RuleException("the LLM endpoint " + endpoint.baseUrl() + " answered without a message"
					+ (refusal.isEmpty() ? ": " + excerpt(body) : " (refusal: " + excerpt(refusal) + ")"));
		}
		return content.asText();
	}

	private static boolean mentionsResponseFormat(String body) {
		String lower = body.toLowerCase(Locale.ROOT);
		return lower.contains("response_format") || lower.contains("json_schema");
	}

	/** The error message of an OpenAI-style error body, else the start of the body; never the key. */
	private String errorText(String body) {
		String text = body;
		try {
			JsonNode error = json.readTree(body).path("error");
			if (error.path("message").isTextual()) {
				text = error.path("message").asText();
			} else if (error.isTextual()) {
				text = error.asText();
			}
		} catch (IOException e) {
			// not JSON: the body itself, shortened
		}
		return excerpt(text);
	}

	/** At most 300 characters, with the API key blanked should an endpoint echo it. */
	String excerpt(String text) {
		String t = endpoint.apiKey().isEmpty() ? text : text.replace(endpoint.apiKey(), "***");
		return t.length() > 300 ? t.substring(0, 300) + "…" : t;
	}
}
