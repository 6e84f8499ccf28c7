package io.labelbench.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * A prediction or a completion (Label Studio: annotation) of a task: its result regions and metadata such
 * as {@code model_version}, {@code score}, {@code created_username}. A view over the task's JSON tree.
 */
public final class Annotation {

	public static final String RESULT = "result";

	private final ObjectNode json;

	public Annotation(ObjectNode json) {
		this.json = Objects.requireNonNull(json);
	}

	public ObjectNode json() {
		return json;
	}

	/** The {@code id} field as text ({@code null} when absent). */
	public String id() {
		JsonNode id = json.get("id");
		return id == null || id.isNull() ? null : id.asText();
	}

	public String modelVersion() {
		return Json.text(json, "model_version");
	}

	public String author() {
		return Json.text(json, "created_username");
	}

	/** The overall {@code score}, or {@code null} when absent or not a number. */
	public BigDecimal score() {
		JsonNode score = json.get("score");
		return score != null && score.isNumber() ? score.decimalValue() : null;
	}

	public List<Region> results() {
		JsonNode array = json.get(RESULT);
		if (array == null || !array.isArray()) {
			return List.of();
		}
		List<Region> regions = new ArrayList<>(array.size());
		for (JsonNode node : array) {
			if (node instanceof ObjectNode object) {
				regions.add(new Region(object));
			}
		}
		return regions;
	}

	public Region addResult(String type) {
		JsonNode existing = json.get(RESULT);
		ArrayNode array = existing instanceof ArrayNode a ? a : json.putArray(RESULT);
		ObjectNode region = array.addObject();
		region.put("type", type);
		return new Region(region);
	}
}
