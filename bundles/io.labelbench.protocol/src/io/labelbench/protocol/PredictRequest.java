package io.labelbench.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of {@code POST /predict}: {@code {"texts": ["...", ...]}}, one text per task (a task without text sends
 * {@code null} and gets an empty result).
 */
public record PredictRequest(List<String> texts) {

	/** At most this many texts in one request. */
	public static final int MAX_TEXTS = 10_000;

	/**
	 * Request header: how many milliseconds the client waits for the answer, so that the server drops work nobody
	 * waits for any more.
	 */
	public static final String TIMEOUT_HEADER = "X-Labelbench-Timeout-Ms";

	public PredictRequest {
		// null elements are allowed (a task without text): List.copyOf would refuse them
		texts = texts == null ? null : Collections.unmodifiableList(new ArrayList<>(texts));
	}

	/** What makes this request impossible to answer, in words for the client; null when it is fine. */
	public String problem() {
		if (texts == null || texts.size() > MAX_TEXTS) {
			return "need \"texts\": an array of at most " + MAX_TEXTS + " strings";
		}
		return null;
	}
}
