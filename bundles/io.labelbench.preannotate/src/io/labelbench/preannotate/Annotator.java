package io.labelbench.preannotate;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.model.Task;

/**
 * Something that pre-annotates tasks: the rules engine in process, or a pre-annotation server over HTTP.
 * Implementations are called from one job thread at a time.
 */
public interface Annotator {

	/** The result of one task: GAL result regions and the prediction's overall score. */
	record Output(List<ObjectNode> result, BigDecimal score) {
	}

	/** Written as the prediction's {@code created_username}, e.g. {@code rules:project}. */
	String author();

	/**
	 * Written as the prediction's {@code model_version}; it changes whenever the annotator would answer
	 * differently (new model, edited rules), so a rerun can skip tasks it has already done.
	 */
	String modelVersion();

	/** One output per task, in order. A failure of the whole batch is an {@link AnnotatorException}. */
	List<Output> annotate(List<Task> tasks) throws AnnotatorException;
}
