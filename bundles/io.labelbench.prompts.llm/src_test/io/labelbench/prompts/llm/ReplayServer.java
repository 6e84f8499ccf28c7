package io.labelbench.prompts.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that replays answers recorded in {@code testdata/}
 * (or given inline), one per request in order, and keeps the requests it got.
 */
final class ReplayServer implements AutoCloseable {

	static final Path TESTDATA = Path.of("testdata");

	record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
	}

	record Request(String path, Map<String, List<String>> headers, String body) {
	}

	private final HttpServer server;
	private final Deque<Reply> replies = new ArrayDeque<>();
	private final List<Request> requests = new ArrayList<>();

	ReplayServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Reply reply;
			synchronized (this) {
				requests.add(new Request(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()),
						body));
				reply = replies.isEmpty() ? new Reply(500, Map.of(), "{\"error\": {\"message\": \"no reply left\"}}", 0)
						: replies.poll();
			}
			try {
				Thread.sleep(reply.delayMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
			reply.headers().forEach(exchange.getResponseHeaders()::add);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			try {
				exchange.sendResponseHeaders(reply.status(), bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			} catch (IOException clientGone) {
				// the client timed out and closed the connection
			}
		});
		server.start();
	}

	/** The base URL, as a user would configure it. */
	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	/** Replays a recorded answer file of testdata/. */
	ReplayServer recorded(String file) {
		return reply(new Reply(200, Map.of(), read(file), 0));
	}

	/** Replays a chat completion whose message is the given content. */
	ReplayServer content(String content) {
		String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
		return reply(new Reply(200, Map.of(), "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"choices\": "
				+ "[{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"" + escaped + "\"}, "
				+ "\"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 100, \"completion_tokens\": 10, "
				+ "\"total_tokens\": 110}}", 0));
	}

	synchronized ReplayServer reply(Reply reply) {
		replies.add(reply);
		return this;
	}

	synchronized List<Request> requests() {
		return List.copyOf(requests);
	}

	static String read(String file) {
		try {
			return Files.readString(TESTDATA.resolve(file));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}
}
