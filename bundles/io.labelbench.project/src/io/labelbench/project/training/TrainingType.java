package io.labelbench.project.training;

import java.util.Locale;

/** What a training run fits: an entity recogniser (NerDL) or a text classifier (ClassifierDL). */
public enum TrainingType {
	NER, CLASSIFICATION;

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
		throw new IllegalArgumentException("unknown training type '" + text + "': ner or classification"
				+ ("assertion".equals(text) || "relation".equals(text) ? " (" + text + " training is not built yet)"
						: ""));
	}
}
