package io.labelbench.core.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * Counts per label, with their micro average (counts summed over labels, so frequent labels weigh more) and macro
 * average (the mean of each label's precision, recall and F1, over the labels that occur in the reference or in
 * the predictions).
 */
public final class LabelScores {

	/** An average precision, recall and F1. */
	public record Scores(double precision, double recall, double f1) {
		ObjectNode toJson() {
			ObjectNode json = Json.nodes().objectNode();
			json.put("precision", precision);
			json.put("recall", recall);
			json.put("f1", f1);
			return json;
		}
	}

	private final Map<String, Counts> labels = new TreeMap<>();

	Counts of(String label) {
		return labels.computeIfAbsent(label, l -> new Counts());
	}

	void add(LabelScores other) {
		other.labels.forEach((label, counts) -> of(label).add(counts));
	}

	/** By label, in label order. */
	public Map<String, Counts> labels() {
		return Collections.unmodifiableMap(labels);
	}

	public Counts total() {
		Counts total = new Counts();
		labels.values().forEach(total::add);
		return total;
	}

	public Scores micro() {
		Counts total = total();
		return new Scores(total.precision(), total.recall(), total.f1());
	}

	public Scores macro() {
		if (labels.isEmpty()) {
			return new Scores(0, 0, 0);
		}
		double precision = 0;
		double recall = 0;
		double f1 = 0;
		for (Counts counts : labels.values()) {
			precision += counts.precision();
			recall += counts.recall();
			f1 += counts.f1();
		}
		int n = labels.size();
		return new Scores(precision / n, recall / n, f1 / n);
	}

	public boolean isEmpty() {
		return labels.isEmpty();
	}

	ObjectNode toJson() {
		ObjectNode json = Json.nodes().objectNode();
		ObjectNode byLabel = json.putObject("labels");
		labels.forEach((label, counts) -> byLabel.set(label, counts.toJson()));
		ObjectNode micro = micro().toJson();
		micro.put("support", total().support());
		json.set("micro", micro);
		json.set("macro", macro().toJson());
		return json;
	}
}
