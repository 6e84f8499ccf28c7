package io.labelbench.server.fit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.rules.engine.AssertionAnnotator;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.RelationAnnotator;
import io.labelbench.server.nlp.clinical.AssertionFeatures;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.FeatureClassifier;
import io.labelbench.server.nlp.clinical.FeatureClassifier.Description;
import io.labelbench.server.nlp.clinical.RelationFeatures;
import io.labelbench.server.nlp.clinical.RelationModel;
import io.labelbench.server.nlp.clinical.SentenceUnits;
import io.labelbench.server.nlp.clinical.TokenizedText;

/**
 * Fits a project's assertion or relation model on the rows the workbench exported ({@code train.jsonl}: a text, its
 * entities with a status, or its head-first relations), through {@link FeatureFit} and the same feature extraction
 * the server runs, and predicts the test rows (their gold entities) with the saved model loaded back as the server
 * loads it. The model folder has the layout and metadata of the build's assertion and relation models.
 */
final class ContextTraining {
	private static final ObjectMapper JSON = new ObjectMapper();
	/** The status of an entity without an assertion label (the training data's name for it). */
	static final String PRESENT = "present";

	private ContextTraining() {
	}

	/** One exported row read back: the text and its entities, with statuses or relations. */
	private record Row(String text, List<Entity> entities, List<String> statuses, Map<String, String> relations,
			List<String> fromNames) {
		static Row of(JsonNode json) {
			List<Entity> entities = new ArrayList<>();
			List<String> statuses = new ArrayList<>();
			List<String> fromNames = new ArrayList<>();
			json.path("entities").forEach(e -> {
				entities.add(new Entity(e.path("start").asInt(), e.path("end").asInt(), e.path("label").asText()));
				statuses.add(e.path("status").asText(PRESENT));
				fromNames.add(e.path("fromName").asText());
			});
			Map<String, String> relations = new HashMap<>();
			json.path("relations").forEach(r -> relations.put(r.path("from").asInt() + ">" + r.path("to").asInt(),
					r.path("label").asText()));
			return new Row(json.path("text").asText(), entities, statuses, relations, fromNames);
		}

		SentenceUnits units() {
			return new SentenceUnits(TokenizedText.of(text), entities);
		}
	}

