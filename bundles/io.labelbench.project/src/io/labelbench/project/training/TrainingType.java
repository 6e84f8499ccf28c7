package io.labelbench.project.training;

import java.util.Locale;

/**
 * What a training run fits: an entity recogniser (NerDL), a text classifier (ClassifierDL), an assertion status
 * classifier of entities in their context, or a relation classifier of entity pairs (Spark ML logistic regressions
 * over the server's clinical features).
 */
public enum TrainingType {
	NER, CLASSIFICATION, ASSERTION, RELATION;

	/** The name used on the command line, in file names and in model names ({@code <project>_ner}). */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TrainingType parse(String text) {
		for (TrainingType type : values()) {
			if (type.id().equals(text)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown training type '" + text
				+ "': ner, classification, assertion or relation");
	}
}
