package io.labelbench.core.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * What comparing predictions with completions counted, summed over tasks: spans (exact and overlapping), the span
 * label confusion matrix, classification per choices control, assertion status and relations. See
 * {@link ResultComparison} for what counts as a match.
 */
public final class Metrics {

	/** The row and column of the confusion matrix for a span only one side has (as in IOB tagging). */
	public static final String OUTSIDE = "O";

	/** Classification by one choices control. */
	public static final class Classification {
		private long correct;
		private long total;
		private final LabelScores labels = new LabelScores();

		/** Tasks whose predicted choices are exactly the completion's. */
		public long correct() {
			return correct;
		}

		/** Tasks whose completion answers this control. */
		public long total() {
			return total;
		}

		public double accuracy() {
			return Counts.ratio(correct, total);
		}

		/** Each choice as a label: predicted and chosen, predicted only, chosen only. */
		public LabelScores labels() {
			return labels;
		}

		void add(Classification other) {
			correct += other.correct;
			total += other.total;
			labels.add(other.labels);
		}

		void answer(boolean right) {
			total++;
			if (right) {
				correct++;
			}
		}

		ObjectNode toJson() {
			ObjectNode json = Json.nodes().objectNode();
			json.put("accuracy", accuracy());
			json.put("correct", correct);
			json.put("total", total);
			json.setAll(labels.toJson());
			return json;
		}
	}

	/** Assertion status of entities, and the assertion regions themselves. */
	public static final class Assertions {
		private long agreed;
		private long total;
		private final LabelScores regions = new LabelScores();

		/** Exactly matched entities where the completion or the prediction gives a status and both give the same. */
		public long agreed() {
			return agreed;
		}

		/** Exactly matched entities where the completion or the prediction gives a status. */
		public long total() {
			return total;
		}

		public double accuracy() {
			return Counts.ratio(agreed, total);
		}

		/** Assertion regions matched exactly (same offsets and status label). */
		public LabelScores regions() {
			return regions;
		}

		void add(Assertions other) {
			agreed += other.agreed;
			total += other.total;
			regions.add(other.regions);
		}

		void compare(boolean agree) {
			total++;
			if (agree) {
				agreed++;
			}
		}

		ObjectNode toJson() {
			ObjectNode json = Json.nodes().objectNode();
			json.put("accuracy", accuracy());
			json.put("agreed", agreed);
			json.put("total", total);
			json.set("regions", regions.toJson());
			return json;
		}
	}

	private long tasks;
	private final LabelScores exactSpans = new LabelScores();
	private final LabelScores overlappingSpans = new LabelScores();
	private final Map<String, Map<String, Long>> confusion = new TreeMap<>();
	private final Map<String, Classification> classification = new TreeMap<>();
	private final Assertions assertions = new Assertions();
	private final LabelScores relations = new LabelScores();
	private final LabelScores boxes = new LabelScores();

	/** Tasks compared. */
	public long tasks() {
		return tasks;
	}

	public LabelScores exactSpans() {
		return exactSpans;
	}

	public LabelScores overlappingSpans() {
		return overlappingSpans;
	}

	/**
	 * Completion label to predicted label to count, for spans with the same offsets; {@link #OUTSIDE} stands for
	 * the side that has no span there (a missed span is a row's {@code O} column, a spurious one the {@code O} row).
	 */
	public Map<String, Map<String, Long>> confusion() {
		return Collections.unmodifiableMap(confusion);
	}

	public long confusion(String completionLabel, String predictedLabel) {
		return confusion.getOrDefault(completionLabel, Map.of()).getOrDefault(predictedLabel, 0L);
	}

	/** By the name of the choices control. */
	public Map<String, Classification> classification() {
		return Collections.unmodifiableMap(classification);
	}

	public Assertions assertions() {
		return assertions;
	}

	public LabelScores relations() {
		return relations;
	}

	/** Rectangles of visual tasks, matched on the same page with the same label and IoU of at least 0.5. */
	public LabelScores boxes() {
		return boxes;
	}

	void countTask() {
		tasks++;
	}

	void confuse(String completionLabel, String predictedLabel) {
		confusion.computeIfAbsent(completionLabel, l -> new TreeMap<>()).merge(predictedLabel, 1L, Long::sum);
	}

	Classification classification(String control) {
		return classification.computeIfAbsent(control, c -> new Classification());
	}

	/** Adds the counts of other tasks. */
	public void add(Metrics other) {
		tasks += other.tasks;
		exactSpans.add(other.exactSpans);
		overlappingSpans.add(other.overlappingSpans);
		other.confusion.forEach((gold, row) -> row.forEach((predicted, n) -> confusion
				.computeIfAbsent(gold, l -> new TreeMap<>()).merge(predicted, n, Long::sum)));
		other.classification.forEach((control, scores) -> classification(control).add(scores));
		assertions.add(other.assertions);
		relations.add(other.relations);
		boxes.add(other.boxes);
	}

	public ObjectNode toJson() {
		ObjectNode json = Json.nodes().objectNode();
		ObjectNode spans = json.putObject("spans");
		spans.set("exact", exactSpans.toJson());
		spans.set("overlap", overlappingSpans.toJson());
		ObjectNode matrix = json.putObject("confusion");
		TreeSet<String> labels = new TreeSet<>(confusion.keySet());
		confusion.values().forEach(row -> labels.addAll(row.keySet()));
		labels.remove(OUTSIDE);
		var list = matrix.putArray("labels");
		labels.forEach(list::add);
		list.add(OUTSIDE);
		ObjectNode rows = matrix.putObject("matrix");
		confusion.forEach((gold, row) -> {
			ObjectNode cells = rows.putObject(gold);
			row.forEach(cells::put);
		});
		ObjectNode choices = json.putObject("classification");
		classification.forEach((control, scores) -> choices.set(control, scores.toJson()));
		json.set("assertion", assertions.toJson());
		json.set("relations", relations.toJson());
		json.set("boxes", boxes.toJson());
		return json;
	}
}
