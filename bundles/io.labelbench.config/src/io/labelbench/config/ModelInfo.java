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

	/**
	 * A model as the pipeline sees it: the labels it predicts (NER tags may carry IOB prefixes such as
	 * {@code B-DRUG}), the name of the embeddings it runs on ({@code null} when it needs none) and the
	 * memory those embeddings take in bytes (0 when unknown).
	 */
	record Model(Set<String> labels, String embeddings, long embeddingsBytes) {
		public Model {
			labels = Set.copyOf(labels);
		}

		public Model(Set<String> labels, String embeddings) {
			this(labels, embeddings, 0);
		}
	}

	/** The model of that exact name in the local cache, or empty. */
	Optional<Model> lookup(String modelName);

	static ModelInfo of(Map<String, Model> models) {
		Map<String, Model> copy = Map.copyOf(models);
		return name -> Optional.ofNullable(copy.get(name));
	}
}
