package io.labelbench.core.model;

import java.util.Comparator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A task id as it appears in task JSON (a number in GAL and Label Studio, sometimes a string) and as the
 * name of the task's file, {@code tasks/<id>.json}. Ids that could escape the tasks folder are rejected.
 */
public record TaskId(String value, boolean numeric) implements Comparable<TaskId> {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
	private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

	/** Numbers first in numeric order, then names in lexical order. */
	private static final Comparator<TaskId> ORDER = Comparator.comparing((TaskId id) -> !id.numeric)
			.thenComparing(id -> id.numeric ? id.value.length() : 0).thenComparing(TaskId::value);

	public TaskId {
		if (value == null || !SAFE.matcher(value).matches() || value.endsWith(".")) {
			throw new IllegalArgumentException("not a valid task id: " + value
					+ " (letters, digits, '_', '-', '.'; at most 128 characters)");
		}
		if (numeric && !NUMBER.matcher(value).matches()) {
			throw new IllegalArgumentException("not a numeric task id: " + value);
		}
	}

	public static TaskId of(long number) {
		if (number < 0) {
			throw new IllegalArgumentException("task ids are not negative: " + number);
		}
		return new TaskId(Long.toString(number), true);
	}

	/** Parses a file-name stem or a command-line argument: digits make a numeric id. */
	public static TaskId parse(String text) {
		return new TaskId(text, NUMBER.matcher(text).matches());
	}

	/** The id of a task JSON {@code id} field; {@code null} when the field is absent or null. */
	public static TaskId fromJson(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return new TaskId(node.bigIntegerValue().toString(), true);
		}
		if (node.isTextual()) {
			return new TaskId(node.asText(), false);
		}
		throw new IllegalArgumentException("a task id must be a number or a string, not " + node.getNodeType());
	}

	public JsonNode toJson() {
		return numeric ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
				: JsonNodeFactory.instance.textNode(value);
	}

	public long number() {
		if (!numeric) {
			throw new IllegalStateException("task id " + value + " is not a number");
		}
		return Long.parseLong(value);
	}

	public String fileName() {
		return value + ".json";
	}

	@Override
	public int compareTo(TaskId other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return value;
	}
}
