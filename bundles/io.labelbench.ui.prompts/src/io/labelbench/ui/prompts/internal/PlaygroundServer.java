package io.labelbench.ui.prompts.internal;

import java.util.List;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RuleException;

/**
 * Where the playground runs built-in prompts: the embedding engine lives in the pre-annotation server (ONNX Runtime
 * is not an OSGi bundle of the workbench).
 */
final class PlaygroundServer implements PlaygroundEngine.BuiltinEngines, AutoCloseable {

	@Override
	public PromptAnnotator annotator(List<Prompt> prompts) throws RuleException {
		throw new RuleException(Messages.format(Messages.Playground_builtinUnavailable,
				String.join(", ", prompts.stream().map(Prompt::name).toList())));
	}

	@Override
	public void close() {
		// nothing started yet
	}
}
