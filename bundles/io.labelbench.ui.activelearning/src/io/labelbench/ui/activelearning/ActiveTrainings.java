package io.labelbench.ui.activelearning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.training.ActiveLearning;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.training.TrainingJob;
import io.labelbench.ui.training.TrainingJobs;
import io.labelbench.ui.training.TrainingRequest;
import io.labelbench.ui.training.TrainingRun;

/**
 * The trainings active learning starts: the workbench's {@link TrainingJob} (its own JVM, counted in the servers'
 * budget, progress per epoch, cancel; deploying into the config as one undoable edit), with the default parameters
 * and the tasks tagged "test" held out; in the background: its training editor stays closed and a failure opens no
 * dialog, so that annotating goes on undisturbed. When it ends, the model's score, or why it failed and where its
 * log is, is remembered in the project's active learning state (the project's decoration and properties show it).
 */
public final class ActiveTrainings {

	private ActiveTrainings() {
	}

	/** Whether a training of the project (started by active learning or by hand) is scheduled or running. */
	static boolean active(IProject project) {
		return TrainingJobs.current().stream().anyMatch(job -> job.project().equals(project));
	}

	/** Starts a training when one is due and none of the project runs; answers the job started, if any. */
	public static Optional<TrainingJob> startIfDue(IProject project, ActiveLearning learning) throws IOException {
		if (active(project)) {
			return Optional.empty(); // the count goes on; the next submit after this training starts the next one
		}
		return learning.claimTraining().map(status -> {
			ActiveLearning.Settings settings = status.settings();
			TrainingRequest request = new TrainingRequest(settings.type(), ProjectTrainer.Parameters.DEFAULTS, null,
					settings.deploy(), false);
			TrainingJob job = TrainingJobs.scheduleInBackground(project, request);
			job.addJobChangeListener(new JobChangeAdapter() {
				@Override
				public void running(IJobChangeEvent event) {
					ActiveLearningDecorator.refresh();
				}

				@Override
				public void done(IJobChangeEvent event) {
					remember(project, job.run(), settings.deploy());
					ActiveLearningDecorator.refresh();
				}
			});
			ActiveLearningDecorator.refresh();
			return job;
		});
	}

	private static void remember(IProject project, TrainingRun run, boolean deploy) {
		LabelbenchProject lb = LabelbenchProjects.of(project);
		if (lb == null) {
			return;
		}
		ActiveLearning learning = new ActiveLearning(lb);
		try {
			if (run.state() == TrainingRun.State.PUBLISHED) {
				ProjectTrainer.Result result = run.result();
				learning.finished(result, deploy && names(lb, result.model().name()));
			} else {
				learning.failed(StatusText.failure(run));
			}
		} catch (IOException e) {
			ILog.of(ActiveTrainings.class).log(Status.warning("active learning of project " + project.getName()
					+ ": the last training's result could not be saved: " + e.getMessage(), e));
		}
	}

	/** Whether the config names the model now (the deploy may have been refused: a config with unsaved edits). */
	private static boolean names(LabelbenchProject lb, String model) throws IOException {
		return Files.readString(lb.configFile(), StandardCharsets.UTF_8).contains("model=\"" + model + "\"");
	}
}
