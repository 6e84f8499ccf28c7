package io.labelbench.server.nlp.clinical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.rules.engine.AssertionAnnotator;
import io.labelbench.rules.engine.Entity;

/**
 * A trained assertion status classifier (present, absent, possible, hypothetical, conditional,
 * associated_with_someone_else …): a Spark ML logistic regression over the {@link AssertionFeatures} of each chunk
 * whose label is one of its entity labels. Entities of other labels are left out, but still count as context.
 */
public final class AssertionModel implements AssertionAnnotator, java.io.Serializable {
	private static final long serialVersionUID = 1L;

	public static final String CLASS_NAME = AssertionModel.class.getName();

	private final FeatureClassifier classifier;

	public AssertionModel(FeatureClassifier classifier) {
		if (!classifier.description().className().equals(CLASS_NAME)) {
			throw new IllegalArgumentException("not an assertion model: " + classifier.description().className());
		}
		this.classifier = classifier;
	}

	/** Loads a saved assertion model (through the running SparkSession). */
	public static AssertionModel load(Path folder) throws IOException {
		return new AssertionModel(FeatureClassifier.load(folder, CLASS_NAME));
	}

	/** The fitted Spark ML models behind it. */
	public FeatureClassifier classifier() {
		return classifier;
	}

	/** The NER labels whose chunks it qualifies. */
	public List<String> entityLabels() {
		return classifier.description().entityLabels();
	}

	@Override
	public List<String> statuses() {
		return classifier.description().classes();
	}

	@Override
	public List<Assertion> assess(String text, List<Entity> entities) {
		List<Assertion> out = new ArrayList<>();
		if (entities.stream().noneMatch(e -> entityLabels().contains(e.label()))) {
			return out;
		}
		SentenceUnits units = new SentenceUnits(TokenizedText.of(text), entities);
		List<String> outcomes = classifier.description().outcomes();
		for (int e = 0; e < entities.size(); e++) {
			if (!entityLabels().contains(entities.get(e).label()) || units.unitOf(e) < 0) {
				continue;
			}
			double[] p = classifier.probabilities(AssertionFeatures.of(units, e));
			int best = FeatureClassifier.best(p);
			out.add(new Assertion(e, outcomes.get(best), p[best]));
		}
		return out;
	}
}
