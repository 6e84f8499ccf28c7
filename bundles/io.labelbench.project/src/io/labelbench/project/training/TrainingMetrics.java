package io.labelbench.project.training;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.eval.Counts;
import io.labelbench.core.eval.LabelScores;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.json.Json;

/**
 * The {@code metrics} of a trained model's hub entry: the fields the build's entries have and the Models Hub view
 * shows ({@code precision}, {@code recall}, {@code f1} micro-averaged, {@code accuracy} where it applies,
 * {@code perLabel} F1), the macro averages, the number of test tasks, and the whole evaluation ({@link Metrics#toJson}:
 * per-label precision, recall, F1 and counts, micro and macro, per part) with the confusion matrix of the model's
 * outcomes ({@code confusion}: spans for NER, else {@link OutcomeConfusion}).
 */
final class TrainingMetrics {
	private TrainingMetrics() {
	}

	static ObjectNode of(TrainingType type, Metrics metrics, OutcomeConfusion confusion, int tested) {
		ObjectNode m = Json.mapper().createObjectNode();
		m.put("testTasks", tested);
		LabelScores scores = scoresOf(type, metrics);
		if (!scores.isEmpty()) {
			m.put("precision", round(scores.micro().precision()));
			m.put("recall", round(scores.micro().recall()));
			m.put("f1", round(scores.micro().f1()));
			m.put("macroPrecision", round(scores.macro().precision()));
			m.put("macroRecall", round(scores.macro().recall()));
			m.put("macroF1", round(scores.macro().f1()));
			ObjectNode perLabel = m.putObject("perLabel");
			for (Map.Entry<String, Counts> label : scores.labels().entrySet()) {
				perLabel.put(label.getKey(), round(label.getValue().f1()));
			}
		}
		if (type == TrainingType.CLASSIFICATION || type == TrainingType.ASSERTION) {
			if (!confusion.isEmpty()) {
				m.put("accuracy", round(confusion.accuracy()));
			}
		}
		m.setAll(metrics.toJson());
		if (type != TrainingType.NER) {
			m.set("confusion", confusion.toJson());
		}
		return m;
	}

	/** The part of the evaluation a model of the type is scored by. */
	static LabelScores scoresOf(TrainingType type, Metrics metrics) {
		return switch (type) {
		case NER -> metrics.exactSpans();
		case CLASSIFICATION -> metrics.classification().values().stream().findFirst()
				.map(Metrics.Classification::labels).orElse(new LabelScores());
		case ASSERTION -> metrics.assertions().regions();
		case RELATION -> metrics.relations();
		};
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}
}
