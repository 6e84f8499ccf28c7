package io.labelbench.prompts.llm;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.prompts.llm.ChatClient.Message;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.Prompt;

/**
 * The chat messages and JSON schemas for entity, classification and relation prompts. The answer's shape is also
 * spelled out in the prompt, for endpoints without structured output.
 */
final class PromptMessages {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String SYSTEM = "You annotate texts for a labelling tool. Answer with one JSON object and "
			+ "nothing else. Copy every phrase exactly as it is written in the text, character for character: do not "
			+ "correct, translate, expand or shorten it. Never return a phrase that is not in the text.";

	private PromptMessages() {
	}

	static List<Message> entities(List<Prompt> prompts, String text) {
		StringBuilder user = new StringBuilder("Find every phrase of the text that is one of these labels.\nLabels:\n");
		for (Prompt p : prompts) {
			user.append("- ").append(p.label()).append(": ").append(p.description());
			if (!p.examples().isEmpty()) {
				user.append(" For example: ").append(quoted(p.examples())).append('.');
			}
			if (!p.counterExamples().isEmpty()) {
				user.append(" Not this label: ").append(quoted(p.counterExamples())).append('.');
			}
			user.append('\n');
		}
		user.append("\nList each distinct phrase once, with its label. Answer as "
				+ "{\"entities\": [{\"label\": \"LABEL\", \"text\": \"phrase from the text\"}]}, "
				+ "or {\"entities\": []} when there is none.\n\nText:\n<<<\n").append(text).append("\n>>>");
		return List.of(new Message("system", SYSTEM), new Message("user", user.toString()));
	}

	static ObjectNode entitySchema(List<String> labels) {
		ObjectNode item = item();
		item.putObject("properties").set("label", enumOf(labels));
		((ObjectNode) item.get("properties")).putObject("text").put("type", "string");
		item.putArray("required").add("label").add("text");
		return wrapper("entities", item);
	}

	static List<Message> classification(List<Prompt> prompts, String text) {
		StringBuilder user = new StringBuilder("Which of these classes does the whole text belong to?\nClasses:\n");
		for (Prompt p : prompts) {
			user.append("- ").append(p.label()).append(": ").append(p.description()).append('\n');
		}
		user.append("\nGive the classes that apply, the most fitting first, or none. Answer as "
				+ "{\"choices\": [\"CLASS\"]}.\n\nText:\n<<<\n").append(text).append("\n>>>");
		return List.of(new Message("system", SYSTEM), new Message("user", user.toString()));
	}

	static ObjectNode classificationSchema(List<String> labels) {
		ObjectNode root = JSON.createObjectNode();
		root.put("type", "object");
		ObjectNode array = root.putObject("properties").putObject("choices");
		array.put("type", "array");
		array.set("items", enumOf(labels));
		root.putArray("required").add("choices");
		root.put("additionalProperties", false);
		return root;
	}

	static List<Message> relations(List<Prompt> prompts, String text, List<Entity> entities) {
		StringBuilder user = new StringBuilder("Find the relations between the numbered entities of the text.\n"
				+ "Relations:\n");
		for (Prompt p : prompts) {
			user.append("- ").append(p.label()).append(": from a ").append(p.head() == null ? "any entity" : p.head())
					.append(" to a ").append(p.tail() == null ? "any entity" : p.tail()).append(": ")
					.append(p.description()).append('\n');
		}
		user.append("\nEntities:\n");
		for (int i = 0; i < entities.size(); i++) {
			Entity e = entities.get(i);
			user.append(i).append(". ").append(e.label()).append(" \"").append(text, e.start(), e.end())
					.append("\" at characters ").append(e.start()).append('-').append(e.end()).append('\n');
		}
		user.append("\nGive each relation once, as the numbers of its entities. Answer as "
				+ "{\"relations\": [{\"label\": \"RELATION\", \"from\": 0, \"to\": 1}]}, or {\"relations\": []}."
				+ "\n\nText:\n<<<\n").append(text).append("\n>>>");
		return List.of(new Message("system", SYSTEM), new Message("user", user.toString()));
	}

	static ObjectNode relationSchema(List<String> labels) {
		ObjectNode item = item();
		ObjectNode properties = item.putObject("properties");
		properties.set("label", enumOf(labels));
		properties.putObject("from").put("type", "integer");
		properties.putObject("to").put("type", "integer");
		item.putArray("required").add("label").add("from").add("to");
		return wrapper("relations", item);
	}

	private static ObjectNode item() {
		ObjectNode item = JSON.createObjectNode();
		item.put("type", "object");
		item.put("additionalProperties", false);
		return item;
	}

	private static ObjectNode wrapper(String key, ObjectNode item) {
		ObjectNode root = JSON.createObjectNode();
		root.put("type", "object");
		ObjectNode array = root.putObject("properties").putObject(key);
		array.put("type", "array");
		array.set("items", item);
		root.putArray("required").add(key);
		root.put("additionalProperties", false);
		return root;
	}

	private static ObjectNode enumOf(List<String> labels) {
		ObjectNode node = JSON.createObjectNode();
		node.put("type", "string");
		ArrayNode values = node.putArray("enum");
		labels.forEach(values::add);
		return node;
	}

	private static String quoted(List<String> phrases) {
		return String.join(", ", phrases.stream().map(s -> "\"" + s + "\"").toList());
	}
}
