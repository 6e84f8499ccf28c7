package io.labelbench.ui.training;

import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingType;

/**
 * What to train and what to do with the result.
 *
 * @param split    the share of tasks held out by id for the closing scores when no task is tagged "test";
 *                 {@code null} for none
 * @param deploy   put the new model's name into the config's {@code model} attributes (one undoable edit)
 * @param redeploy after deploying, redeploy the project's running servers instead of leaving them stale
 */
public record TrainingRequest(TrainingType type, ProjectTrainer.Parameters parameters, Double split, boolean deploy,
		boolean redeploy) {

	public TrainingRequest {
		if (type == null) {
			throw new IllegalArgumentException("a training request needs a type");
		}
		parameters = parameters == null ? ProjectTrainer.Parameters.DEFAULTS : parameters;
	}
}
