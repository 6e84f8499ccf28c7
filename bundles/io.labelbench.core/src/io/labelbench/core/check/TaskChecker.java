package io.labelbench.core.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.model.TaskShape;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/**
 * Checks the content of a task against its own text and, when given, the project's config: offsets that do
 * not fit the text, covered text that disagrees with the offsets, offsets that split a character, relations
 * to missing regions, and names or labels the config does not define. Problems are reported, never fixed:
 * moving a region silently would change a human's annotation.
 */
public final class TaskChecker {

	private static final String DEFAULT_FIELD = "text";

	private final ResultSchema schema;

	/** @param schema the project's config, or {@code null} to check the task against itself only */
	public TaskChecker(ResultSchema schema) {
		this.schema = schema;
	}

	public List<TaskProblem> check(Task task) {
		List<TaskProblem> problems = new ArrayList<>();
		checkObjectFields(task, problems);
		checkAll(task, Task.PREDICTIONS, task.predictions(), problems);
		// completions and Label Studio's annotations are named by their own key and index, as in the file
		for (String field : task.completionFields()) {
			checkAll(task, field, task.annotationsIn(field), problems);
		}
		return problems;
	}

	/** The data fields the config's text objects show must hold text: one problem per field that does not. */
	private void checkObjectFields(Task task, List<TaskProblem> problems) {
		if (schema == null) {
			return;
		}
		Set<String> reported = new HashSet<>();
		schema.textDataFields().forEach((object, field) -> {
			JsonNode value = task.json().path(Task.DATA).get(field);
			String problem = value == null ? "is missing"
					: value.isNull() ? "is null" : value.isTextual() ? null : "is " + TaskShape.kind(value) + ", not text";
			if (problem != null && reported.add(field)) {
				problems.add(new TaskProblem(task.id(), "", "data." + field + " " + problem + " (the config's object '"
						+ object + "' shows it)"));
			}
		});
	}

	private void checkAll(Task task, String kind, List<Annotation> annotations, List<TaskProblem> problems) {
		for (int a = 0; a < annotations.size(); a++) {
			List<Region> results = annotations.get(a).results();
			Set<String> regionIds = regionIds(results);
			for (int r = 0; r < results.size(); r++) {
				Region region = results.get(r);
				String where = kind + "[" + a + "].result[" + r + "]" + (region.id() == null ? "" : " (id " + region.id() + ")");
				for (String message : problemsOf(task, region, regionIds)) {
					problems.add(new TaskProblem(task.id(), where, message));
				}
			}
		}
	}

	/**
	 * The problems of each result of one annotation, keyed by the result's JSON object (identity), for an
	 * editor that flags the regions themselves. Results without problems are absent.
	 */
	public Map<ObjectNode, List<String>> check(Task task, Annotation annotation) {
		List<Region> results = annotation.results();
		Set<String> regionIds = regionIds(results);
		Map<ObjectNode, List<String>> problems = new IdentityHashMap<>();
		for (Region region : results) {
			List<String> messages = problemsOf(task, region, regionIds);
			if (!messages.isEmpty()) {
				problems.put(region.json(), messages);
			}
		}
		return problems;
	}

	/**
	 * The task data field whose text the regions of object {@code toName} refer to: the field the config's object
	 * shows, else {@code text}.
	 */
	public static String dataFieldOf(ResultSchema schema, String toName) {
		String field = schema == null || toName == null ? null : schema.dataFieldOf(toName);
		return field == null ? DEFAULT_FIELD : field;
	}

	private static Set<String> regionIds(List<Region> results) {
		Set<String> regionIds = new HashSet<>();
		for (Region region : results) {
			if (region.id() != null && region.kind() != Region.Kind.RELATION) {
				regionIds.add(region.id());
			}
		}
		return regionIds;
	}

