package io.labelbench.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.json.TaskFormatException;

/**
 * {@code .labelbench/project.json}: the project's members with their roles and its settings. Fields this
 * version does not know are kept.
 * <pre>{"members": [{"user": "ana", "role": "Owner"}], "settings": {"allowMixedEmbeddings": false}}</pre>
 */
public final class ProjectSettings {

	public static final String RELATIVE_PATH = ".labelbench/project.json";

	private final ObjectNode json;

	private ProjectSettings(ObjectNode json) {
		this.json = json;
	}

	public static ProjectSettings empty() {
		ObjectNode json = Json.nodes().objectNode();
		json.putArray("members");
		json.putObject("settings");
		return new ProjectSettings(json);
	}

	public static ProjectSettings read(Path file) throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			return empty();
		}
		try {
			JsonNode node = Json.mapper().readTree(bytes);
			if (node == null || !node.isObject()) {
				throw new TaskFormatException(file, 1, 1, "expected a JSON object");
			}
			JsonNode members = node.get("members");
			if (members != null && !members.isArray()) {
				throw new TaskFormatException(file, 0, 0, "/members: expected an array");
			}
			return new ProjectSettings((ObjectNode) node);
		} catch (JsonProcessingException e) {
			long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
			throw new TaskFormatException(file, line, column, "malformed JSON: " + e.getOriginalMessage(), e);
		}
	}

	public void write(Path file) throws IOException {
		AtomicFile.write(file, out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, json));
	}

	/** Members in file order, user name to role; entries with an unknown role are left out. */
	public Map<String, Role> members() {
		Map<String, Role> members = new LinkedHashMap<>();
		JsonNode array = json.get("members");
		if (array != null && array.isArray()) {
			for (JsonNode member : array) {
				String user = Json.text(member, "user");
				String role = Json.text(member, "role");
				if (user != null && role != null) {
					try {
						members.put(user, Role.parse(role));
					} catch (IllegalArgumentException e) {
						// an unknown role grants nothing
					}
				}
			}
		}
		return members;
	}

	public Optional<Role> roleOf(String user) {
		return Optional.ofNullable(members().get(user));
	}

	public void setRole(String user, Role role) {
		JsonNode existing = json.get("members");
		ArrayNode array = existing instanceof ArrayNode a ? a : json.putArray("members");
		for (JsonNode member : array) {
			if (user.equals(Json.text(member, "user"))) {
				((ObjectNode) member).put("role", role.label());
				return;
			}
		}
		array.addObject().put("user", user).put("role", role.label());
	}

	public ObjectNode settings() {
		JsonNode settings = json.get("settings");
		return settings instanceof ObjectNode object ? object : json.putObject("settings");
	}

	/**
	 * Whether {@code user} may do {@code permission}. A project with no members yet is its creator's alone:
	 * everyone is treated as Owner until the first member is added.
	 */
	public boolean may(String user, Permission permission) {
		if (members().isEmpty()) {
			return true;
		}
		return roleOf(user).map(role -> role.allows(permission)).orElse(false);
	}
}
