package io.labelbench.core.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * True positives, false positives and false negatives of one label, and the precision, recall and F1 they give. A
 * ratio with nothing to divide by is 0 (a label never predicted has precision 0), as scikit-learn reports it with
 * {@code zero_division=0}.
 */
public final class Counts {

	private long truePositives;
	private long falsePositives;
	private long falseNegatives;

	public Counts() {
	}

	public Counts(long truePositives, long falsePositives, long falseNegatives) {
		this.truePositives = truePositives;
		this.falsePositives = falsePositives;
		this.falseNegatives = falseNegatives;
	}

	void hit() {
		truePositives++;
	}

	void spurious() {
		falsePositives++;
	}

	void missed() {
		falseNegatives++;
	}

	void add(Counts other) {
		truePositives += other.truePositives;
		falsePositives += other.falsePositives;
		falseNegatives += other.falseNegatives;
	}

	public long truePositives() {
		return truePositives;
	}

	public long falsePositives() {
		return falsePositives;
	}

	public long falseNegatives() {
		return falseNegatives;
	}

	/** How many the reference has: true positives plus false negatives. */
	public long support() {
		return truePositives + falseNegatives;
	}

	public double precision() {
		return ratio(truePositives, truePositives + falsePositives);
	}

	public double recall() {
		return ratio(truePositives, truePositives + falseNegatives);
	}

	public double f1() {
		return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
	}

	static double ratio(long part, long whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	ObjectNode toJson() {
		ObjectNode json = Json.nodes().objectNode();
		json.put("precision", precision());
		json.put("recall", recall());
		json.put("f1", f1());
		json.put("support", support());
		json.put("tp", truePositives);
		json.put("fp", falsePositives);
		json.put("fn", falseNegatives);
		return json;
	}

	@Override
	public String toString() {
		return "tp=" + truePositives + " fp=" + falsePositives + " fn=" + falseNegatives;
	}
}
