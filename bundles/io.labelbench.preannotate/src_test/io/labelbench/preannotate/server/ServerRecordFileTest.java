package io.labelbench.preannotate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The record of a server holds its bearer token, so other users of the machine must not read it. */
class ServerRecordFileTest {

	@TempDir
	Path dir;

	@Test
	void aRegisteredServersTokenIsReadableByItsOwnerOnly() throws Exception {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		http.createContext("/", ex -> {
			byte[] body = "{\"specHash\": \"h\", \"modelVersion\": \"m@1\", \"models\": [], \"labels\": []}"
					.getBytes(StandardCharsets.UTF_8);
			ex.sendResponseHeaders(200, body.length);
			try (var out = ex.getResponseBody()) {
				out.write(body);
			}
		});
		http.start();
		try {
			ServerRecord server = new ServerRegistry(dir.resolve("servers")).register("remote",
					URI.create("http://127.0.0.1:" + http.getAddress().getPort()), "secret-token");
			Path record = server.folder().resolve(ServerRecord.FILE);
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(record)));
			assertTrue(Files.readString(record).contains("secret-token"));
		} finally {
			http.stop(0);
		}
	}
}
