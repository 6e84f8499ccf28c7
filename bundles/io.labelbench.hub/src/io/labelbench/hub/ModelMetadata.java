package io.labelbench.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;

/**
 * What a saved Spark NLP model says about itself in {@code metadata/part-00000}: its annotator class, task,
 * labels ({@code paramMap.classes}, tag prefixes removed) and the embeddings it was trained with
 * ({@code storageRef}). Read without Spark.
 *
 * @param labels       empty when the model does not list them (a NerDL model saved straight after training keeps
 *                     them only in a Hadoop SequenceFile; the server can report them after loading the model); for
 *                     an assertion model its statuses, for a relation model its relation labels
 * @param entityLabels for assertion and relation models, the NER labels of the chunks they work on
 *                     ({@code paramMap.entityLabels}); empty for other models
 */
public record ModelMetadata(String annotatorClass, String task, List<String> labels, String embeddings, long sizeBytes,
		List<String> entityLabels) {

	public ModelMetadata {
		labels = List.copyOf(labels);
		entityLabels = entityLabels == null ? List.of() : List.copyOf(entityLabels);
	}

	public ModelMetadata(String annotatorClass, String task, List<String> labels, String embeddings, long sizeBytes) {
		this(annotatorClass, task, labels, embeddings, sizeBytes, List.of());
	}

	static final String METADATA_FILE = "metadata/part-00000";
	private static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;

	public static ModelMetadata read(Path modelFolder) throws IOException {
		Path file = modelFolder.resolve(METADATA_FILE);
		if (!Files.isRegularFile(file)) {
			throw new IOException(modelFolder + ": not a saved Spark NLP model (no " + METADATA_FILE + ")");
		}
		if (Files.size(file) > MAX_METADATA_BYTES) {
			throw new IOException(file + ": model metadata larger than 16 MB");
		}
		String line;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			line = reader.readLine();
		}
		JsonNode json;
		try {
			json = line == null ? null : Json.mapper().readTree(line);
		} catch (JsonProcessingException e) {
			throw new IOException(file + ": malformed model metadata: " + e.getOriginalMessage());
		}
		if (json == null || !json.isObject()) {
			throw new IOException(file + ": malformed model metadata: expected one JSON object");
		}
		String className = json.path("class").asText("");
		String simpleName = className.substring(className.lastIndexOf('.') + 1);
		JsonNode params = json.path("paramMap");
		String task = taskOfClass(simpleName);
		List<String> labels = labelsOf(params.path("classes"), task.equals("ner"));
		String embeddings = params.hasNonNull("storageRef") ? params.get("storageRef").asText() : null;
		List<String> entityLabels = labelsOf(params.path("entityLabels"), false);
		return new ModelMetadata(simpleName, task, labels, embeddings, sizeOf(modelFolder), entityLabels);
	}

	/** Entity labels without BIO prefixes for NER, class names as they are otherwise. */
	private static List<String> labelsOf(JsonNode classes, boolean tagged) {
		Set<String> labels = new LinkedHashSet<>();
		for (JsonNode value : classes) {
			String label = value.asText();
			if (tagged) {
				if (label.equals("O")) {
					continue;
				}
				if (label.length() > 2 && label.charAt(1) == '-' && "BIES".indexOf(label.charAt(0)) >= 0) {
					label = label.substring(2);
				}
			}
			labels.add(label);
		}
		List<String> sorted = new ArrayList<>(labels);
		if (tagged) {
			sorted.sort(null);
		}
		return List.copyOf(sorted);
	}

	/** The task an annotator class performs. */
	static String taskOfClass(String annotator) {
		String name = annotator.substring(annotator.lastIndexOf('.') + 1);
		if (name.startsWith("Ner") || name.endsWith("ForTokenClassification") || name.equals("EntityRulerModel")) {
			return "ner";
		}
		if (name.startsWith("Assertion")) {
			return "assertion";
		}
		if (name.startsWith("Relation") || name.startsWith("RE")) {
			return "relation";
		}
		if (name.contains("ZeroShot")) {
			return "zero-shot";
		}
		if (name.contains("Classifier") || name.endsWith("ForSequenceClassification")) {
			return "classification";
		}
		if (name.contains("Embeddings") || name.startsWith("Word2Vec")) {
			return "embeddings";
		}
		return "other";
	}

	private static long sizeOf(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}
}