	private List<String> problemsOf(Task task, Region region, Set<String> regionIds) {
		List<String> messages = new ArrayList<>();
		if (region.kind() == Region.Kind.RELATION) {
			checkRelationEnd("from_id", region.fromId(), regionIds, messages);
			checkRelationEnd("to_id", region.toId(), regionIds, messages);
			Set<String> allowed = schema == null ? Set.of() : schema.relationLabels();
			for (String label : region.labels()) {
				if (!allowed.isEmpty() && !allowed.contains(label)) {
					messages.add("relation label '" + label + "' is not a Relation of the config");
				}
			}
			return messages;
		}
		checkNames(region, messages);
		ObjectNode value = region.value();
		if (value != null && isNumber(value.get("start")) && isNumber(value.get("end"))) {
			checkOffsets(task, region, messages);
		}
		if (region.kind() == Region.Kind.RECTANGLE_LABELS && value != null) {
			checkRectangle(value, messages);
		}
		return messages;
	}

	private void checkNames(Region region, List<String> messages) {
		if (schema == null) {
			return;
		}
		String from = region.fromName();
		String to = region.toName();
		if (from == null) {
			messages.add("result has no from_name");
			return;
		}
		if (!schema.hasControl(from)) {
			messages.add("from_name '" + from + "' is not a control of the labeling config");
			return;
		}
		if (to != null && !schema.controlTargets(from, to)) {
			messages.add("to_name '" + to + "' is not an object that control '" + from + "' labels in the config");
		}
		Set<String> allowed = schema.valuesOf(from);
		if (!allowed.isEmpty()) {
			for (String label : region.labels()) {
				if (!allowed.contains(label)) {
					messages.add("label '" + label + "' is not offered by control '" + from + "' in the config");
				}
			}
		}
	}

	private void checkOffsets(Task task, Region region, List<String> messages) {
		String field = dataFieldOf(schema, region.toName());
		String text = task.dataText(field);
		Integer start = region.start();
		Integer end = region.end();
		if (start == null || end == null) {
			messages.add("offsets must be integers");
			return;
		}
		if (text == null) {
			messages.add("offsets [" + start + ", " + end + ") but the task has no text in data." + field);
			return;
		}
		if (start < 0 || end < start || end > text.length()) {
			messages.add("offsets [" + start + ", " + end + ") do not fit the text of " + text.length()
					+ " UTF-16 code units");
			return;
		}
		if (splitsCharacter(text, start) || splitsCharacter(text, end)) {
			messages.add("offsets [" + start + ", " + end + ") split a character (a surrogate pair)");
		}
		String covered = text.substring(start, end);
		String claimed = region.text();
		if (claimed != null && !claimed.equals(covered)) {
			messages.add("value.text " + quote(claimed) + " differs from the text at [" + start + ", " + end + "): "
					+ quote(covered));
		}
	}

	private static void checkRectangle(ObjectNode value, List<String> messages) {
		for (String field : new String[] { "x", "y", "width", "height" }) {
			JsonNode number = value.get(field);
			if (number == null || !number.isNumber()) {
				messages.add("rectangle has no numeric " + field);
				return;
			}
		}
		double x = value.get("x").doubleValue();
		double y = value.get("y").doubleValue();
		double width = value.get("width").doubleValue();
		double height = value.get("height").doubleValue();
		if (x < 0 || y < 0 || width < 0 || height < 0 || x + width > 100.0001 || y + height > 100.0001) {
			messages.add("rectangle (" + x + ", " + y + ", " + width + " x " + height
					+ ") is not inside the page (percent of the page: 0..100)");
		}
	}

	private static void checkRelationEnd(String field, String id, Set<String> regionIds, List<String> messages) {
		if (id == null) {
			messages.add("relation has no " + field);
		} else if (!regionIds.contains(id)) {
			messages.add("relation " + field + " '" + id + "' names no region of this annotation");
		}
	}

	private static boolean splitsCharacter(String text, int offset) {
		return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
				&& Character.isLowSurrogate(text.charAt(offset));
	}

	private static boolean isNumber(JsonNode node) {
		return node != null && node.isNumber();
	}

	private static String quote(String text) {
		String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
		return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
	}
}
