package io.labelbench.ui.activelearning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.progress.IProgressConstants;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.config.LabelingConfig;
import io.labelbench.config.ModelDeployment;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.training.ActiveLearning;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingException;
import io.labelbench.project.training.TrainingType;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.servers.ServerPreferences;

/**
 * The training active learning starts: the headless {@link ProjectTrainer} (a JVM of its own, counted in the
 * servers' budget) with the default parameters, per-epoch progress, cancel; then, when the setting asks for it,
 * the new model's name into the config ({@link ModelDeployment}, one atomic write); the result or the failure is
 * remembered in the project's active learning state. A project has one such job at a time
 * ({@link ActiveLearningTrigger} starts none while one is scheduled or running).
 */
public final class ActiveTrainingJob extends Job {

	/** The family of active learning's trainings, for the decoration, the tests and shutdown. */
	public static final Object FAMILY = new Object();

	private final IProject project;
	private final ActiveLearning.Settings settings;

	public ActiveTrainingJob(IProject project, ActiveLearning.Settings settings) {
		super(NLS.bind(Messages.Job_name, settings.type().id(), project.getName()));
		this.project = project;
		this.settings = settings;
		setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
		setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
	}

	public IProject project() {
		return project;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** Whether a training of the project is scheduled or running. */
	static boolean active(IProject project) {
		for (Job job : Job.getJobManager().find(FAMILY)) {
			if (job instanceof ActiveTrainingJob training && training.project.equals(project)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		ActiveLearningDecorator.refresh();
		LabelbenchProject lb = LabelbenchProjects.of(project);
		if (lb == null) {
			return Status.CANCEL_STATUS;
		}
		ActiveLearning learning = new ActiveLearning(lb);
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		try {
			ProjectTrainer.Result result = train(lb, monitor);
			String deployMessage = settings.deploy() ? deploy(lb, result) : null;
			ActiveLearning.LastTraining last = learning.finished(result, settings.deploy() && deployMessage == null)
					.last();
			String scored = last.score() == null ? "" : ", " + last.metric() + " " + StatusText.score(last.score());
			return deployMessage == null
					? Status.info(NLS.bind(Messages.Job_done,
							new Object[] { result.model().name(), result.version(), project.getName(), scored }))
					: Status.warning(deployMessage);
		} catch (TrainingException | IOException | ServerException e) {
			boolean cancelled = monitor.isCanceled();
			try {
				learning.failed(e.getMessage());
			} catch (IOException notSaved) {
				e.addSuppressed(notSaved);
			}
			return cancelled ? Status.CANCEL_STATUS
					: Status.warning(NLS.bind(Messages.Job_failed, project.getName(), e.getMessage()));
		} finally {
			monitor.done();
			ActiveLearningDecorator.refresh();
		}
	}

	private ProjectTrainer.Result train(LabelbenchProject lb, IProgressMonitor monitor)
			throws IOException, TrainingException, ServerException {
		LabelingConfig config = LabelingConfig.read(lb.configFile());
		ProjectTrainer trainer = new ProjectTrainer(ModelCachePreference.cache(), ServerRegistry.defaultDistribution(),
				ServerRegistry.defaultRegistry(), ServerPreferences.budget());
		return trainer.train(lb, config, settings.type(), null, ProjectTrainer.Parameters.DEFAULTS,
				new ProjectTrainer.Listener() {
					@Override
					public void epoch(JsonNode event) {
						monitor.subTask(NLS.bind(Messages.Job_epoch, new Object[] { event.path("epoch").asInt(),
								event.path("epochs").asInt(), StatusText.score(event.path("loss").asDouble()) }));
					}

					@Override
					public void log(String line) {
						// the training JVM's own output stays in its log
					}
				}, monitor::isCanceled);
	}

	/** Names the new model in the config; answers why it could not, or {@code null} when it did. */
	private String deploy(LabelbenchProject lb, ProjectTrainer.Result result) {
		try {
			String text = Files.readString(lb.configFile(), StandardCharsets.UTF_8);
			ModelDeployment.Kind kind = settings.type() == TrainingType.NER ? ModelDeployment.Kind.NER
					: ModelDeployment.Kind.CLASSIFICATION;
			ModelDeployment.Plan plan = ModelDeployment.plan(text, kind, result.data().fromName(),
					result.model().name(), result.data().labels());
			if (plan.changes()) {
				String deployed = plan.apply(text);
				AtomicFile.write(lb.configFile(), out -> out.write(deployed.getBytes(StandardCharsets.UTF_8)));
				project.getFile(LabelbenchProject.CONFIG_FILE).refreshLocal(IResource.DEPTH_ZERO, null);
			}
			return null;
		} catch (IOException | CoreException | IllegalArgumentException e) {
			return NLS.bind(Messages.Job_deployFailed,
					new Object[] { result.model().name(), project.getName(), e.getMessage() });
		}
	}
}
