package io.labelbench.core.model;

import java.util.ArrayList;
import java.util.List;
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
	/** GAL's name for human annotations; the store always uses it. */
	public static final String COMPLETIONS = "completions";
	/** Label Studio's name for the same thing. */
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

	public void setId(TaskId id) {
		json.set(ID, id.toJson());
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
		return annotations(PREDICTIONS);
	}

	public List<Annotation> completions() {
		return annotations(COMPLETIONS);
	}

	public Annotation addPrediction() {
		return new Annotation(array(PREDICTIONS).addObject());
	}

	public Annotation addCompletion() {
		return new Annotation(array(COMPLETIONS).addObject());
	}

	private List<Annotation> annotations(String field) {
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
