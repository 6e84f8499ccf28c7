package io.labelbench.preannotate.server;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.core.model.Task;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.AnnotatorException;
import io.labelbench.preannotate.AnnotatorUnavailableException;
import io.labelbench.protocol.PredictResponse;
import io.labelbench.protocol.PredictResponse.TaskResult;

/**
 * Pre-annotates through a pre-annotation server: one {@code /predict} request per batch. The server's regions go
 * into the prediction as it sent them (entities, assertion statuses, classes, and relations between regions of the
 * same result, with their ids). A server that cannot be
 * reached (or refuses the token) makes the run stop with its reason; other errors are the batch's.
 */
public final class ServerAnnotator implements Annotator {
	private final ServerRecord server;
	private final ServerClient client;
	private final String dataField;
	private final String modelVersion;

	/**
	 * @param dataField the task data field holding the text ({@code text} in GAL)
	 * @throws ServerException when the server does not answer its {@code /info}
	 */
	public ServerAnnotator(ServerRecord server, String dataField, Duration batchTimeout) throws ServerException {
		this.server = server;
		this.client = server.client(batchTimeout);
		this.dataField = dataField;
		String version = client.info().modelVersion();
		this.modelVersion = version != null ? version : server.modelVersion();
	}

	@Override
	public String author() {
		return "server:" + server.name();
	}

	@Override
	public String modelVersion() {
		return modelVersion;
	}

	/**
	 * Texts per request are kept under this many UTF-8 bytes, half of what a server accepts by default, so that a
	 * large batch of long tasks goes as several requests rather than being refused whole.
	 */
	static final long REQUEST_BUDGET_BYTES = 4L << 20;

	@Override
	public List<Output> annotate(List<Task> tasks) throws AnnotatorException {
		List<Output> out = new ArrayList<>(tasks.size());
		List<String> texts = new ArrayList<>();
		long bytes = 0;
		for (Task task : tasks) {
			String text = task.dataText(dataField);
			long size = text == null ? 4 : 3L * text.length(); // UTF-8 needs at most 3 bytes per UTF-16 unit
			if (!texts.isEmpty() && bytes + size > REQUEST_BUDGET_BYTES) {
				out.addAll(predict(texts));
				texts.clear();
				bytes = 0;
			}
			texts.add(text);
			bytes += size;
		}
		if (!texts.isEmpty()) {
			out.addAll(predict(texts));
		}
		return out;
	}

	private List<Output> predict(List<String> texts) throws AnnotatorException {
		PredictResponse prediction;
		try {
			prediction = client.predict(texts);
		} catch (ServerUnreachableException e) {
			throw new AnnotatorUnavailableException(e.getMessage(), e);
		} catch (ServerException e) {
			throw new AnnotatorException(e.getMessage(), e);
		}
		if (prediction.modelVersion() != null && !prediction.modelVersion().equals(modelVersion)) {
			throw new AnnotatorUnavailableException("the server " + server.name() + " now runs "
					+ prediction.modelVersion() + ", not " + modelVersion + ": it was redeployed", null);
		}
		List<Output> out = new ArrayList<>(texts.size());
		for (TaskResult result : prediction.results()) {
			// regions keep the server's ids: its relations name them
			out.add(new Output(ProtocolJson.regions(result.result()),
					result.score() == null ? null : BigDecimal.valueOf(result.score())));
		}
		return out;
	}

}
