package io.labelbench.core.check;

import java.util.ArrayList;
import java.util.HashMap;
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
 * to missing regions or between regions of different objects, assertion statuses on spans no entity region
 * covers, and names or labels the config does not define. Problems are reported, never fixed:
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
			AnnotationIndex regionIds = index(results);
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
		AnnotationIndex regionIds = index(results);
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

	/**
	 * What the checks of one result need from the rest of its annotation: the regions by id (relations name them)
	 * and where entity regions stand (assertion statuses qualify them).
	 */
	private record AnnotationIndex(Map<String, Region> regions, Set<String> entityPlaces) {
	}

	private AnnotationIndex index(List<Region> results) {
		Map<String, Region> regions = new HashMap<>();
		Set<String> entityPlaces = new HashSet<>();
		Set<String> assertionLabels = assertionLabels();
		for (Region region : results) {
			if (region.kind() == Region.Kind.RELATION) {
				continue;
			}
			if (region.id() != null) {
				regions.putIfAbsent(region.id(), region);
			}
			String place = assertionLabels.isEmpty() ? null : placeOf(region);
			if (place != null && region.labels().stream().anyMatch(label -> !assertionLabels.contains(label))) {
				entityPlaces.add(place);
			}
		}
		return new AnnotationIndex(regions, entityPlaces);
	}

	private Set<String> assertionLabels() {
		return schema == null ? Set.of() : schema.assertionLabels();
	}

	/**
	 * Where a region stands on its object, as a key equal for regions at the same place: a span's offsets, a box's
	 * page and coordinates; {@code null} for results with neither.
	 */
	private static String placeOf(Region region) {
		ObjectNode value = region.value();
		if (value == null) {
			return null;
		}
		if (region.start() != null && region.end() != null) {
			return region.toName() + "|" + region.start() + "|" + region.end();
		}
		StringBuilder key = new StringBuilder(String.valueOf(region.toName())).append("|box");
		for (String field : new String[] { "x", "y", "width", "height" }) {
			JsonNode number = value.get(field);
			if (number == null || !number.isNumber()) {
				return null;
			}
			key.append('|').append(number.decimalValue().stripTrailingZeros().toPlainString());
		}
		return key.append('|').append(value.path("pageNumber").asText("")).toString();
	}

	private List<String> problemsOf(Task task, Region region, AnnotationIndex index) {
		List<String> messages = new ArrayList<>();
		if (region.kind() == Region.Kind.RELATION) {
			Region from = checkRelationEnd("from_id", region.fromId(), index, messages);
			Region to = checkRelationEnd("to_id", region.toId(), index, messages);
			if (from != null && to != null && from.toName() != null && to.toName() != null
					&& !from.toName().equals(to.toName())) {
				messages.add("relation joins a region of '" + from.toName() + "' (" + region.fromId() + ") to one of '"
						+ to.toName() + "' (" + region.toId() + "); a relation joins regions of one object");
			}
			Set<String> allowed = schema == null ? Set.of() : schema.relationLabels();
			Set<String> assertionLabels = assertionLabels();
			for (String label : region.labels()) {
				if (assertionLabels.contains(label)) {
					messages.add("relation label '" + label + "' is an assertion status (assertion=\"true\" in the"
							+ " config): a status is a region on the span of the chunk it qualifies, not a relation");
				} else if (!allowed.isEmpty() && !allowed.contains(label)) {
					messages.add("relation label '" + label + "' is not a Relation of the config");
				}
			}
			return messages;
		}
		checkNames(region, messages);
		checkAssertion(region, index, messages);
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

	/** @return the region the relation end names, or {@code null} when it names none (reported) */
	private static Region checkRelationEnd(String field, String id, AnnotationIndex index, List<String> messages) {
		if (id == null) {
			messages.add("relation has no " + field);
			return null;
		}
		Region region = index.regions().get(id);
		if (region == null) {
			messages.add("relation " + field + " '" + id + "' names no region of this annotation");
		}
		return region;
	}

	/**
	 * A region labelled only with assertion statuses qualifies the entity region at exactly its place; one
	 * without such an entity region qualifies nothing.
	 */
	private void checkAssertion(Region region, AnnotationIndex index, List<String> messages) {
		Set<String> assertionLabels = assertionLabels();
		List<String> labels = region.labels();
		if (assertionLabels.isEmpty() || labels.isEmpty() || !assertionLabels.containsAll(labels)) {
			return;
		}
		String place = placeOf(region);
		if (place == null || index.entityPlaces().contains(place)) {
			return;
		}
		String what = region.start() != null ? "[" + region.start() + ", " + region.end() + ")"
				+ (region.text() == null ? "" : " " + quote(region.text())) : "this box";
		messages.add("assertion status '" + String.join("', '", labels) + "' on " + what + ": no entity region of '"
				+ region.toName() + "' has exactly this " + (region.start() != null ? "span" : "box")
				+ "; a status qualifies the entity chunk with the same offsets");
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
