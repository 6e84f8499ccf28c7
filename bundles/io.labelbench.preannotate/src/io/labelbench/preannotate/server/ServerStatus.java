package io.labelbench.preannotate.server;

import io.labelbench.protocol.ServerInfo;

/**
 * What a server is doing now, as the Servers view shows it.
 *
 * @param info the server's {@code /info} answer, or {@code null} when it did not answer
 */
public record ServerStatus(ServerRecord server, State state, ServerInfo info) {

	public enum State {
		/** deployed, not yet healthy */
		STARTING,
		/** healthy, no request in flight */
		IDLE,
		/** healthy, predicting */
		BUSY,
		/** the process is gone or the server does not answer */
		FAILED
	}

	public long tasksDone() {
		return info == null ? 0 : info.tasksDone();
	}

	public long heapUsed() {
		return info == null ? 0 : info.heapUsed();
	}

	public long uptimeSeconds() {
		return info == null ? 0 : info.uptimeSeconds();
	}

	/** Epoch millis of the last prediction (or of the start). */
	public long lastUsed() {
		return info == null ? 0 : info.lastUsed();
	}
}
