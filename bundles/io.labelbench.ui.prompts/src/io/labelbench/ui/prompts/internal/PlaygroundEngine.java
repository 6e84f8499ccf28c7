package io.labelbench.ui.prompts.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.equinox.security.storage.StorageException;

import io.labelbench.ui.servers.LlmSettings;
import io.labelbench.prompts.llm.LlmPromptAnnotator;
import io.labelbench.prompts.llm.LlmUsage;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RuleException;

/**
 * Runs the prompts chosen in the playground: LLM prompts in this process on the endpoint of the preferences (key
 * from secure storage), built-in prompts on the embedding engine of a pre-annotation server. Spans of both are
 * merged without overlaps, the longer span first, as one engine does.
 */
final class PlaygroundEngine implements PromptAnnotator {

	private final List<Prompt> prompts;
	private final List<PromptAnnotator> engines = new ArrayList<>();
	private LlmPromptAnnotator llm;

	/**
	 * @throws RuleException when a prompt's engine is not available (no LLM endpoint set, no built-in engine), with
	 *                       what to do about it
	 */
	PlaygroundEngine(List<Prompt> prompts, BuiltinEngines builtin) throws RuleException {
		this.prompts = List.copyOf(prompts);
		List<Prompt> llmPrompts = prompts.stream().filter(p -> p.engine() == Prompt.Engine.LLM).toList();
		List<Prompt> builtinPrompts = prompts.stream().filter(p -> p.engine() == Prompt.Engine.BUILTIN).toList();
		if (!llmPrompts.isEmpty()) {
			try {
				llm = new LlmPromptAnnotator(LlmSettings.endpoint(), llmPrompts);
			} catch (IllegalArgumentException | StorageException e) {
				throw new RuleException(Messages.format(Messages.Playground_noEndpoint, e.getMessage()), e);
			}
			engines.add(llm);
		}
		if (!builtinPrompts.isEmpty()) {
			engines.add(builtin.annotator(builtinPrompts));
		}
	}

	/** Where built-in prompts run. */
	interface BuiltinEngines {
		PromptAnnotator annotator(List<Prompt> prompts) throws RuleException;
	}

	/** What the LLM prompts cost so far, or null when none is chosen. */
	LlmUsage.Snapshot llmUsage() {
		return llm == null ? null : llm.usage().snapshot();
	}

	@Override
	public List<Span> entities(String text) throws RuleException {
		List<Span> all = new ArrayList<>();
		for (PromptAnnotator engine : engines) {
			all.addAll(engine.entities(text));
		}
		all.sort(Comparator.comparingInt((Span s) -> s.match().start() - s.match().end())
				.thenComparingInt(s -> s.match().start()));
		List<Span> kept = new ArrayList<>();
		for (Span s : all) {
			if (kept.stream().noneMatch(k -> k.match().start() < s.match().end() && s.match().start() < k.match().end())) {
				kept.add(s);
			}
		}
		kept.sort(Comparator.comparingInt(s -> s.match().start()));
		return kept;
	}

	@Override
	public List<Choice> classify(String text) throws RuleException {
		List<Choice> all = new ArrayList<>();
		for (PromptAnnotator engine : engines) {
			all.addAll(engine.classify(text));
		}
		all.sort(Comparator.comparingDouble(Choice::confidence).reversed());
		return all;
	}

	@Override
	public List<Prompt> prompts() {
		return prompts;
	}
}
