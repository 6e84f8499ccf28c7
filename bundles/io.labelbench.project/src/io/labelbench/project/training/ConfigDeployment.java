package io.labelbench.project.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;

import io.labelbench.config.ModelDeployment;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;

/**
 * Deploys a trained model into a project's labeling config file: the {@link ModelDeployment} of its labels, written
 * in one atomic replacement of the file (nothing is written when nothing changes). An editor that has the config
 * open applies {@link #plan} to its document instead, as one undoable change.
 */
public final class ConfigDeployment {

	private ConfigDeployment() {
	}

	/**
	 * The deployment of a model of {@code type} into the config text.
	 *
	 * @param controlName the control the model was trained on (its Labels or Choices; ignored for assertion and
	 *                    relation models, whose values the config marks itself), or {@code null} for every one
	 */
	public static ModelDeployment.Plan plan(String configText, TrainingType type, String controlName, String model,
			Collection<String> labels) {
		boolean byControl = type == TrainingType.NER || type == TrainingType.CLASSIFICATION;
		return ModelDeployment.plan(configText, ModelDeployment.Kind.of(type.id()), byControl ? controlName : null,
				model, labels);
	}

	/**
	 * Deploys the model into the project's config file.
	 *
	 * @throws IOException when the file cannot be read or written, or is not well-formed
	 */
	public static ModelDeployment.Plan deploy(LabelbenchProject project, TrainingType type, String controlName,
			String model, Collection<String> labels) throws IOException {
		String text = Files.readString(project.configFile(), StandardCharsets.UTF_8);
		ModelDeployment.Plan plan;
		try {
			plan = plan(text, type, controlName, model, labels);
		} catch (IllegalArgumentException e) {
			throw new IOException(project.configFile().getFileName() + ": " + e.getMessage(), e);
		}
		if (plan.changes()) {
			byte[] deployed = plan.apply(text).getBytes(StandardCharsets.UTF_8);
			AtomicFile.write(project.configFile(), out -> out.write(deployed));
		}
		return plan;
	}
}
