package io.labelbench.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * One annotation task in the GAL flavour of the Label Studio task format. The JSON tree is the source of
 * truth: every field, known or not, is kept exactly as read, and the accessors read and write that tree.
 */
public final class Task {

	public static final String ID = "id";
	public static final String DATA = "data";
	public static final String PREDICTIONS = "predictions";
	/** GAL's name for human annotations; the store uses it for what it imports. */
	public static final String COMPLETIONS = "completions";
	/**
	 * Label Studio's name for the same thing. Import renames it to {@link #COMPLETIONS}, unless the task has both
	 * keys: then both are kept, see {@link #completions()}.
	 */
	public static final String ANNOTATIONS = "annotations";

	private final ObjectNode json;

	public Task(ObjectNode json) {
		this.json = Objects.requireNonNull(json);
	}

	public static Task of(TaskId id, String text) {
		ObjectNode node = Json.nodes().objectNode();
		node.set(ID, id.toJson());
		node.putObject(DATA).put("text", text);
		return new Task(node);
	}

	/** The underlying tree, for writers and for fields this class does not model. */
	public ObjectNode json() {
		return json;
	}

	public TaskId id() {
		return TaskId.fromJson(json.get(ID));
	}

	/** Sets the id; a task that had none gets it as its first field, where every export has it. */
	public void setId(TaskId id) {
		if (json.has(ID)) {
			json.set(ID, id.toJson());
			return;
		}
		Map<String, JsonNode> rest = new LinkedHashMap<>();
		json.fields().forEachRemaining(field -> rest.put(field.getKey(), field.getValue()));
		json.removeAll();
		json.set(ID, id.toJson());
		json.setAll(rest);
	}

	public ObjectNode data() {
		JsonNode data = json.get(DATA);
		return data instanceof ObjectNode object ? object : json.putObject(DATA);
	}

	/** The task's main text ({@code data.text}), or {@code null} for tasks without one (images, PDFs). */
	public String text() {
		return Json.text(json.get(DATA), "text");
	}

	/** The value of a {@code $field} of the task data as text, or {@code null}. */
	public String dataText(String field) {
		return Json.text(json.get(DATA), field);
	}

	public List<Annotation> predictions() {
		return annotationsIn(PREDICTIONS);
	}

	/**
	 * The human annotations of the task. A task may carry both GAL's {@code completions} and Label Studio's
	 * {@code annotations} (a file both tools wrote): both are completions of the task, listed in file order, the
	 * key that comes first first. Each stays a view on its own array, so edits are written back under the key the
	 * completion came from.
	 */
	public List<Annotation> completions() {
		List<String> fields = completionFields();
		if (fields.size() == 1) {
			return annotationsIn(fields.get(0));
		}
		List<Annotation> all = new ArrayList<>();
		for (String field : fields) {
			all.addAll(annotationsIn(field));
		}
		return all;
	}

	/** The keys holding completions ({@link #COMPLETIONS}, {@link #ANNOTATIONS}) that are arrays, in file order. */
	public List<String> completionFields() {
		List<String> fields = new ArrayList<>(2);
		json.fieldNames().forEachRemaining(name -> {
			if ((name.equals(COMPLETIONS) || name.equals(ANNOTATIONS)) && json.get(name).isArray()) {
				fields.add(name);
			}
		});
		return fields;
	}

	public Annotation addPrediction() {
		return new Annotation(array(PREDICTIONS).addObject());
	}

	/**
	 * Adds an empty completion at the end of {@link #completions()}: into the completion key that comes last in the
	 * file, {@link #COMPLETIONS} when the task has none.
	 */
	public Annotation addCompletion() {
		List<String> fields = completionFields();
		return new Annotation(array(fields.isEmpty() ? COMPLETIONS : fields.get(fields.size() - 1)).addObject());
	}

	/** The annotation objects of one array field ({@link #PREDICTIONS}, {@link #COMPLETIONS}, {@link #ANNOTATIONS}). */
	public List<Annotation> annotationsIn(String field) {
		JsonNode array = json.get(field);
		if (array == null || !array.isArray()) {
			return List.of();
		}
		List<Annotation> result = new ArrayList<>(array.size());
		for (JsonNode node : array) {
			if (node instanceof ObjectNode object) {
				result.add(new Annotation(object));
			}
		}
		return result;
	}

	private ArrayNode array(String field) {
		JsonNode array = json.get(field);
		return array instanceof ArrayNode existing ? existing : json.putArray(field);
	}

	public Task copy() {
		return new Task(json.deepCopy());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Task task && json.equals(task.json);
	}

	@Override
	public int hashCode() {
		return json.hashCode();
	}

	@Override
	public String toString() {
		return "Task " + json.get(ID);
	}
}
