package io.labelbench.ui.prompts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.labelbench.core.io.Progress;
import io.labelbench.core.store.LabelbenchHome;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerClient;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.servers.ServerPreferences;
import io.labelbench.ui.servers.Servers;

/**
 * Where the playground runs built-in prompts: a pre-annotation server of its own (the embedding engine lives in the
 * server JVM; ONNX Runtime is no bundle of the workbench). It is deployed for the prompts chosen, from a config made
 * for them in {@code $LABELBENCH_HOME/playground}, and kept while they stay the same, so that a run on a paragraph
 * takes the engine's time and no start-up; changed prompts (a tuned description or threshold) replace it. It shows in
 * the Servers view like any server, and is stopped when the playground closes.
 */
final class PlaygroundServer implements PlaygroundEngine.BuiltinEngines, AutoCloseable {

	static final String NAME = "prompt-playground";
	private static final int HEAP_MB = 768;

	private ServerRecord server;
	private String specHash;
	private ServerClient client;
	private List<Prompt> running = List.of();

	@Override
	public synchronized PromptAnnotator annotator(List<Prompt> prompts) throws RuleException {
		if (server != null && prompts.equals(running)) {
			return new ServerPrompts(this, client, prompts); // warm: no spec, no status round trip
		}
		try {
			Path folder = Files.createDirectories(LabelbenchHome.resolve("playground"));
			Path config = folder.resolve("labeling-config.xml");
			Files.writeString(config, config(prompts));
			PipelineSpec spec = PipelineSpec.derive(NAME, config, ModelCachePreference.cache(), List.of(), prompts,
					null);
			if (!spec.problems().isEmpty()) {
				throw new RuleException(String.join("\n", spec.problems()));
			}
			if (server == null || !spec.hash().equals(specHash)
					|| Servers.registry().status(server).state() == ServerStatus.State.FAILED) {
				close();
				server = Servers.registry().deploy(new ServerRegistry.DeployRequest(NAME, folder, spec, HEAP_MB),
						ServerRegistry.defaultDistribution(), ServerPreferences.budget(), Progress.NONE);
				specHash = spec.hash();
				client = new ServerClient(server.url(), server.token(), Duration.ofMinutes(2));
			}
			running = List.copyOf(prompts);
			return new ServerPrompts(this, client, prompts);
		} catch (IOException | ServerException e) {
			throw new RuleException(Messages.format(Messages.Playground_serverFailed, e.getMessage()), e);
		}
	}

	/** A config with one Labels control for the entity prompts and one Choices control for the others. */
	static String config(List<Prompt> prompts) {
		StringBuilder labels = new StringBuilder();
		StringBuilder choices = new StringBuilder();
		for (Prompt p : prompts) {
			String tag = "<" + (p.kind() == Prompt.Kind.ENTITY ? "Label" : "Choice") + " value=\"" + xml(p.label())
					+ "\" prompt=\"" + xml(p.name()) + "\"/>";
			(p.kind() == Prompt.Kind.ENTITY ? labels : choices).append("    ").append(tag).append('\n');
		}
		StringBuilder view = new StringBuilder("<View>\n");
		if (!labels.isEmpty()) {
			view.append("  <Labels name=\"label\" toName=\"text\">\n").append(labels).append("  </Labels>\n");
		}
		view.append("  <Text name=\"text\" value=\"$text\"/>\n");
		if (!choices.isEmpty()) {
			view.append("  <Choices name=\"choice\" toName=\"text\" choice=\"multiple\">\n").append(choices)
					.append("  </Choices>\n");
		}
		return view.append("</View>\n").toString();
	}

	private static String xml(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			try {
				Servers.registry().stop(server, Duration.ofSeconds(5));
			} catch (IOException e) {
				// the Servers view still lists it and can delete it
			}
			server = null;
			client = null;
			running = List.of();
		}
	}

	/** A server that did not answer is deployed again on the next run. */
	private synchronized void failed() {
		running = List.of();
	}

	/** The server's answer for one text, as spans and choices; the last text's answer is kept for both calls. */
	private static final class ServerPrompts implements PromptAnnotator {
		private final PlaygroundServer owner;
		private final ServerClient client;
		private final List<Prompt> prompts;
		private final Map<String, String> promptOfLabel = new LinkedHashMap<>();
		private String lastText;
		private List<Region> lastResult;

		ServerPrompts(PlaygroundServer owner, ServerClient client, List<Prompt> prompts) {
			this.owner = owner;
			this.client = client;
			this.prompts = prompts;
			prompts.forEach(p -> promptOfLabel.putIfAbsent(p.label(), p.name()));
		}

		private List<Region> result(String text) throws RuleException {
			if (!text.equals(lastText)) {
				try {
					TaskResult result = client.predict(List.of(text)).results().get(0);
					lastResult = result.result() == null ? List.of() : result.result();
					lastText = text;
				} catch (ServerException e) {
					owner.failed();
					throw new RuleException(e.getMessage(), e);
				}
			}
			return lastResult;
		}

		@Override
		public List<Span> entities(String text) throws RuleException {
			List<Span> out = new ArrayList<>();
			for (Region r : result(text)) {
				if (Region.LABELS.equals(r.type()) && r.value() != null && r.value().start() != null) {
					String label = r.value().labels().get(0);
					out.add(new Span(new RuleMatch(r.value().start(), r.value().end(),
							text.substring(r.value().start(), r.value().end()), label, promptOfLabel.get(label)),
							confidence(r)));
				}
			}
			return out;
		}

		@Override
		public List<Choice> classify(String text) throws RuleException {
			List<Choice> out = new ArrayList<>();
			for (Region r : result(text)) {
				if (Region.CHOICES.equals(r.type()) && r.value() != null && r.value().choices() != null) {
					r.value().choices().forEach(c -> out.add(new Choice(c, promptOfLabel.get(c), confidence(r))));
				}
			}
			return out;
		}

		private static double confidence(Region r) {
			return r.value().confidence() != null ? r.value().confidence()
					: r.confidence() != null ? r.confidence() : 1.0;
		}

		@Override
		public List<Prompt> prompts() {
			return prompts;
		}
	}
}
