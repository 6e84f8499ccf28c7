package io.labelbench.protocol;

/**
 * The hyper-parameters a training run uses when it is given none: one definition for the training JVM, which
 * applies them, and for the workbench and the command line, which show them.
 */
public record TrainingDefaults(int epochs, float learningRate, int batchSize, float dropout, float validationSplit) {

	/** NerDL: the values the build's NER models are trained with. */
	public static final TrainingDefaults NER = new TrainingDefaults(10, 0.003f, 16, 0.5f, 0f);

	/** ClassifierDL: the values the build's classifiers are trained with. */
	public static final TrainingDefaults CLASSIFICATION = new TrainingDefaults(12, 0.005f, 32, 0.3f, 0f);

	/** The defaults of a training type ({@code ner}, {@code classification}), {@code null} for other types. */
	public static TrainingDefaults of(String type) {
		return switch (type) {
		case "ner" -> NER;
		case "classification" -> CLASSIFICATION;
		default -> null;
		};
	}
}
