package io.labelbench.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.TrainedModels;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;
import io.labelbench.project.training.TrainingLog;

/**
 * What one training run reported so far: its epochs, its process log, how it ended and where its log file is.
 * Written by the training job's threads, read by the training editor; listeners are told of every change on the
 * thread that made it. A published version's past run is read back from its saved log ({@link #saved}).
 */
public final class TrainingRun {

	public enum State {
		RUNNING, PUBLISHED, FAILED, CANCELLED
	}

	/** Told of a change: a new epoch, log line or end (any thread). */
	public interface Listener {
		void changed(TrainingRun run);
	}

	/** Lines of the process log kept for the editor; the whole log stays in the log file ({@link #logFile()}). */
	static final int LOG_LINES = 2000;

	private final String projectName;
	private final TrainingRequest request;
	private final TrainedModels.Version saved;
	private final List<TrainingEpoch> epochs = new ArrayList<>();
	private final List<String> log = new ArrayList<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private int logLinesDropped;
	private State state = State.RUNNING;
	private String message = "";
	private String reason = "";
	private ProjectTrainer.Result result;
	private String deployment = "";
	private Path logFile;

	TrainingRun(String projectName, TrainingRequest request) {
		this(projectName, request, null);
	}

	private TrainingRun(String projectName, TrainingRequest request, TrainedModels.Version saved) {
		this.projectName = projectName;
		this.request = request;
		this.saved = saved;
	}

	/**
	 * The run that published {@code version}, as its saved log tells it: the epochs and log lines read back, the
	 * model's scores. Without a saved log (a version published before logs were kept) only the scores are there.
	 */
	public static TrainingRun saved(TrainedModels.Version version) throws IOException {
		TrainingRun run = new TrainingRun(version.name(), null, version);
		Optional<Path> log = TrainingLog.of(version.model());
		if (log.isPresent()) {
			TrainingLog.replay(log.get(), run.recorder(epoch -> {
			}));
		}
		synchronized (run) {
			run.state = State.PUBLISHED;
			run.logFile = log.orElse(null);
		}
		return run;
	}

	/**
	 * Records what the training JVM says: an epoch as an epoch and a line of the log, other output as log lines;
	 * {@code alsoOnEpoch} hears of each epoch after it was recorded.
	 */
	ProjectTrainer.Listener recorder(Consumer<TrainingEpoch> alsoOnEpoch) {
		return new ProjectTrainer.Listener() {
			@Override
			public void epoch(JsonNode event) {
				TrainingEpoch epoch = TrainingEpoch.of(event);
				log(EpochText.line(epoch));
				TrainingRun.this.epoch(epoch);
				alsoOnEpoch.accept(epoch);
			}

			@Override
			public void log(String line) {
				TrainingRun.this.log(line);
			}
		};
	}

	public String projectName() {
		return projectName;
	}

	/** What was asked for; {@code null} for a {@link #saved} run. */
	public TrainingRequest request() {
		return request;
	}

	/** The published version this run was read back for, or {@code null} for a run of this workbench. */
	public TrainedModels.Version saved() {
		return saved;
	}

	/** The published model: this run's once {@link State#PUBLISHED}, or the saved version's. */
	public synchronized InstalledModel model() {
		return result != null ? result.model() : saved != null ? saved.model() : null;
	}

	/** The run's whole log on disk, once the run has ended (beside the published model, or as the failure said). */
	public synchronized Optional<Path> logFile() {
		return Optional.ofNullable(logFile);
	}

	public synchronized List<TrainingEpoch> epochs() {
		return List.copyOf(epochs);
	}

	public synchronized List<String> log() {
		return List.copyOf(log);
	}

	/** How many of the first log lines no longer fit in {@link #log()}. */
	public synchronized int logLinesDropped() {
		return logLinesDropped;
	}

	public synchronized State state() {
		return state;
	}

	/** Why the run failed or was cancelled, else empty. */
	public synchronized String message() {
		return message;
	}

	/** Why the run failed or was cancelled in the trainer's own words (the message without the project), else empty. */
	public synchronized String reason() {
		return reason;
	}

	/** The published model, once {@link State#PUBLISHED}. */
	public synchronized ProjectTrainer.Result result() {
		return result;
	}

	/** What deploying the new model did, when the request asked for it. */
	public synchronized String deployment() {
		return deployment;
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	void epoch(TrainingEpoch epoch) {
		synchronized (this) {
			epochs.add(epoch);
		}
		fire();
	}

	void log(String line) {
		synchronized (this) {
			log.add(line);
			if (log.size() > LOG_LINES) {
				log.remove(0);
				logLinesDropped++;
			}
		}
		fire();
	}

	void published(ProjectTrainer.Result published) {
		synchronized (this) {
			result = published;
			state = State.PUBLISHED;
			logFile = TrainingLog.of(published.model()).orElse(null);
		}
		fire();
	}

	void deployed(String what) {
		synchronized (this) {
			deployment = what;
		}
		fire();
	}

	void ended(State end, String why, String cause, Path log) {
		synchronized (this) {
			state = end;
			message = why;
			reason = cause;
			logFile = log;
		}
		fire();
	}

	/** A listener that fails (e.g. its editor went with the workbench) never stops the training's output reader. */
	private void fire() {
		for (Listener listener : listeners) {
			try {
				listener.changed(this);
			} catch (RuntimeException e) {
				listeners.remove(listener);
			}
		}
	}
}
