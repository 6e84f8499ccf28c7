package io.labelbench.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson configuration every Labelbench JSON file is read and written with. Numbers keep their
 * exact decimal form and duplicate keys are an error, so that reading then writing a task changes nothing.
 */
public final class Json {

	/** Upper bound of one JSON string (a task's text): far above real documents, far below the heap. */
	public static final int MAX_STRING_CHARS = 64 * 1024 * 1024;

	private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS)
					.maxNestingDepth(200).build())
			// emoji stay emoji in files instead of \uD83D\uDE00 escapes
			.enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
			.build())
			.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			.build();

	private Json() {
	}

	public static ObjectMapper mapper() {
		return MAPPER;
	}

	public static JsonNodeFactory nodes() {
		return MAPPER.getNodeFactory();
	}

	/** Text of a field, or {@code null} when absent, null or not textual. */
	public static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isTextual() ? value.asText() : null;
	}
}
