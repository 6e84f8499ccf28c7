package io.labelbench.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The held-out scores a trained model was published with (the {@code metrics} of its hub entry, as the project
 * trainer writes them): per-label precision, recall and F1 of exact spans with micro and macro averages, the span
 * confusion matrix, and per choices control the classification accuracy with its per-choice scores.
 */
public record ModelScores(int testTasks, Scores spans, List<String> confusionLabels,
		Map<String, Map<String, Long>> confusion, Map<String, Classification> classification) {

	/** One row: a label, or {@value #MICRO} / {@value #MACRO} (macro has no support: -1). */
	public record Row(String label, double precision, double recall, double f1, long support) {
	}

	/** Rows by label, then the averages. */
	public record Scores(List<Row> labels, Row micro, Row macro) {
		public boolean isEmpty() {
			return labels.isEmpty();
		}
	}

	public record Classification(double accuracy, long correct, long total, Scores choices) {
	}

	public static final String MICRO = "micro";
	public static final String MACRO = "macro";

	/** The scores of an entry's {@code metrics}; parts the entry lacks are empty. */
	public static ModelScores of(JsonNode metrics) {
		List<String> labels = new ArrayList<>();
		metrics.path("confusion").path("labels").forEach(label -> labels.add(label.asText()));
		Map<String, Map<String, Long>> confusion = new LinkedHashMap<>();
		metrics.path("confusion").path("matrix").fields().forEachRemaining(row -> {
			Map<String, Long> cells = new LinkedHashMap<>();
			row.getValue().fields().forEachRemaining(cell -> cells.put(cell.getKey(), cell.getValue().asLong()));
			confusion.put(row.getKey(), cells);
		});
		Map<String, Classification> classification = new LinkedHashMap<>();
		metrics.path("classification").fields().forEachRemaining(control -> {
			JsonNode c = control.getValue();
			classification.put(control.getKey(), new Classification(c.path("accuracy").asDouble(),
					c.path("correct").asLong(), c.path("total").asLong(), scores(c)));
		});
		return new ModelScores(metrics.path("testTasks").asInt(0), scores(metrics.path("spans").path("exact")), labels,
				confusion, classification);
	}

	private static Scores scores(JsonNode node) {
		List<Row> rows = new ArrayList<>();
		node.path("labels").fields().forEachRemaining(label -> rows.add(row(label.getKey(), label.getValue())));
		return new Scores(rows, row(MICRO, node.path("micro")), row(MACRO, node.path("macro")));
	}

	private static Row row(String label, JsonNode node) {
		return new Row(label, node.path("precision").asDouble(0), node.path("recall").asDouble(0),
				node.path("f1").asDouble(0), node.path("support").asLong(-1));
	}

	/** Spans with the gold label {@code completion} predicted as {@code predicted} (0 when none). */
	public long confusion(String completion, String predicted) {
		return confusion.getOrDefault(completion, Map.of()).getOrDefault(predicted, 0L);
	}

	/** Whether anything was measured: the model was tested on at least one task. */
	public boolean measured() {
		return testTasks > 0 && (!spans.isEmpty() || !classification.isEmpty());
	}
}
