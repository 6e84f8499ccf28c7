package io.labelbench.ui.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.labelbench.hub.TrainedModels;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingType;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.hub.ModelsHubView;

/**
 * Starting trainings: the entry point of the Train Model command and of anything else that trains a project's
 * model (e.g. a retraining after new completions). Each training is a {@link TrainingJob} of the family
 * {@link #FAMILY}; its live chart opens in a {@link TrainingEditor}.
 */
public final class TrainingJobs {

	/** The family of training jobs (the same as {@link LabelbenchJobs#FAMILY_TRAINING}). */
	public static final Object FAMILY = LabelbenchJobs.FAMILY_TRAINING;

	private TrainingJobs() {
	}

	/**
	 * Trains with the given parameters ({@link ProjectTrainer.Parameters#DEFAULTS} for the trainer's), holding out the
	 * tasks tagged "test", and deploys the new model into the config when {@code deploy}, leaving running servers
	 * stale. The training editor opens.
	 */
	public static TrainingJob schedule(IProject project, TrainingType type, ProjectTrainer.Parameters parameters,
			boolean deploy) {
		return schedule(project, new TrainingRequest(type, parameters, null, deploy, false), true);
	}

	/**
	 * Schedules a training the user asked for: a failure is told in a dialog; with {@code show}, its training editor
	 * opens (from any thread).
	 */
	public static TrainingJob schedule(IProject project, TrainingRequest request, boolean show) {
		TrainingJob job = new TrainingJob(project, request, false);
		job.schedule();
		if (show && PlatformUI.isWorkbenchRunning()) {
			Display display = PlatformUI.getWorkbench().getDisplay();
			if (Display.getCurrent() == display) {
				open(job.run());
			} else {
				display.asyncExec(() -> open(job.run()));
			}
		}
		return job;
	}

	/**
	 * Schedules a training nobody is waiting for (active learning's): no editor opens and nothing interrupts the
	 * user; its result stays in the Progress view and a failure goes to the error log.
	 */
	public static TrainingJob scheduleInBackground(IProject project, TrainingRequest request) {
		TrainingJob job = new TrainingJob(project, request, true);
		job.schedule();
		return job;
	}

	/** The trainings scheduled or running now. */
	public static List<TrainingJob> current() {
		List<TrainingJob> jobs = new ArrayList<>();
		for (Job job : Job.getJobManager().find(FAMILY)) {
			if (job instanceof TrainingJob training) {
				jobs.add(training);
			}
		}
		return jobs;
	}

	/** Re-reads the Models Hub view, where a published model shows its new version. */
	static void refreshModelsHub() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
				if (window.getActivePage() != null
						&& window.getActivePage().findView(ModelsHubView.ID) instanceof ModelsHubView view) {
					view.refreshCatalog();
				}
			}
		});
	}

	/**
	 * Opens (or brings forward) the training editor of a published version's run, read back from its saved log;
	 * {@code null} when it could not be read (the user is told why).
	 */
	public static TrainingEditor openSaved(TrainedModels.Version version) {
		try {
			return open(TrainingRun.saved(version));
		} catch (IOException e) {
			MessageDialog.openError(PlatformUI.getWorkbench().getDisplay().getActiveShell(), Messages.ShowLog_title,
					NLS.bind(Messages.ShowLog_unreadable, version.name() + " v" + version.version(), e.getMessage()));
			return null;
		}
	}

	/** Opens (or brings forward) the training editor of a run. */
	public static TrainingEditor open(TrainingRun run) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null) {
			window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
		}
		try {
			return (TrainingEditor) window.getActivePage().openEditor(new TrainingInput(run), TrainingEditor.ID);
		} catch (PartInitException e) {
			MessageDialog.openError(window.getShell(), Messages.Train_title, e.getMessage());
			return null;
		}
	}
}
