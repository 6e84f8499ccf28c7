package io.labelbench.project.training;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One epoch line of the training JVM ({@link ProjectTrainer.Listener#epoch}) as numbers:
 * {@code {"event":"epoch","epoch":2,"epochs":10,"loss":41.2,"seconds":3.1,"accuracy":0.8,
 * "validation":{"microF1":0.6,"macroF1":0.5,…}}}. Accuracy (ClassifierDL only) and the validation scores (only with a
 * validation split) are {@code null} when the line has none.
 */
public record TrainingEpoch(int epoch, int epochs, double loss, double seconds, Double accuracy, Double microF1,
		Double macroF1) {

	public static TrainingEpoch of(JsonNode event) {
		JsonNode validation = event.path("validation");
		return new TrainingEpoch(event.path("epoch").asInt(), event.path("epochs").asInt(),
				event.path("loss").asDouble(Double.NaN), event.path("seconds").asDouble(), number(event, "accuracy"),
				number(validation, "microF1"), number(validation, "macroF1"));
	}

	private static Double number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isNumber() ? value.asDouble() : null;
	}

	/** Whether the run was validating: the epoch carries validation scores. */
	public boolean validated() {
		return microF1 != null;
	}
}
