package io.labelbench.preannotate.server;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * The server's models, then the prompts it runs as {@code prompt:NAME} (known only from {@code /info}: a server
	 * that does not answer lists its models alone).
	 */
	public List<String> modelsAndPrompts() {
		if (info == null || info.prompts().isEmpty()) {
			return server.models();
		}
		List<String> out = new ArrayList<>(server.models());
		info.prompts().forEach(p -> out.add("prompt:" + p.name()));
		return out;
	}

	/** Epoch millis of the last prediction (or of the start). */
	public long lastUsed() {
		return info == null ? 0 : info.lastUsed();
	}
}
