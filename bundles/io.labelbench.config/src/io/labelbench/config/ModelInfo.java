package io.labelbench.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the validator needs to know about the models of the local Models Hub cache. The hub bundle
 * implements it from downloaded models; tests use {@link #of(Map)}.
 */
@FunctionalInterface
public interface ModelInfo {

	/** The task of an assertion status model: its labels go on labels with {@code assertion="true"}. */
	String ASSERTION = "assertion";
	/** The task of a relation model: its labels go on {@code <Relation>} values inside {@code <Relations>}. */
	String RELATION = "relation";

	/**
	 * A model as the pipeline sees it: the labels it predicts (NER tags may carry IOB prefixes such as
	 * {@code B-DRUG}; an assertion model's statuses; a relation model's relation labels), the name of the
	 * embeddings it runs on ({@code null} when it needs none), the memory those embeddings take in bytes (0
	 * when unknown), its task as the hub names it ({@code ner}, {@code classification}, {@link #ASSERTION},
	 * {@link #RELATION} …; {@code null} when unknown) and, for assertion and relation models, the NER labels
	 * they work on.
	 */
	record Model(Set<String> labels, String embeddings, long embeddingsBytes, String task, Set<String> entityLabels) {
		public Model {
			labels = Set.copyOf(labels);
			entityLabels = entityLabels == null ? Set.of() : Set.copyOf(entityLabels);
		}

		public Model(Set<String> labels, String embeddings, long embeddingsBytes) {
			this(labels, embeddings, embeddingsBytes, null, Set.of());
		}

		public Model(Set<String> labels, String embeddings) {
			this(labels, embeddings, 0);
		}

		/** An assertion status model: statuses it gives, NER labels of the chunks it qualifies. */
		public static Model assertion(Set<String> statuses, Set<String> entityLabels) {
			return new Model(statuses, null, 0, ASSERTION, entityLabels);
		}

		/** A relation model: relation labels it gives (no "no relation" class), NER labels it relates. */
		public static Model relation(Set<String> relationLabels, Set<String> entityLabels) {
			return new Model(relationLabels, null, 0, RELATION, entityLabels);
		}

		public boolean isAssertion() {
			return ASSERTION.equals(task);
		}

		public boolean isRelation() {
			return RELATION.equals(task);
		}
	}

	/** The model of that exact name in the local cache, or empty. */
	Optional<Model> lookup(String modelName);

	static ModelInfo of(Map<String, Model> models) {
		Map<String, Model> copy = Map.copyOf(models);
		return name -> Optional.ofNullable(copy.get(name));
	}
}
