package io.labelbench.hub;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where a hub lives: a folder or an http(s) URL holding {@code public/models/metadata.json} and
 * {@code public/models/<key>.zip}, laid out like Spark NLP's public hub so a mirror is a plain copy of it.
 */
public final class HubLocation {

	static final String MODELS = "public/models/";
	static final String METADATA = MODELS + "metadata.json";
	private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

	/** An open stream over a hub file, from an offset when the hub could resume there. */
	public record Opened(InputStream stream, long offset, long totalLength) {
	}

	private final Path folder;
	private final URI base;
	private HttpClient client;

	private HubLocation(Path folder, URI base) {
		this.folder = folder;
		this.base = base;
	}

	/** A hub from a preference or command-line value: an http(s) URL or a folder. */
	public static HubLocation parse(String text) {
		if (text.startsWith("http://") || text.startsWith("https://")) {
			return new HubLocation(null, URI.create(text.endsWith("/") ? text : text + "/"));
		}
		if (text.startsWith("file:")) {
			return new HubLocation(Path.of(URI.create(text)), null);
		}
		return new HubLocation(Path.of(text).toAbsolutePath().normalize(), null);
	}

	public static HubLocation folder(Path folder) {
		return new HubLocation(folder.toAbsolutePath().normalize(), null);
	}

	static String zipOf(HubEntry entry) {
		if (!SAFE_KEY.matcher(entry.key()).matches()) {
			throw new IllegalArgumentException("model key with unsafe characters: " + entry.key());
		}
		return MODELS + entry.key() + ".zip";
	}

	/** Opens a hub file, asking to start at {@code offset} (HTTP Range); the result says where it really starts. */
	Opened open(String relative, long offset) throws IOException {
		if (folder != null) {
			Path file = folder.resolve(relative);
			try {
				FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
				long size = channel.size();
				channel.position(Math.min(offset, size));
				return new Opened(Channels.newInputStream(channel), Math.min(offset, size), size);
			} catch (NoSuchFileException e) {
				throw new FileNotFoundException(this + ": no " + relative);
			}
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(relative)).GET();
		if (offset > 0) {
			request.header("Range", "bytes=" + offset + "-");
		}
		HttpResponse<InputStream> response;
		try {
			response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while connecting to " + this);
		}
		int status = response.statusCode();
		long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (status == 206) {
			long total = response.headers().firstValue("Content-Range").map(HubLocation::totalOfRange).orElse(-1L);
			return new Opened(response.body(), offset, total);
		}
		if (status == 200) {
			return new Opened(response.body(), 0, length);
		}
		response.body().close();
		if (status == 404) {
			throw new FileNotFoundException(this + ": no " + relative + " (HTTP 404)");
		}
		throw new IOException(this + ": HTTP " + status + " for " + relative);
	}

	private static long totalOfRange(String contentRange) {
		int slash = contentRange.lastIndexOf('/');
		try {
			return slash < 0 ? -1 : Long.parseLong(contentRange.substring(slash + 1).trim());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private synchronized HttpClient client() {
		if (client == null) {
			client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
					.build();
		}
		return client;
	}

	boolean isFolder() {
		return folder != null && Files.isDirectory(folder);
	}

	/** Where a hub file is, for messages: its path in a folder hub, its URL on an HTTP hub. */
	String describe(String relative) {
		return folder != null ? folder.resolve(relative).toString() : base.resolve(relative).toString();
	}

	@Override
	public String toString() {
		return folder != null ? folder.toString() : base.toString();
	}
}
