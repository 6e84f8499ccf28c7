package io.labelbench.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;
import io.labelbench.project.training.TrainingException;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.servers.ServerPreferences;
import io.labelbench.ui.servers.Servers;

/**
 * Trains a project's model with {@link ProjectTrainer} in a JVM of its own, counted in the servers' budget beside
 * the servers and the other trainings; progress counts epochs, cancel kills the JVM (the trainer publishes nothing
 * then). Two trainings of one project never run at once ({@link ProjectRule}); of different projects they do. The
 * epochs and the process log go to the job's {@link TrainingRun}; a published model is deployed when asked.
 */
public final class TrainingJob extends Job {

	/** Mutually exclusive with the trainings of the same project only (not a resource rule: the workspace stays free). */
	record ProjectRule(String project) implements ISchedulingRule {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return equals(rule);
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return equals(rule);
		}
	}

	private final IProject project;
	private final TrainingRun run;
	/** Epochs read by the output thread, counted in the monitor by the job's own thread. */
	private final Queue<TrainingEpoch> unreported = new ConcurrentLinkedQueue<>();
	private boolean counting;

	TrainingJob(IProject project, TrainingRequest request) {
		super(NLS.bind(Messages.TrainingJob_name, request.type().id(), project.getName()));
		this.project = project;
		this.run = new TrainingRun(project.getName(), request);
		setUser(true);
		setRule(new ProjectRule(project.getLocation().toString()));
		setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
	}

	public IProject project() {
		return project;
	}

	/** What the run reported so far. */
	public TrainingRun run() {
		return run;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == LabelbenchJobs.FAMILY_TRAINING;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, getName(), 100);
		try {
			LabelbenchProject lb = LabelbenchProjects.of(project);
			if (!lb.may(Permission.TRAIN)) {
				return fail(NLS.bind(Messages.TrainingJob_notPermitted, project.getName()));
			}
			if (!Files.isRegularFile(lb.configFile())) {
				return fail(NLS.bind(Messages.TrainingJob_noConfig, project.getName()));
			}
			LabelingConfig config = LabelingConfig.read(lb.configFile());
			ProjectTrainer trainer = new ProjectTrainer(ModelCachePreference.cache(),
					ServerRegistry.defaultDistribution(), Servers.registry(),
					ServerPreferences.budgetBesideTrainings(this));
			sub.worked(5);
			sub.subTask(Messages.TrainingJob_starting);
			TrainingRequest request = run.request();
			ProjectTrainer.Result result = trainer.train(lb, config, request.type(), request.split(),
					request.parameters(), listener(), () -> {
						countEpochs(sub);
						return sub.isCanceled();
					});
			countEpochs(sub);
			run.published(result);
			TrainingJobs.refreshModelsHub();
			if (request.deploy()) {
				run.deployed(TrainedModelDeployment.deploy(project, result, request.type(), request.redeploy()));
			}
			return Status.OK_STATUS;
		} catch (TrainingException e) {
			if (sub.isCanceled()) {
				run.ended(TrainingRun.State.CANCELLED, e.getMessage());
				return Status.CANCEL_STATUS;
			}
			return fail(NLS.bind(Messages.TrainingJob_failed, project.getName(), e.getMessage()));
		} catch (ServerException | IOException e) {
			return fail(NLS.bind(Messages.TrainingJob_failed, project.getName(), e.getMessage()));
		}
	}

	private ProjectTrainer.Listener listener() {
		return new ProjectTrainer.Listener() {
			@Override
			public void epoch(JsonNode event) {
				TrainingEpoch epoch = TrainingEpoch.of(event);
				run.log(EpochText.line(epoch));
				run.epoch(epoch);
				unreported.add(epoch);
			}

			@Override
			public void log(String line) {
				run.log(line);
			}
		};
	}

	/** On the job's thread: one unit of work per epoch, once the first epoch said how many there are. */
	private void countEpochs(SubMonitor sub) {
		TrainingEpoch epoch;
		while ((epoch = unreported.poll()) != null) {
			if (!counting) {
				counting = true;
				sub.setWorkRemaining(epoch.epochs() - epoch.epoch() + 2);
			}
			sub.worked(1);
			sub.subTask(EpochText.line(epoch));
		}
	}

	/** The failure in the run (the training editor shows it) and in a message of its own, without a stack trace. */
	private IStatus fail(String message) {
		run.ended(TrainingRun.State.FAILED, message);
		if (PlatformUI.isWorkbenchRunning()) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> MessageDialog.openError(
					PlatformUI.getWorkbench().getDisplay().getActiveShell(), Messages.Train_title, message));
		}
		return Status.error(message);
	}
}
