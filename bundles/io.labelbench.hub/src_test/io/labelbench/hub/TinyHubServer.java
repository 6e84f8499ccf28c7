package io.labelbench.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 file server on 127.0.0.1 for hub tests: GET with optional {@code Range: bytes=N-}, and a
 * switch that drops the connection part-way through the first response of a zip, as a flaky network does.
 */
final class TinyHubServer implements AutoCloseable {

	private final ServerSocket socket;
	private final Path root;
	private final Thread thread;
	final AtomicInteger rangeRequests = new AtomicInteger();
	volatile long dropFirstZipAfter = -1;
	volatile boolean honourRange = true;

	TinyHubServer(Path root) throws IOException {
		this.root = root;
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.thread = new Thread(this::serve, "tiny-hub");
		thread.setDaemon(true);
		thread.start();
	}

	String url() {
		return "http://127.0.0.1:" + socket.getLocalPort() + "/";
	}

	private void serve() {
		while (!socket.isClosed()) {
			try (Socket client = socket.accept()) {
				handle(client);
			} catch (IOException e) {
				// a dropped or closed connection: serve the next one
			}
		}
	}

	private void handle(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
		String requestLine = in.readLine();
		if (requestLine == null) {
			return;
		}
		long from = 0;
		String header;
		while ((header = in.readLine()) != null && !header.isEmpty()) {
			if (header.toLowerCase().startsWith("range: bytes=") && honourRange) {
				from = Long.parseLong(header.substring("range: bytes=".length(), header.indexOf('-')));
				rangeRequests.incrementAndGet();
			}
		}
		String path = requestLine.split(" ")[1].substring(1);
		Path file = root.resolve(path).normalize();
		OutputStream out = client.getOutputStream();
		if (!file.startsWith(root) || !Files.isRegularFile(file)) {
			out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			return;
		}
		byte[] bytes = Files.readAllBytes(file);
		String head = from > 0
				? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length + "\r\n"
				: "HTTP/1.1 200 OK\r\n";
		int length = (int) (bytes.length - from);
		out.write((head + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		long drop = dropFirstZipAfter;
		if (drop > 0 && path.endsWith(".zip") && from == 0) {
			dropFirstZipAfter = -1;
			out.write(bytes, 0, (int) drop);
			out.flush();
			client.setSoLinger(true, 0); // reset, as a dropped connection does
			return;
		}
		out.write(bytes, (int) from, length);
		out.flush();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
