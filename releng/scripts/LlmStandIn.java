import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 for the system tests: every entity request is answered
 * with the phrase "patient" as a PATIENT entity, the same way every time. A request without the bearer key of
 * LLM_STAND_IN_KEY gets 401. Each request adds "authorized" or "unauthorized" to the log (never the key).
 * <p>
 * Usage: {@code java LlmStandIn.java PORT_FILE LOG_FILE}; the port is written once it listens; stop it by pid.
 */
public final class LlmStandIn {
	private static final String ANSWER = "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
			+ "{\"role\":\"assistant\",\"content\":\"{\\\"entities\\\":[{\\\"label\\\":\\\"PATIENT\\\","
			+ "\\\"text\\\":\\\"patient\\\"}]}\"},\"finish_reason\":\"stop\"}],"
			+ "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":12}}";

	public static void main(String[] args) throws IOException {
		Path portFile = Path.of(args[0]);
		Path log = Path.of(args[1]);
		String expected = "Bearer " + System.getenv("LLM_STAND_IN_KEY");
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		http.createContext("/v1/chat/completions", exchange -> {
			exchange.getRequestBody().readAllBytes();
			boolean authorized = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
			synchronized (LlmStandIn.class) {
				Files.writeString(log, (authorized ? "authorized" : "unauthorized") + "\n", StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			answer(exchange, authorized ? 200 : 401,
					authorized ? ANSWER : "{\"error\":{\"message\":\"invalid API key\",\"type\":\"invalid_request_error\"}}");
		});
		http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		http.start();
		Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
		Files.writeString(tmp, String.valueOf(http.getAddress().getPort()));
		Files.move(tmp, portFile);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
