package io.labelbench.server.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a saved Spark NLP annotator (or Labelbench assertion or relation model) folder says about itself in {@code metadata/part-00000}: its class, the
 * embeddings it was trained with ({@code storageRef}) and its classes. Read without Spark, so a bad folder is
 * reported before anything is loaded.
 */
public record SavedModel(Path folder, String className, String storageRef, List<String> classes) {

	public static final String METADATA_FILE = "metadata/part-00000";

	/** Kinds of saved annotators the server can put into its pipeline. */
	public enum Kind {
		EMBEDDINGS, NER, CLASSIFICATION,
		/** {@link io.labelbench.server.nlp.clinical.AssertionModel} */
		ASSERTION,
		/** {@link io.labelbench.server.nlp.clinical.RelationModel} */
		RELATION
	}

	public static SavedModel read(Path folder) throws IOException {
		Path file = folder.resolve(METADATA_FILE);
		if (!Files.isRegularFile(file)) {
			throw new IOException(folder + " is not a saved Spark NLP model (no " + METADATA_FILE + ")");
		}
		JsonNode json;
		try (var lines = Files.lines(file)) {
			String first = lines.findFirst().orElse("");
			json = new ObjectMapper().readTree(first);
		}
		if (json == null || !json.path("class").isTextual()) {
			throw new IOException(file + ": no \"class\" in the model metadata");
		}
		JsonNode params = json.path("paramMap");
		List<String> classes = new ArrayList<>();
		params.path("classes").forEach(c -> classes.add(c.asText()));
		String ref = params.path("storageRef").isTextual() ? params.path("storageRef").asText() : null;
		return new SavedModel(folder, json.path("class").asText(), ref, List.copyOf(classes));
	}

	public String simpleClassName() {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	public Kind kind() throws IOException {
		return switch (simpleClassName()) {
		case "Word2VecModel" -> Kind.EMBEDDINGS;
		case "NerDLModel" -> Kind.NER;
		case "ClassifierDLModel" -> Kind.CLASSIFICATION;
		case "AssertionModel" -> Kind.ASSERTION;
		case "RelationModel" -> Kind.RELATION;
		default -> throw new IOException(folder + ": the server cannot run a " + simpleClassName()
				+ " (it runs Word2VecModel, NerDLModel, ClassifierDLModel, AssertionModel and RelationModel)");
		};
	}

	/**
	 * Entity labels of a NER model (B-/I- prefixes and O dropped), or the classes of a classifier: an assertion
	 * model's statuses, a relation model's relation labels.
	 */
	public List<String> labels() {
		List<String> out = new ArrayList<>();
		for (String c : classes) {
			String label = c.matches("^[BIES]-.+") ? c.substring(2) : c;
			if (!label.equals("O") && !out.contains(label)) {
				out.add(label);
			}
		}
		out.sort(null);
		return out;
	}
}
