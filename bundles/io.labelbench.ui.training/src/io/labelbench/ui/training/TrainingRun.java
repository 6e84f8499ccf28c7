package io.labelbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;

/**
 * What one training run reported so far: its epochs, its process log, how it ended. Written by the training job's
 * threads, read by the training editor; listeners are told of every change on the thread that made it.
 */
public final class TrainingRun {

	public enum State {
		RUNNING, PUBLISHED, FAILED, CANCELLED
	}

	/** Told of a change: a new epoch, log line or end (any thread). */
	public interface Listener {
		void changed(TrainingRun run);
	}

	/** Lines of the process log kept for the editor; the whole log stays in the log file. */
	static final int LOG_LINES = 2000;

	private final String projectName;
	private final TrainingRequest request;
	private final List<TrainingEpoch> epochs = new ArrayList<>();
	private final List<String> log = new ArrayList<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private int logLinesDropped;
	private State state = State.RUNNING;
	private String message = "";
	private ProjectTrainer.Result result;
	private String deployment = "";

	TrainingRun(String projectName, TrainingRequest request) {
		this.projectName = projectName;
		this.request = request;
	}

	public String projectName() {
		return projectName;
	}

	public TrainingRequest request() {
		return request;
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
		}
		fire();
	}

	void deployed(String what) {
		synchronized (this) {
			deployment = what;
		}
		fire();
	}

	void ended(State end, String why) {
		synchronized (this) {
			state = end;
			message = why;
		}
		fire();
	}

	private void fire() {
		for (Listener listener : listeners) {
			listener.changed(this);
		}
	}
}
