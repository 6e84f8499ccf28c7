package io.labelbench.core.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;

/**
 * The result of an {@link Evaluation}: which tasks were tested and how, and the {@link Metrics}.
 *
 * @param predictions        which predictions were compared
 * @param split              the fraction held out by id, or {@code null} when the tasks tagged "test" were used
 * @param testTasks          test tasks
 * @param evaluated          test tasks compared (with a counted completion and a prediction)
 * @param withoutCompletion  test tasks left out for want of a submitted or ground-truth completion
 * @param withoutPrediction  test tasks with a completion left out for want of a prediction
 * @param modelVersions      the {@code model_version} of the compared predictions, with how many tasks each
 * @param unreadable         task files that could not be read, one message each
 * @param metrics            the counts and scores
 */
public record EvaluationReport(PredictionChoice predictions, Double split, int testTasks, int evaluated,
		int withoutCompletion, int withoutPrediction, Map<String, Integer> modelVersions, List<String> unreadable,
		Metrics metrics) {

	public EvaluationReport {
		modelVersions = Map.copyOf(modelVersions);
		unreadable = List.copyOf(unreadable);
	}

	/** How the test tasks were chosen, for people. */
	public String testSelection() {
		return split == null ? "tasks tagged \"" + TestSelection.TEST_TAG + "\""
				: "a split of " + split + " of the tasks by id";
	}

	public ObjectNode toJson() {
		ObjectNode json = Json.nodes().objectNode();
		ObjectNode selection = json.putObject("predictions");
		selection.put("choice", predictions.kind().name().toLowerCase(java.util.Locale.ROOT));
		if (predictions.value() != null) {
			selection.put("value", predictions.value());
		}
		ObjectNode versions = selection.putObject("modelVersions");
		new java.util.TreeMap<>(modelVersions).forEach(versions::put);
		ObjectNode tasks = json.putObject("tasks");
		tasks.put("selection", split == null ? "tag" : "split");
		if (split != null) {
			tasks.put("split", split);
		}
		tasks.put("test", testTasks);
		tasks.put("evaluated", evaluated);
		tasks.put("withoutCompletion", withoutCompletion);
		tasks.put("withoutPrediction", withoutPrediction);
		var problems = tasks.putArray("unreadable");
		unreadable.forEach(problems::add);
		json.setAll(metrics.toJson());
		return json;
	}

	/** Writes the JSON report; the file appears complete or not at all. */
	public void write(Path file) throws IOException {
		AtomicFile.write(file, out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, toJson()));
	}
}
