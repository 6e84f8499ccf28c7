package io.labelbench.server.nlp.clinical;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkPaths;

/**
 * A fitted Spark ML feature-hashing logistic regression, as the assertion and relation models keep it in their
 * folder:
 *
 * <pre>
 * MODEL/metadata/part-00000   {"class": …, "uid", "timestamp", "sparkVersion",
 *                              "paramMap": {"classes", "entityLabels", "outcomes", "headLabel"?}}
 * MODEL/hashing/              HashingTF (Spark ML writer)
 * MODEL/classifier/           LogisticRegressionModel (Spark ML writer)
 * </pre>
 *
 * {@code outcomes} are the classifier's classes in index order (for relations including the no-relation class,
 * which {@code classes} leaves out). Prediction runs on one feature list at a time through the fitted models'
 * single-instance API ({@link HashingTF#indexOf}, {@code predictProbability}), without a Spark job: the server
 * calls it for every chunk.
 */
public final class FeatureClassifier implements java.io.Serializable {
	private static final long serialVersionUID = 1L;

	public static final String HASHING = "hashing";
	public static final String CLASSIFIER = "classifier";
	private static final ObjectMapper JSON = new ObjectMapper();

	/** What the metadata file says beyond the class name. */
	public record Description(String className, List<String> classes, List<String> entityLabels,
			List<String> outcomes, String headLabel) implements java.io.Serializable {
	}

	private final Description description;
	private final HashingTF hashing;
	private final LogisticRegressionModel classifier;

	public FeatureClassifier(Description description, HashingTF hashing, LogisticRegressionModel classifier) {
		if (classifier.numClasses() != description.outcomes().size()) {
			throw new IllegalArgumentException("the classifier has " + classifier.numClasses() + " classes, the"
					+ " description " + description.outcomes().size() + " outcomes");
		}
		this.description = description;
		this.hashing = hashing;
		this.classifier = classifier;
	}

	public Description description() {
		return description;
	}

	public HashingTF hashing() {
		return hashing;
	}

	public LogisticRegressionModel classifier() {
		return classifier;
	}

	/**
	 * Loads a saved model of the given class. Spark ML reads through the JVM's active SparkSession (the server's),
	 * so one must exist.
	 */
	public static FeatureClassifier load(Path folder, String expectedClass) throws IOException {
		Description description = readDescription(folder);
		if (!description.className().equals(expectedClass)) {
			throw new IOException(folder + " holds a " + description.className() + ", not a " + expectedClass);
		}
		if (SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()) {
			throw new IOException("loading " + folder + " needs a running SparkSession");
		}
		for (String part : List.of(HASHING, CLASSIFIER)) {
			if (!Files.isDirectory(folder.resolve(part))) {
				throw new IOException(folder + " has no " + part + " folder: not a complete saved model");
			}
		}
		HashingTF hashing = HashingTF.load(SparkPaths.of(folder.resolve(HASHING)));
		LogisticRegressionModel classifier = LogisticRegressionModel
				.load(SparkPaths.of(folder.resolve(CLASSIFIER)));
		try {
			return new FeatureClassifier(description, hashing, classifier);
		} catch (IllegalArgumentException e) {
			throw new IOException(folder + ": " + e.getMessage(), e);
		}
	}

	static Description readDescription(Path folder) throws IOException {
		Path file = folder.resolve(SavedModel.METADATA_FILE);
		if (!Files.isRegularFile(file)) {
			throw new IOException(folder + " is not a saved model (no " + SavedModel.METADATA_FILE + ")");
		}
		JsonNode json;
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			json = JSON.readTree(lines.findFirst().orElse(""));
		}
		if (json == null || !json.path("class").isTextual()) {
			throw new IOException(file + ": no \"class\" in the model metadata");
		}
		JsonNode params = json.path("paramMap");
		List<String> outcomes = strings(params.path("outcomes"));
		if (outcomes.isEmpty()) {
			throw new IOException(file + ": no \"outcomes\" in the model metadata");
		}
		String head = params.path("headLabel").isTextual() ? params.path("headLabel").asText() : null;
		return new Description(json.path("class").asText(), strings(params.path("classes")),
				strings(params.path("entityLabels")), outcomes, head);
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asText()));
		return List.copyOf(out);
	}

	/** Saves the fitted models and the metadata line into {@code folder} (replaced if it exists). */
	public void save(Path folder) throws IOException {
		hashing.write().overwrite().save(folder.resolve(HASHING).toAbsolutePath().toString());
		classifier.write().overwrite().save(folder.resolve(CLASSIFIER).toAbsolutePath().toString());
		ObjectNode line = JSON.createObjectNode();
		line.put("class", description.className());
		line.put("uid", description.className().substring(description.className().lastIndexOf('.') + 1) + "_"
				+ classifier.uid().substring(classifier.uid().lastIndexOf('_') + 1));
		line.put("timestamp", Instant.now().toEpochMilli());
		line.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
		ObjectNode params = line.putObject("paramMap");
		params.set("classes", JSON.valueToTree(description.classes()));
		params.set("entityLabels", JSON.valueToTree(description.entityLabels()));
		params.set("outcomes", JSON.valueToTree(description.outcomes()));
		if (description.headLabel() != null) {
			params.put("headLabel", description.headLabel());
		}
		Path metadata = folder.resolve(SavedModel.METADATA_FILE);
		Files.createDirectories(metadata.getParent());
		Files.writeString(metadata, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8);
	}

	/** The hashed binary feature vector, as HashingTF makes it from the same list inside a DataFrame. */
	public Vector vector(List<String> features) {
		int[] indexes = new int[features.size()];
		for (int i = 0; i < indexes.length; i++) {
			indexes[i] = hashing.indexOf(features.get(i));
		}
		indexes = Arrays.stream(indexes).sorted().distinct().toArray();
		double[] ones = new double[indexes.length];
		Arrays.fill(ones, 1.0);
		return Vectors.sparse(hashing.getNumFeatures(), indexes, ones);
	}

	/** The probability of each outcome (in {@code outcomes} order). */
	public double[] probabilities(List<String> features) {
		return classifier.predictProbability(vector(features)).toArray();
	}

	/** The most probable outcome's index. */
	public static int best(double[] probabilities) {
		int best = 0;
		for (int i = 1; i < probabilities.length; i++) {
			if (probabilities[i] > probabilities[best]) {
				best = i;
			}
		}
		return best;
	}
}
