package io.labelbench.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The held-out scores a trained model was published with (the {@code metrics} of its hub entry, as the project
 * trainer writes them): the headline micro precision, recall and F1 and macro F1 of the part the model is scored by,
 * per-label precision, recall and F1 with micro and macro averages of exact spans, of each choices control (with its
 * accuracy), of assertion statuses (with their accuracy) and of relations, and the confusion matrix of the model's
 * outcomes (spans for NER, chosen labels, statuses or relation labels otherwise).
 */
public record ModelScores(int testTasks, Row headline, Double macroF1, Scores spans, List<String> confusionLabels,
		Map<String, Map<String, Long>> confusion, Map<String, Classification> classification, Classification assertion,
		Scores relations) {

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
		Scores spans = scores(metrics.path("spans").path("exact"));
		JsonNode a = metrics.path("assertion");
		Classification assertion = new Classification(a.path("accuracy").asDouble(), a.path("agreed").asLong(),
				a.path("total").asLong(), scores(a.path("regions")));
		Row headline = metrics.has("f1") ? row(MICRO, metrics) : null;
		Double macroF1 = null;
		if (metrics.has("macroF1")) {
			macroF1 = metrics.path("macroF1").asDouble();
		} else if (headline != null && !spans.isEmpty()) {
			macroF1 = spans.macro().f1();
		}
		return new ModelScores(metrics.path("testTasks").asInt(0), headline, macroF1, spans, labels, confusion,
				classification, assertion, scores(metrics.path("relations")));
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

	/** Whether anything was measured: the model was tested on at least one task and scored. */
	public boolean measured() {
		return testTasks > 0 && (!spans.isEmpty() || !classification.isEmpty() || !assertion.choices().isEmpty()
				|| assertion.total() > 0 || !relations.isEmpty());
	}
}
