package io.labelbench.preannotate.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;
import io.labelbench.protocol.PredictRequest;
import io.labelbench.protocol.PredictResponse;
import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.ServerInfo;

/**
 * Talks to a pre-annotation server over HTTP/JSON with its bearer token: the messages are the records of
 * {@code io.labelbench.protocol} (the API is described in the server's {@code PreannotationServer}). Every failure is a {@link ServerException} with a sentence a user can act on.
 */
public final class ServerClient {
	private static final Duration CONNECT = Duration.ofSeconds(5);
	/** Tells the server how long this client waits, so that it drops work nobody waits for any more. */
	static final String TIMEOUT_HEADER = PredictRequest.TIMEOUT_HEADER;
	/**
	 * Extra waiting time per million characters of a request, on top of the base timeout: a server reads about
	 * 50,000 characters a second on two shared cores, so this leaves room for a machine a few times slower.
	 */
	static final Duration PER_MILLION_CHARS = Duration.ofMinutes(1);

	private final URI base;
	private final String token;
	private final HttpClient http;
	private final Duration predictTimeout;

	public ServerClient(URI base, String token, Duration predictTimeout) {
		this.base = base;
		this.token = token;
		this.predictTimeout = predictTimeout;
		this.http = HttpClient.newBuilder().connectTimeout(CONNECT).version(HttpClient.Version.HTTP_1_1).build();
	}

	public URI base() {
		return base;
	}

	/** True when the server answers its health check; false when it does not (any reason). */
	public boolean healthy() {
		try {
			return "ok".equals(get("/health", Duration.ofSeconds(5)).path("status").asText());
		} catch (ServerException e) {
			return false;
		}
	}

	public ServerInfo info() throws ServerException {
		return ProtocolJson.read(get("/info", Duration.ofSeconds(10)), ServerInfo.class, base, "an /info");
	}

	/**
	 * One result per text, in order, each with its list of regions, and the answer's model version (null from a
	 * server that does not send it).
	 */
	public PredictResponse predict(List<String> texts) throws ServerException {
		Duration timeout = predictTimeout(texts);
		JsonNode answer = send(HttpRequest.newBuilder(base.resolve("/predict")).timeout(timeout)
				.header(TIMEOUT_HEADER, String.valueOf(timeout.toMillis()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(ProtocolJson.write(new PredictRequest(texts)))));
		PredictResponse response = ProtocolJson.read(answer, PredictResponse.class, base, "a prediction");
		List<TaskResult> results = response.results();
		if (results == null || results.size() != texts.size()) {
			throw new ServerException("the server at " + base + " answered " + (results == null ? "no" : results.size())
					+ " results for " + texts.size() + " texts");
		}
		for (TaskResult r : results) {
			if (r == null || r.result() == null) {
				throw new ServerException("the server at " + base + " answered a result that is not {\"result\": [...]}");
			}
		}
		return response;
	}

	/** The base timeout plus {@link #PER_MILLION_CHARS} for the texts' length: long tasks take longer. */
	Duration predictTimeout(List<String> texts) {
		long chars = 0;
		for (String text : texts) {
			chars += text == null ? 0 : text.length();
		}
		return predictTimeout.plus(PER_MILLION_CHARS.multipliedBy(chars).dividedBy(1_000_000));
	}

	/** Asks the server to exit. */
	public void shutdown() throws ServerException {
		send(HttpRequest.newBuilder(base.resolve("/shutdown")).timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
	}

	private JsonNode get(String path, Duration timeout) throws ServerException {
		return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET());
	}

	private JsonNode send(HttpRequest.Builder request) throws ServerException {
		request.header("Authorization", "Bearer " + token);
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		} catch (ConnectException e) {
			throw new ServerUnreachableException("the server at " + base + " is not running (connection refused)", e);
		} catch (HttpTimeoutException e) {
			throw new ServerException("the server at " + base + " did not answer in time", e);
		} catch (IOException e) {
			throw new ServerUnreachableException("the server at " + base + " broke the connection: " + e.getMessage(),
					e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ServerException("interrupted while waiting for " + base, e);
		}
		JsonNode body;
		try {
			body = Json.mapper().readTree(response.body());
		} catch (JacksonException e) {
			throw new ServerException("the server at " + base + " answered something that is not JSON (HTTP "
					+ response.statusCode() + "): " + abbreviate(response.body()), e);
		}
		if (response.statusCode() == 401) {
			throw new ServerUnreachableException("the server at " + base + " refused the token (401)", null);
		}
		if (response.statusCode() != 200) {
			String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : abbreviate(response.body());
			throw new ServerException("the server at " + base + " answered " + response.statusCode() + ": " + error);
		}
		if (body == null || !body.isObject()) {
			throw new ServerException("the server at " + base + " answered " + abbreviate(response.body())
					+ " where a JSON object was expected");
		}
		return body;
	}

	private static String abbreviate(String s) {
		String flat = s == null ? "" : s.replaceAll("\\s+", " ").strip();
		return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
	}
}
