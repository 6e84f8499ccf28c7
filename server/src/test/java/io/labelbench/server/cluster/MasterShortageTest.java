package io.labelbench.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Why a master gives no executor, read from its web UI's JSON, so the driver says so at once instead of waiting. */
class MasterShortageTest {
	private HttpServer http;
	private volatile String answer;

	@BeforeEach
	void masterWebUi() throws Exception {
		http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
		http.createContext("/json/", ex -> {
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			ex.sendResponseHeaders(200, body.length);
			ex.getResponseBody().write(body);
			ex.close();
		});
		http.start();
	}

	@AfterEach
	void stop() {
		http.stop(0);
	}

	private ClusterOptions options(String memory) {
		return ClusterOptions.from(Map.of("cluster", "spark://127.0.0.1:7077", "executor-memory", memory, "master-ui",
				"http://127.0.0.1:" + http.getAddress().getPort()));
	}

	private static String worker(String state, int cores, int used, int memory, int memoryUsed) {
		return "{\"host\": \"10.0.0.5\", \"state\": \"" + state + "\", \"cores\": " + cores + ", \"coresused\": " + used
				+ ", \"memory\": " + memory + ", \"memoryused\": " + memoryUsed + "}";
	}

	@Test
	void noWorkerAlive() {
		answer = "{\"workers\": [" + worker("DEAD", 2, 0, 2048, 0) + "], \"activeapps\": []}";
		assertEquals("it has no worker alive (its web UI " + options("1g").masterUi() + ")",
				ClusterDriver.shortage("app-1", options("1g")));
	}

	@Test
	void noWorkerWithTheCoresOrMemoryAskedFor() {
		answer = "{\"workers\": [" + worker("ALIVE", 1, 1, 1024, 1024) + ", " + worker("ALIVE", 1, 0, 1024, 0)
				+ "], \"activeapps\": [{\"id\": \"app-0\", \"cores\": 1}]}";
		assertEquals("no worker has 1 free core(s) and 3g of free memory (10.0.0.5 0 of 1 cores and 0 of 1024 MB free;"
				+ " 10.0.0.5 1 of 1 cores and 1024 of 1024 MB free)", ClusterDriver.shortage("app-1", options("3g")));
		assertNull(ClusterDriver.shortage("app-1", options("1g")), "the second worker has room for 1g");
	}

	@Test
	void anApplicationWithCoresGrantedWaitsForItsExecutors() {
		answer = "{\"workers\": [" + worker("ALIVE", 1, 1, 1024, 1024) + "], \"activeapps\": [{\"id\": \"app-1\","
				+ " \"cores\": 1}]}";
		assertNull(ClusterDriver.shortage("app-1", options("1g")));
	}

	@Test
	void aWebUiThatDoesNotAnswerLeavesItToTheWait() {
		ClusterOptions o = ClusterOptions.from(Map.of("cluster", "spark://127.0.0.1:7077", "master-ui",
				"http://127.0.0.1:9"));
		assertNull(ClusterDriver.shortage("app-1", o));
		assertEquals(1536, ClusterOptions.from(Map.of("cluster", "spark://h:1", "executor-memory", "1536m"))
				.executorMemoryMb());
	}
}
