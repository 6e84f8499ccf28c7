package io.labelbench.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * One item of an annotation's {@code result}: a labelled span, choices, a relation, a rectangle, a text
 * area or any other type, which is kept as it is. Offsets are UTF-16 code units, end exclusive.
 */
public final class Region {

	/** Result types this code understands; anything else is carried along untouched. */
	public enum Kind {
		LABELS("labels"), CHOICES("choices"), RELATION("relation"), RECTANGLE_LABELS("rectanglelabels"),
		TEXTAREA("textarea"), OTHER(null);

		private final String type;

		Kind(String type) {
			this.type = type;
		}

		public String type() {
			return type;
		}

		static Kind of(String type) {
			for (Kind kind : values()) {
				if (kind.type != null && kind.type.equals(type)) {
					return kind;
				}
			}
			return OTHER;
		}
	}

	private final ObjectNode json;

	public Region(ObjectNode json) {
		this.json = Objects.requireNonNull(json);
	}

	public ObjectNode json() {
		return json;
	}

	public String type() {
		return Json.text(json, "type");
	}

	public Kind kind() {
		return Kind.of(type());
	}

	public String id() {
		JsonNode id = json.get("id");
		return id == null || id.isNull() ? null : id.asText();
	}

	public String fromName() {
		return Json.text(json, "from_name");
	}

	public String toName() {
		return Json.text(json, "to_name");
	}

	/** Relation ends. */
	public String fromId() {
		JsonNode id = json.get("from_id");
		return id == null || id.isNull() ? null : id.asText();
	}

	public String toId() {
		JsonNode id = json.get("to_id");
		return id == null || id.isNull() ? null : id.asText();
	}

	public ObjectNode value() {
		JsonNode value = json.get("value");
		return value instanceof ObjectNode object ? object : null;
	}

	/** {@code value.start} when it is an integer, else {@code null}. */
	public Integer start() {
		return offset("start");
	}

	public Integer end() {
		return offset("end");
	}

	/** {@code value.text}, the covered text as the producer saw it. */
	public String text() {
		return Json.text(value(), "text");
	}

	/**
	 * The labels of the region: {@code value.<type>} for label-like types (labels, rectanglelabels, choices,
	 * hypertextlabels …), or the relation's own {@code labels}.
	 */
	public List<String> labels() {
		JsonNode array = kind() == Kind.RELATION ? json.get("labels") : null;
		ObjectNode value = value();
		if (array == null && value != null) {
			String type = type();
			array = type == null ? null : value.get(type);
			if (array == null) {
				array = value.get("labels");
			}
		}
		List<String> labels = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach(label -> labels.add(label.asText()));
		}
		return labels;
	}

	private Integer offset(String field) {
		ObjectNode value = value();
		JsonNode node = value == null ? null : value.get(field);
		return node != null && node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
	}

	/** Sets a labelled span. */
	public Region span(int start, int end, String text, String label) {
		ObjectNode value = json.putObject("value");
		value.put("start", start);
		value.put("end", end);
		value.put("text", text);
		value.putArray(type() == null ? "labels" : type()).add(label);
		return this;
	}
}
