package io.labelbench.server.nlp.clinical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.RelationAnnotator;

/**
 * A trained relation classifier between a head entity (e.g. DRUG) and its attributes (DOSAGE, STRENGTH, …) in one
 * sentence: a Spark ML logistic regression over the {@link RelationFeatures} of every head–attribute pair, with a
 * no-relation outcome. A pair becomes a relation {@code HEAD-ATTRIBUTE} ("DRUG-STRENGTH"), from the head to the
 * attribute, when that is the most probable outcome.
 */
public final class RelationModel implements RelationAnnotator, java.io.Serializable {
	private static final long serialVersionUID = 1L;

	public static final String CLASS_NAME = RelationModel.class.getName();
	/** The outcome of a pair that is not related. */
	public static final String NO_RELATION = "no_relation";

	private final FeatureClassifier classifier;
	private final String head;

	public RelationModel(FeatureClassifier classifier) {
		if (!classifier.description().className().equals(CLASS_NAME)) {
			throw new IllegalArgumentException("not a relation model: " + classifier.description().className());
		}
		if (classifier.description().headLabel() == null) {
			throw new IllegalArgumentException("a relation model needs a head label");
		}
		this.classifier = classifier;
		this.head = classifier.description().headLabel();
	}

	/** Loads a saved relation model (through the running SparkSession). */
	public static RelationModel load(Path folder) throws IOException {
		try {
			return new RelationModel(FeatureClassifier.load(folder, CLASS_NAME));
		} catch (IllegalArgumentException e) {
			throw new IOException(folder + ": " + e.getMessage(), e);
		}
	}

	/** The fitted Spark ML models behind it. */
	public FeatureClassifier classifier() {
		return classifier;
	}

	/** The head label and the attribute labels it relates. */
	public List<String> entityLabels() {
		return classifier.description().entityLabels();
	}

	public String headLabel() {
		return head;
	}

	@Override
	public List<String> labels() {
		return classifier.description().classes();
	}

	@Override
	public List<Relation> relate(String text, List<Entity> entities) {
		List<Relation> out = new ArrayList<>();
		List<Integer> heads = new ArrayList<>();
		List<Integer> attributes = new ArrayList<>();
		for (int e = 0; e < entities.size(); e++) {
			String label = entities.get(e).label();
			if (label.equals(head)) {
				heads.add(e);
			} else if (entityLabels().contains(label) && labels().contains(relationLabel(label))) {
				attributes.add(e);
			}
		}
		if (heads.isEmpty() || attributes.isEmpty()) {
			return out;
		}
		SentenceUnits units = new SentenceUnits(TokenizedText.of(text), entities);
		List<String> outcomes = classifier.description().outcomes();
		for (int h : heads) {
			for (int a : attributes) {
				List<String> features = RelationFeatures.of(units, h, a, head);
				if (features == null) {
					continue;
				}
				double[] p = classifier.probabilities(features);
				int best = FeatureClassifier.best(p);
				String label = relationLabel(entities.get(a).label());
				if (outcomes.get(best).equals(label)) {
					out.add(new Relation(h, a, label, p[best]));
				}
			}
		}
		return out;
	}

	/** The relation from the head to an attribute of this label: "DRUG-" + label. */
	public String relationLabel(String attributeLabel) {
		return head + "-" + attributeLabel;
	}
}
