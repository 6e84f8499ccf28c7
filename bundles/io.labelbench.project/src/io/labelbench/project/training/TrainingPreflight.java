package io.labelbench.project.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.Folders;
import io.labelbench.core.store.LabelbenchProject;

/**
 * What a training run would fit on, found before any JVM starts, so that a user interface can show the trainer's
 * refusals (no completions, one label only, labels the config does not have, no control to train) while the
 * parameters are still being chosen. Exports the training data as {@link ProjectTrainer} does, into a temporary
 * folder that is deleted again.
 */
public final class TrainingPreflight {

	private TrainingPreflight() {
	}

	/** The export's summary (labels, training and test tasks, examples); refused as the trainer refuses. */
	public static TrainingData.Exported check(LabelbenchProject project, LabelingConfig config, TrainingType type,
			Double split) throws TrainingException, IOException {
		Path folder = Files.createTempDirectory("labelbench-preflight");
		try {
			return new TrainingData(project, config, type, split).export(folder.resolve("data"));
		} finally {
			Folders.deleteTree(folder);
		}
	}
}
