package io.labelbench.protocol;

/**
 * What a training run of each type takes, and the values it uses when it is given none: one definition for the
 * training JVM, which applies them, and for the workbench and the command line, which show them. A {@code null}
 * parameter does not apply to the type (assertion and relation models are logistic regressions: only their
 * iterations, given as epochs, apply, and they need no word embeddings).
 */
public record TrainingDefaults(boolean embeddings, Integer epochs, Float learningRate, Integer batchSize, Float dropout,
		Float validationSplit) {

	/** NerDL: the values the build's NER models are trained with. */
	public static final TrainingDefaults NER = new TrainingDefaults(true, 10, 0.003f, 16, 0.5f, 0f);

	/** ClassifierDL: the values the build's classifiers are trained with. */
	public static final TrainingDefaults CLASSIFICATION = new TrainingDefaults(true, 12, 0.005f, 32, 0.3f, 0f);

	/** Assertion and relation: the iterations of the logistic regression, as the build's models. */
	public static final TrainingDefaults IN_CONTEXT = new TrainingDefaults(false, 100, null, null, null, null);

	/** The defaults of a training type ({@code ner}, {@code classification}, {@code assertion}, {@code relation}). */
	public static TrainingDefaults of(String type) {
		return switch (type) {
		case "ner" -> NER;
		case "classification" -> CLASSIFICATION;
		case "assertion", "relation" -> IN_CONTEXT;
		default -> throw new IllegalArgumentException("no training type '" + type + "'");
		};
	}
}
