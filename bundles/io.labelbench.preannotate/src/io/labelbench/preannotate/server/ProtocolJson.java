package io.labelbench.preannotate.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.protocol.Region;

/**
 * The server protocol's records ({@code io.labelbench.protocol}) as the workbench reads and writes them: with the
 * workbench's Jackson configuration, skipping fields it does not know (a newer server may send more).
 */
final class ProtocolJson {
	private static final ObjectMapper MAPPER = Json.mapper().copy()
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private ProtocolJson() {
	}

	/** A server's answer as the record it should be; {@code server} and {@code what} name it in the error. */
	static <T> T read(JsonNode answer, Class<T> type, Object server, String what) throws ServerException {
		try {
			return MAPPER.treeToValue(answer, type);
		} catch (JsonProcessingException | IllegalArgumentException e) {
			throw new ServerException("the server at " + server + " answered " + what
					+ " that does not follow the protocol: " + e.getMessage().lines().findFirst().orElse(""), e);
		}
	}

	static String write(Object message) {
		try {
			return MAPPER.writeValueAsString(message);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a protocol record that cannot be written: " + message, e);
		}
	}

	/** A predicted region as it goes into a task's result: GAL's JSON, without the components that are null. */
	static ObjectNode region(Region region) {
		ObjectNode node = MAPPER.valueToTree(region);
		dropNulls(node);
		return node;
	}

	static List<ObjectNode> regions(List<Region> regions) {
		List<ObjectNode> out = new ArrayList<>(regions.size());
		regions.forEach(r -> out.add(region(r)));
		return out;
	}

	private static void dropNulls(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> nulls = new ArrayList<>();
			object.fields().forEachRemaining(e -> {
				if (e.getValue().isNull()) {
					nulls.add(e.getKey());
				} else {
					dropNulls(e.getValue());
				}
			});
			object.remove(nulls);
		}
	}
}
