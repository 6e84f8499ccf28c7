package io.labelbench.protocol;

import java.util.List;

/**
 * The answer to {@code POST /predict}: one {@link TaskResult} per text, in the order of the request, and the
 * version of what predicted them:
 *
 * <pre>
 * {"results": [{"result": [regions], "score": 0.97}, {"result": []}],
 *  "modelVersion": "ner_posology_labelbench@1732000000000+rules@1a2b3c4d", "tookMs": 12}
 * </pre>
 *
 * {@code modelVersion} is the spec's, the same as {@code /info} gives (servers before this protocol answered it
 * as {@code model_version}; clients take the version from {@code /info}, so such an answer is still read, only
 * without the check that the server was not redeployed in the middle of a run).
 */
public record PredictResponse(List<TaskResult> results, String modelVersion, Long tookMs) {

	/**
	 * The prediction of one text: its regions (relations name regions of the same list) and the mean confidence
	 * of its regions, null when there are none.
	 */
	public record TaskResult(List<Region> result, Double score) {
		public TaskResult {
			result = result == null ? null : List.copyOf(result);
		}
	}

	public PredictResponse {
		results = results == null ? null : List.copyOf(results);
	}
}
