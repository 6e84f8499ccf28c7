package io.labelbench.core.model;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * The structural rules a task must meet to be stored: the types of the fields the product relies on. Content
 * problems (offsets, unknown names) are not faults here; {@code io.labelbench.core.check} reports them.
 */
public final class TaskShape {

	private TaskShape() {
	}

	/** The first structural problem of a task as {@code /json/pointer: what is wrong}, or {@code null}. */
	public static String problem(Task task) {
		JsonNode json = task.json();
		JsonNode id = json.get(Task.ID);
		// a task without id gets one on import, whatever it carries: Label Studio's own example tasks have
		// annotations and predictions but no id
		if (id != null && !id.isNull()) {
			try {
				TaskId.fromJson(id);
			} catch (IllegalArgumentException e) {
				return "/id: " + e.getMessage();
			}
		}
		if (!json.get(Task.DATA).isObject()) {
			return "/data: expected an object, found " + kind(json.get(Task.DATA));
		}
		for (String field : new String[] { Task.PREDICTIONS, Task.COMPLETIONS, Task.ANNOTATIONS }) {
			String problem = annotationsProblem(json.get(field), "/" + field);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static String annotationsProblem(JsonNode array, String path) {
		if (array == null || array.isNull()) {
			return null;
		}
		if (!array.isArray()) {
			return path + ": expected an array, found " + kind(array);
		}
		for (int i = 0; i < array.size(); i++) {
			JsonNode annotation = array.get(i);
			String at = path + "/" + i;
			if (!annotation.isObject()) {
				return at + ": expected an object, found " + kind(annotation);
			}
			JsonNode result = annotation.get("result");
			if (result == null || result.isNull()) {
				continue;
			}
			if (!result.isArray()) {
				return at + "/result: expected an array, found " + kind(result);
			}
			for (int r = 0; r < result.size(); r++) {
				String problem = regionProblem(result.get(r), at + "/result/" + r);
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private static String regionProblem(JsonNode region, String at) {
		if (!region.isObject()) {
			return at + ": expected an object, found " + kind(region);
		}
		JsonNode type = region.get("type");
		if (type != null && !type.isTextual()) {
			return at + "/type: expected a string, found " + kind(type);
		}
		JsonNode value = region.get("value");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			return at + "/value: expected an object, found " + kind(value);
		}
		for (String offset : new String[] { "start", "end" }) {
			JsonNode number = value.get(offset);
			// rich-text (HyperText) regions use XPath strings for start/end: only numbers must be integers
			if (number != null && number.isNumber() && !(number.isIntegralNumber() && number.canConvertToInt())) {
				return at + "/value/" + offset + ": expected an integer offset, found " + number;
			}
		}
		return null;
	}

	/** What a JSON value is, for messages: {@code a string}, {@code an array}, {@code null}… */
	public static String kind(JsonNode node) {
		if (node == null) {
			return "nothing";
		}
		return switch (node.getNodeType()) {
		case ARRAY -> "an array";
		case OBJECT -> "an object";
		case STRING -> "a string";
		case NUMBER -> "a number";
		case BOOLEAN -> "a boolean";
		case NULL -> "null";
		default -> node.getNodeType().name().toLowerCase();
		};
	}
}
