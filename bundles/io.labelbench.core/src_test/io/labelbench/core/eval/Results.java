package io.labelbench.core.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;

/** Hand-made results for the evaluation tests. */
final class Results {

	static final Set<String> ASSERTIONS = Set.of("ABSENT", "POSSIBLE");

	/** A config view whose only use here is to name the assertion labels. */
	static final ResultSchema SCHEMA = new ResultSchema() {
		@Override
		public boolean hasControl(String name) {
			return true;
		}

		@Override
		public boolean controlTargets(String controlName, String objectName) {
			return true;
		}

		@Override
		public Set<String> valuesOf(String controlName) {
			return Set.of();
		}

		@Override
		public Set<String> assertionLabels() {
			return ASSERTIONS;
		}
	};

	private Results() {
	}

	/** {@code "id:start:end:LABEL"} items as labels regions of object "text". */
	static String spans(String... spans) {
		StringBuilder json = new StringBuilder();
		for (String span : spans) {
			String[] p = span.split(":");
			if (json.length() > 0) {
				json.append(',');
			}
			json.append("{\"id\":\"").append(p[0]).append("\",\"from_name\":\"label\",\"to_name\":\"text\","
					+ "\"type\":\"labels\",\"value\":{\"start\":").append(p[1]).append(",\"end\":").append(p[2])
					.append(",\"labels\":[\"").append(p[3]).append("\"]}}");
		}
		return json.toString();
	}

	static String relation(String from, String to, String direction, String label) {
		return "{\"type\":\"relation\",\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\",\"direction\":\""
				+ direction + "\",\"labels\":[\"" + label + "\"]}";
	}

	static String choices(String control, String... choices) {
		return "{\"from_name\":\"" + control + "\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\""
				+ String.join("\",\"", choices) + "\"]}}";
	}

	static String box(String label, int page, double x, double y, double width, double height) {
		return "{\"from_name\":\"box\",\"to_name\":\"image\",\"type\":\"rectanglelabels\",\"value\":{\"x\":" + x
				+ ",\"y\":" + y + ",\"width\":" + width + ",\"height\":" + height + ",\"pageNumber\":" + page
				+ ",\"rectanglelabels\":[\"" + label + "\"]}}";
	}

	/** An annotation whose result is the given items (joined with commas). */
	static Annotation annotation(String... items) {
		return new Annotation(object("{\"result\":[" + String.join(",", items) + "]}"));
	}

	static ObjectNode object(String json) {
		try {
			return (ObjectNode) Json.mapper().readTree(json);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
