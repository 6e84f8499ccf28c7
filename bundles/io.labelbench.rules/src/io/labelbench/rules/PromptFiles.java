package io.labelbench.rules;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;

/**
 * Reads and writes prompt files: one prompt object or an array of them per {@code .json} file, in the format of
 * {@link Prompt}. A prompt that cannot run (unknown kind or engine, no label or description, a relation without head
 * and tail, a threshold outside 0–1) is refused with the file, the prompt's position and the field named; malformed
 * JSON with its line and column.
 */
public final class PromptFiles {

	private PromptFiles() {
	}

	/** All prompts of the {@code .json} files of a folder, in file-name order; a name used twice is refused. */
	public static List<Prompt> readFolder(Path folder) throws RuleException {
		List<Prompt> prompts = new ArrayList<>();
		Map<String, Path> seen = new HashMap<>();
		for (Path file : JsonFolder.files(folder, "prompts")) {
			for (Prompt prompt : read(file)) {
				Path first = seen.putIfAbsent(prompt.name(), file);
				if (first != null) {
					throw new RuleException(file + ": prompt '" + prompt.name() + "' is also defined in "
							+ first.getFileName() + "; prompt names must be unique");
				}
				prompts.add(prompt);
			}
		}
		return prompts;
	}

	public static List<Prompt> read(Path file) throws RuleException {
		JsonNode json;
		try {
			json = Json.mapper().readTree(file.toFile());
		} catch (JsonProcessingException e) {
			JsonLocation at = e.getLocation();
			String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
			throw new RuleException(file + where + ": malformed JSON: " + e.getOriginalMessage(), e);
		} catch (IOException e) {
			throw new RuleException(file + ": cannot read: " + e.getMessage(), e);
		}
		List<Prompt> prompts = new ArrayList<>();
		if (json != null && json.isArray()) {
			for (int i = 0; i < json.size(); i++) {
				prompts.add(prompt(file + "[" + i + "]", json.get(i)));
			}
		} else {
			prompts.add(prompt(file.toString(), json));
		}
		return prompts;
	}

	/** Reads one prompt object; {@code at} names where it comes from in messages. */
	public static Prompt prompt(String at, JsonNode json) throws RuleException {
		if (json == null || !json.isObject()) {
			throw new RuleException(at + ": expected a prompt object");
		}
		String name = required(at, json, "name");
		at = at + " (prompt '" + name + "')";
		String kindText = required(at, json, "kind").toLowerCase(Locale.ROOT);
		Prompt.Kind kind = switch (kindText) {
		case "entity" -> Prompt.Kind.ENTITY;
		case "classification" -> Prompt.Kind.CLASSIFICATION;
		case "relation" -> Prompt.Kind.RELATION;
		default -> throw new RuleException(at + ": kind must be entity, classification or relation, not '"
				+ kindText + "'");
		};
		String engineText = Json.text(json, "engine");
		if (json.has("engine") && engineText == null) {
			throw new RuleException(at + ": engine must be builtin or llm, not " + json.get("engine"));
		}
		Prompt.Engine engine = engineText == null ? Prompt.Engine.BUILTIN
				: switch (engineText.toLowerCase(Locale.ROOT)) {
				case "builtin" -> Prompt.Engine.BUILTIN;
				case "llm" -> Prompt.Engine.LLM;
				default -> throw new RuleException(at + ": engine must be builtin or llm, not '" + engineText + "'");
				};
		String label = required(at, json, "label");
		String description = required(at, json, "description");
		String head = null;
		String tail = null;
		if (kind == Prompt.Kind.RELATION) {
			if (engine == Prompt.Engine.BUILTIN) {
				throw new RuleException(at + ": relation prompts need an LLM engine (\"engine\": \"llm\")");
			}
			head = required(at, json, "head");
			tail = required(at, json, "tail");
		}
		double threshold = Prompt.DEFAULT_THRESHOLD;
		JsonNode value = json.get("threshold");
		if (value != null && !value.isNull()) {
			if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 1) {
				throw new RuleException(at + ": threshold must be a number from 0 to 1, not " + value);
			}
			threshold = value.doubleValue();
		}
		return new Prompt(name, kind, label, engine, description, strings(at, json, "examples"),
				strings(at, json, "counterExamples"), head, tail, threshold);
	}

	private static List<String> strings(String at, JsonNode json, String field) throws RuleException {
		JsonNode value = json.get(field);
		List<String> out = new ArrayList<>();
		if (value == null || value.isNull()) {
			return out;
		}
		if (!value.isArray()) {
			throw new RuleException(at + ": '" + field + "' must be an array of strings");
		}
		for (JsonNode item : value) {
			if (!item.isTextual() || item.asText().isBlank()) {
				throw new RuleException(at + ": '" + field + "' must be an array of non-empty strings, not " + value);
			}
			out.add(item.asText().strip());
		}
		return out;
	}

	private static String required(String at, JsonNode json, String field) throws RuleException {
		String value = Json.text(json, field);
		if (value == null || value.isBlank()) {
			throw new RuleException(at + ": '" + field + "' is missing");
		}
		return value.strip();
	}

	/** The JSON of one prompt, in the file format. */
	public static ObjectNode toJson(Prompt prompt) {
		ObjectNode json = Json.nodes().objectNode();
		json.put("name", prompt.name());
		json.put("kind", prompt.kind().name().toLowerCase(Locale.ROOT));
		json.put("label", prompt.label());
		json.put("engine", prompt.engine().name().toLowerCase(Locale.ROOT));
		json.put("description", prompt.description());
		if (prompt.kind() == Prompt.Kind.RELATION) {
			json.put("head", prompt.head());
			json.put("tail", prompt.tail());
		}
		if (!prompt.examples().isEmpty()) {
			prompt.examples().forEach(json.putArray("examples")::add);
		}
		if (!prompt.counterExamples().isEmpty()) {
			prompt.counterExamples().forEach(json.putArray("counterExamples")::add);
		}
		if (prompt.engine() == Prompt.Engine.BUILTIN) {
			json.put("threshold", prompt.threshold());
		}
		return json;
	}

	/** Writes prompts into one JSON file (an array), atomically. */
	public static void write(Path file, List<Prompt> prompts) throws IOException {
		ArrayNode array = Json.nodes().arrayNode();
		prompts.forEach(p -> array.add(toJson(p)));
		AtomicFile.write(file, out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, array));
	}
}
