package io.labelbench.preannotate.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * A pre-annotation server the workbench knows: one it deployed (a local process with a pid) or a remote one
 * registered by URL and token. Kept as {@code server.json} in the server's folder of the {@link ServerRegistry}.
 *
 * @param project   the project folder it was deployed for ({@code null} for a remote server)
 * @param specHash  digest of the pipeline spec it runs; a different digest for the project's current spec means
 *                  the server is stale
 * @param heapMb    the -Xmx it was started with (0 for a remote server)
 */
public record ServerRecord(String id, String name, String project, URI url, String token, long pid, String specHash,
		String modelVersion, List<String> models, List<String> labels, int heapMb, Instant started, Path folder) {

	static final String FILE = "server.json";

	public ServerRecord {
		models = List.copyOf(models);
		labels = List.copyOf(labels);
	}

	public boolean remote() {
		return pid <= 0;
	}

	public ServerClient client(Duration predictTimeout) {
		return new ServerClient(url, token, predictTimeout);
	}

	/** Whether the process is still the server that was started (not a recycled pid). */
	public boolean processAlive() {
		if (remote()) {
			return false;
		}
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
				.filter(p -> p.info().commandLine().map(c -> c.contains("io.labelbench.server")).orElse(true))
				.isPresent();
	}

	public Path log() {
		return folder.resolve("server.log");
	}

	ObjectNode toJson() {
		ObjectNode json = Json.nodes().objectNode();
		json.put("id", id);
		json.put("name", name);
		json.put("project", project);
		json.put("url", url.toString());
		json.put("token", token);
		json.put("pid", pid);
		json.put("specHash", specHash);
		json.put("modelVersion", modelVersion);
		models.forEach(json.putArray("models")::add);
		labels.forEach(json.putArray("labels")::add);
		json.put("heapMb", heapMb);
		json.put("started", started.toString());
		return json;
	}

	static ServerRecord fromJson(JsonNode json, Path folder) throws IOException {
		try {
			return new ServerRecord(json.get("id").asText(), json.get("name").asText(), Json.text(json, "project"),
					URI.create(json.get("url").asText()), json.get("token").asText(), json.path("pid").asLong(0),
					Json.text(json, "specHash"), Json.text(json, "modelVersion"), strings(json.path("models")),
					strings(json.path("labels")), json.path("heapMb").asInt(0),
					Instant.parse(json.get("started").asText()), folder);
		} catch (RuntimeException e) {
			throw new IOException(folder.resolve(FILE) + " is not a server record: " + e.getMessage(), e);
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asText()));
		return out;
	}
}
