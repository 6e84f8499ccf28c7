package io.labelbench.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
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
 * A failure is told in a dialog when the user started the training; a training started in the background (by
 * active learning) never interrupts: its failure goes to the error log and its result stays in the Progress view.
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
	private final boolean background;
	/** Epochs read by the output thread, counted in the monitor by the job's own thread. */
	private final Queue<TrainingEpoch> unreported = new ConcurrentLinkedQueue<>();
	private boolean counting;

	TrainingJob(IProject project, TrainingRequest request, boolean background) {
		super(NLS.bind(Messages.TrainingJob_name, request.type().id(), project.getName()));
		this.project = project;
		this.run = new TrainingRun(project.getName(), request);
		this.background = background;
		setUser(!background);
		setRule(new ProjectRule(project.getLocation().toString()));
		setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
		if (background) {
			// the finished job stays in the Progress view, its link opening the run's training editor
			setProperty(IProgressConstants.KEEPONE_PROPERTY, Boolean.TRUE);
			setProperty(IProgressConstants.ACTION_PROPERTY, new Action(Messages.TrainingJob_show) {
				@Override
				public void run() {
					TrainingJobs.open(TrainingJob.this.run);
				}
			});
		}
	}

	/** Whether the training was started in the background (not by the user), so that nothing interrupts the user. */
	public boolean background() {
		return background;
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
			String overBudget = overBudget();
			if (overBudget != null) {
				return fail(overBudget);
			}
			LabelingConfig config = LabelingConfig.read(lb.configFile());
			ProjectTrainer trainer = new ProjectTrainer(ModelCachePreference.cache(),
					ServerRegistry.defaultDistribution(), Servers.registry(),
					ServerPreferences.budgetBesideTrainings(this));
			sub.worked(5);
			sub.subTask(Messages.TrainingJob_starting);
			TrainingRequest request = run.request();
			ProjectTrainer.Result result = trainer.train(lb, config, request.type(), request.split(),
					request.parameters(), run.recorder(unreported::add), () -> {
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
				run.ended(TrainingRun.State.CANCELLED, e.getMessage(), e.getMessage(), e.log().orElse(null));
				return Status.CANCEL_STATUS;
			}
			return fail(NLS.bind(Messages.TrainingJob_failed, project.getName(), e.getMessage()), e.getMessage(),
					e.log().orElse(null));
		} catch (ServerException | IOException e) {
			return fail(NLS.bind(Messages.TrainingJob_failed, project.getName(), e.getMessage()), e.getMessage(), null);
		}
	}

	/**
	 * Why one more JVM would exceed the servers' budget (the preferences), counting the running servers and the
	 * other trainings of this workbench; {@code null} when it fits. The trainer checks again, in its own terms.
	 */
	private String overBudget() {
		List<ServerRecord> servers = Servers.registry().list().stream()
				.filter(server -> !server.remote() && server.processAlive()).toList();
		int trainings = (int) TrainingJobs.current().stream()
				.filter(job -> job != this && job.getState() == Job.RUNNING).count();
		int jvms = servers.size() + trainings + 1;
		int heap = servers.stream().mapToInt(ServerRecord::heapMb).sum() + (trainings + 1) * ProjectTrainer.HEAP_MB;
		ServerRegistry.Budget budget = ServerPreferences.budget();
		if (jvms <= budget.maxServers() && heap <= budget.maxHeapMb()) {
			return null;
		}
		return Messages.format(Messages.TrainingJob_overBudget, servers.size(), trainings, jvms, Integer.toString(heap),
				budget.maxServers(), Integer.toString(budget.maxHeapMb()));
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

	private IStatus fail(String message) {
		return fail(message, message, null);
	}

	/**
	 * The failure in the run (the training editor shows it) and, without a stack trace, in a dialog when the user
	 * started the training, else in the error log.
	 */
	private IStatus fail(String message, String reason, Path log) {
		run.ended(TrainingRun.State.FAILED, message, reason, log);
		if (background) {
			ILog.of(TrainingJob.class).log(Status.error(message));
		} else if (PlatformUI.isWorkbenchRunning()) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> MessageDialog.openError(
					PlatformUI.getWorkbench().getDisplay().getActiveShell(), Messages.Train_title, message));
		}
		return Status.error(message);
	}
}
