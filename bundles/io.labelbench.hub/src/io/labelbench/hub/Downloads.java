package io.labelbench.hub;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which model downloads run, how far each has come, which failed and why, and cancelling one: the state a Models
 * Hub view shows, kept apart from it so that it can be tested without a display and outlives the view. Models
 * are told apart by name; at most one download of a model runs at a time. Thread-safe: downloads report from
 * their own threads, and listeners are told on the thread that made the change.
 */
public final class Downloads {

	/** What a running download is cancelled through (its job or thread). */
	@FunctionalInterface
	public interface Cancellable {
		void cancel();
	}

	/** Told of every change; on the thread that made it. */
	public interface Listener {
		/** A running download reported progress. */
		default void progressed(String name) {
		}

		/** A download started. */
		default void started(String name) {
		}

		/** A download ended: done, cancelled or failed. */
		default void ended(String name) {
		}
	}

	private final Map<String, Cancellable> running = new ConcurrentHashMap<>();
	private final Map<String, Double> shares = new ConcurrentHashMap<>();
	private final Map<String, String> failures = new ConcurrentHashMap<>();
	private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Registers a download of {@code name} about to start, at 0%, forgetting an earlier failure; {@code false}
	 * (and nothing changes) when one of that model runs already.
	 */
	public boolean start(String name, Cancellable cancel) {
		synchronized (this) {
			if (running.putIfAbsent(name, cancel) != null) {
				return false;
			}
			failures.remove(name);
			shares.put(name, 0.0);
		}
		listeners.forEach(listener -> listener.started(name));
		return true;
	}

	/** The downloaded share (0..1) of a running download; ignored once it has ended. */
	public void progress(String name, double share) {
		synchronized (this) {
			if (!running.containsKey(name)) {
				return;
			}
			shares.put(name, Math.max(0, Math.min(1, share)));
		}
		listeners.forEach(listener -> listener.progressed(name));
	}

	/** A download ended: done or cancelled ({@code failure} null), or failed with that message. */
	public void ended(String name, String failure) {
		synchronized (this) {
			if (running.remove(name) == null) {
				return;
			}
			shares.remove(name);
			if (failure != null) {
				failures.put(name, failure);
			}
		}
		listeners.forEach(listener -> listener.ended(name));
	}

	/** Asks the running download of {@code name} to stop; {@code false} when none runs. */
	public boolean cancel(String name) {
		Cancellable cancel = running.get(name);
		if (cancel == null) {
			return false;
		}
		cancel.cancel();
		return true;
	}

	public boolean isRunning(String name) {
		return running.containsKey(name);
	}

	/** How far the download of {@code name} has come, while it runs. */
	public OptionalDouble share(String name) {
		Double share = shares.get(name);
		return share == null ? OptionalDouble.empty() : OptionalDouble.of(share);
	}

	/** Why the last download of {@code name} failed, until it is downloaded again. */
	public Optional<String> failure(String name) {
		return Optional.ofNullable(failures.get(name));
	}

	public void addListener(Listener listener) {
		listeners.addIfAbsent(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}
}