	/**
	 * Fits and saves the model into {@code model}; prints the logistic regression's iterations (its objective) as
	 * epoch lines once the fit returns, as Spark ML reports them only then.
	 */
	static void fit(SparkSession spark, JsonNode description, Path trainFile, FeatureFit.Params params, Path model,
			PrintStream progress) throws IOException {
		boolean assertion = description.path("type").asText().equals("assertion");
		List<String> entityLabels = strings(description.path("entityLabels"));
		String head = description.path("headLabel").asText(null);
		List<FeatureFit.Example> examples = new ArrayList<>();
		for (String line : Files.readAllLines(trainFile, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			Row row = Row.of(JSON.readTree(line));
			SentenceUnits units = row.units();
			for (int e = 0; e < row.entities().size(); e++) {
				String label = row.entities().get(e).label();
				if (assertion) {
					if (entityLabels.contains(label) && units.unitOf(e) >= 0) {
						examples.add(new FeatureFit.Example(AssertionFeatures.of(units, e), row.statuses().get(e)));
					}
					continue;
				}
				if (!label.equals(head)) {
					continue;
				}
				for (int a = 0; a < row.entities().size(); a++) {
					String attribute = row.entities().get(a).label();
					if (a == e || attribute.equals(head) || !entityLabels.contains(attribute)) {
						continue;
					}
					List<String> features = RelationFeatures.of(units, e, a, head);
					if (features != null) {
						examples.add(new FeatureFit.Example(features,
								row.relations().getOrDefault(e + ">" + a, RelationModel.NO_RELATION)));
					}
				}
			}
		}
		Set<String> seen = new TreeSet<>();
		examples.forEach(x -> seen.add(x.outcome()));
		String implicit = assertion ? PRESENT : RelationModel.NO_RELATION;
		if (seen.size() < 2 || !seen.contains(implicit)) {
			throw new IllegalArgumentException("the training rows give the outcomes " + seen + "; a " + (assertion
					? "status classifier needs entities of at least two statuses"
					: "relation classifier needs related and unrelated head-attribute pairs in one sentence"));
		}
		// the implicit outcome first, as in the build's models
		List<String> outcomes = new ArrayList<>();
		outcomes.add(implicit);
		seen.stream().filter(o -> !o.equals(implicit)).forEach(outcomes::add);
		Description fitted;
		if (assertion) {
			fitted = new Description(AssertionModel.CLASS_NAME, List.copyOf(seen), entityLabels, outcomes, null);
		} else {
			List<String> classes = outcomes.subList(1, outcomes.size()).stream().sorted().toList();
			List<String> labels = new ArrayList<>();
			labels.add(head);
			entityLabels.stream().filter(l -> !l.equals(head)).forEach(labels::add);
			fitted = new Description(RelationModel.CLASS_NAME, classes, labels, outcomes, head);
		}
		long started = System.nanoTime();
		FeatureClassifier classifier = FeatureFit.fit(spark, examples, fitted, params.hashBuckets(), params.regParam(),
				params.maxIterations());
		double seconds = (System.nanoTime() - started) / 1e9;
		double[] objective = classifier.classifier().summary().objectiveHistory();
		for (int i = 0; i < objective.length; i++) {
			ObjectNode epoch = JSON.createObjectNode();
			epoch.put("event", "epoch");
			epoch.put("epoch", i + 1);
			epoch.put("epochs", objective.length);
			epoch.put("loss", objective[i]);
			epoch.put("seconds", Math.round(seconds / objective.length * 100) / 100.0);
			epoch.put("examples", examples.size());
			progress.println(JSON.writeValueAsString(epoch));
		}
		classifier.save(model);
	}

	/**
	 * Runs the saved model, loaded as the server loads it, on the gold entities of each test row and writes the
	 * task's result: the entities, then the statuses of {@code labels} (a status the config does not offer is not
	 * shown by the server either) or the relations.
	 */
	static void predict(JsonNode description, Path model, Path tests, Path target) throws IOException {
		boolean assertion = description.path("type").asText().equals("assertion");
		Set<String> labels = new TreeSet<>(strings(description.path("labels")));
		String toName = description.path("toName").asText();
		String fromName = description.path("fromName").asText();
		AssertionAnnotator assessor = assertion ? AssertionModel.load(model) : null;
		RelationAnnotator relator = assertion ? null : RelationModel.load(model);
		StringBuilder out = new StringBuilder();
		for (String line : Files.readAllLines(tests, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode json = JSON.readTree(line);
			Row row = Row.of(json);
			ObjectNode task = JSON.createObjectNode();
			task.set("id", json.get("id"));
			ArrayNode result = task.putArray("result");
			for (int e = 0; e < row.entities().size(); e++) {
				region(result, "e" + (e + 1), row.fromNames().get(e), toName, row, e, row.entities().get(e).label());
			}
			if (assertion) {
				Map<Integer, String> statuses = new LinkedHashMap<>();
				for (AssertionAnnotator.Assertion a : assessor.assess(row.text(), row.entities())) {
					if (labels.contains(a.status())) {
						statuses.put(a.entity(), a.status());
					}
				}
				for (Map.Entry<Integer, String> s : statuses.entrySet()) {
					region(result, "s" + (s.getKey() + 1), fromName, toName, row, s.getKey(), s.getValue());
				}
			} else {
				for (RelationAnnotator.Relation r : relator.relate(row.text(), row.entities())) {
					ObjectNode relation = result.addObject();
					relation.put("from_id", "e" + (r.from() + 1)).put("to_id", "e" + (r.to() + 1));
					relation.put("type", "relation").put("direction", "right");
					relation.putArray("labels").add(r.label());
				}
			}
			out.append(JSON.writeValueAsString(task)).append('\n');
		}
		Files.writeString(target, out, StandardCharsets.UTF_8);
	}

	private static void region(ArrayNode result, String id, String fromName, String toName, Row row, int e,
			String label) {
		Entity entity = row.entities().get(e);
		ObjectNode region = result.addObject();
		region.put("id", id).put("from_name", fromName).put("to_name", toName).put("type", "labels");
		ObjectNode value = region.putObject("value");
		value.put("start", entity.start()).put("end", entity.end())
				.put("text", row.text().substring(entity.start(), entity.end()));
		value.putArray("labels").add(label);
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asText()));
		return out;
	}
}
