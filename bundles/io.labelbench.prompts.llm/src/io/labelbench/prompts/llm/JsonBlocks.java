package io.labelbench.prompts.llm;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON an LLM answered: the whole answer, else a fenced {@code ```json} block in it, else the text from
 * its first brace to its last (models without structured output wrap JSON in prose).
 */
final class JsonBlocks {

	private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*\\n(.*?)```", Pattern.DOTALL);

	private JsonBlocks() {
	}

	/** The array under {@code key} of the answer's JSON object (or the answer itself when it is an array), or null. */
	static JsonNode array(ObjectMapper json, String content, String key) {
		JsonNode node = parse(json, content.strip());
		if (node == null) {
			Matcher fence = FENCE.matcher(content);
			node = fence.find() ? parse(json, fence.group(1).strip()) : null;
		}
		if (node == null) {
			int first = content.indexOf('{');
			int last = content.lastIndexOf('}');
			node = first >= 0 && last > first ? parse(json, content.substring(first, last + 1)) : null;
		}
		if (node == null) {
			return null;
		}
		JsonNode items = node.isArray() ? node : node.get(key);
		return items != null && items.isArray() ? items : null;
	}

	private static JsonNode parse(ObjectMapper json, String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			JsonNode node = json.readTree(text);
			return node != null && (node.isObject() || node.isArray()) ? node : null;
		} catch (IOException e) {
			return null;
		}
	}
}
