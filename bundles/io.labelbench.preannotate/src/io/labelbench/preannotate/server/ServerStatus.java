package io.labelbench.preannotate.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a server is doing now, as the Servers view shows it.
 *
 * @param info the server's {@code /info} answer, or {@code null} when it did not answer
 */
public record ServerStatus(ServerRecord server, State state, JsonNode info) {

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
		return info == null ? 0 : info.path("tasksDone").asLong();
	}

	public long heapUsed() {
		return info == null ? 0 : info.path("heapUsed").asLong();
	}

	public long uptimeSeconds() {
		return info == null ? 0 : info.path("uptimeSeconds").asLong();
	}

	/** Epoch millis of the last prediction (or of the start). */
	public long lastUsed() {
		return info == null ? 0 : info.path("lastUsed").asLong();
	}
}
