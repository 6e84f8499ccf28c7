package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.eval.EvaluationException;
import io.labelbench.core.json.Json;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.ProjectPipeline;
import io.labelbench.project.PromptEvaluation;
import io.labelbench.project.SpecProcess;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.LlmEndpoint;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

/**
 * {@code labelbench prompt list|test|evaluate}: the prompts of the workspace library (and of a project), one prompt
 * tried on a text, the prompts a config names scored against the project's completions. Prompts run in a JVM of
 * the server distribution, as the server runs them.
 */
final class PromptCommand {

	private final PrintStream out;
	private final PrintStream err;
	private final Function<LabelbenchProject, ResultSchema> schemaOf;

	PromptCommand(PrintStream out, PrintStream err, Function<LabelbenchProject, ResultSchema> schemaOf) {
		this.out = out;
		this.err = err;
		this.schemaOf = schemaOf;
	}

	int run(List<String> rest) throws IOException {
		if (rest.isEmpty()) {
			throw new UsageException("prompt: say list, test or evaluate");
		}
		List<String> options = rest.subList(1, rest.size());
		return switch (rest.get(0)) {
		case "list" -> list(new Arguments("prompt list", options, Set.of("project"), Set.of()));
		case "test" -> test(new Arguments("prompt test", options, Set.of("prompt", "text", "project"), Set.of()));
		case "evaluate" -> evaluate(new Arguments("prompt evaluate", options, Set.of("project", "prompt", "cache"),
				Set.of()));
		default -> throw new UsageException("prompt: unknown subcommand '" + rest.get(0) + "' (list, test, evaluate)");
		};
	}

	/** The prompts a command sees: the project's (when given), then the library's. */
	private static List<Prompt> known(Arguments args) throws IOException {
		List<Prompt> prompts = new ArrayList<>();
		try {
			if (args.optional("project", null) != null) {
				LabelbenchProject project = Labelbench.existingProject(args.project());
				prompts.addAll(PromptFiles.readFolder(project.folder().resolve(ProjectPipeline.PROMPTS_FOLDER)));
			}
			prompts.addAll(PromptLibrary.defaultLibrary().prompts());
		} catch (RuleException e) {
			throw new IOException(e.getMessage(), e);
		}
		return prompts;
	}

	private int list(Arguments args) throws IOException {
		noOperands(args);
		List<Prompt> prompts = known(args);
		if (prompts.isEmpty()) {
			out.println("no prompts (the library is " + PromptLibrary.defaultLibrary().folder() + ")");
			return Labelbench.OK;
		}
		for (Prompt p : prompts) {
			out.println(p.name() + "\t" + lower(p.kind()) + "\t" + lower(p.engine()) + "\t" + p.label()
					+ (p.kind() == Prompt.Kind.RELATION ? " (" + p.head() + " -> " + p.tail() + ")" : "")
					+ (p.engine() == Prompt.Engine.BUILTIN ? "\tthreshold " + p.threshold() : "") + "\t"
					+ p.description());
		}
		return Labelbench.OK;
	}

	private int test(Arguments args) throws IOException {
		noOperands(args);
		String name = args.required("prompt");
		String text = args.required("text");
		Prompt prompt = known(args).stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
		if (prompt == null) {
			err.println("labelbench: prompt test: no prompt '" + name + "' in the library"
					+ (args.optional("project", null) == null ? " (--project DIR adds a project's prompts)"
							: " or the project"));
			return Labelbench.FAILED;
		}
		LlmEndpoint llm = prompt.engine() == Prompt.Engine.LLM ? ProjectPipeline.llmFromEnvironment() : null;
		String control = prompt.kind() == Prompt.Kind.CLASSIFICATION ? "class" : "label";
		ServerSpec spec = new ServerSpec("prompt-test", "prompt-test", List.of(), List.of(), List.of(),
				List.of(new PromptSpec(prompt, control, "text")), llm);
		if (!spec.problems().isEmpty()) {
			err.println("labelbench: prompt test: " + String.join("; ", spec.problems()) + " (set "
					+ ProjectPipeline.LLM_BASE_URL + " and " + ProjectPipeline.LLM_MODEL + ")");
			return Labelbench.FAILED;
		}
		ObjectNode result = process().run(Json.mapper().valueToTree(spec), List.of(text)).get(0);
		int found = 0;
		for (JsonNode region : result.path("result")) {
			JsonNode value = region.path("value");
			String confidence = String.format(Locale.ROOT, "%.3f", value.path("confidence").asDouble());
			if (value.has("choices")) {
				out.println("choice " + value.path("choices").get(0).asText() + "\t" + confidence);
			} else if (value.has("start")) {
				out.println(value.path("labels").get(0).asText() + "\t[" + value.path("start").asInt() + ","
						+ value.path("end").asInt() + ")\t" + value.path("text").asText() + "\t" + confidence);
			} else {
				continue;
			}
			found++;
		}
		if (found == 0) {
			out.println("nothing found (threshold " + prompt.threshold() + ")");
		}
		return Labelbench.OK;
	}

	private int evaluate(Arguments args) throws IOException {
		noOperands(args);
		LabelbenchProject project = Labelbench.existingProject(args.project());
		ModelCache cache = args.optional("cache", null) == null ? ModelCache.defaultCache()
				: new ModelCache(Path.of(args.optional("cache", null)));
		ResultSchema schema = schemaOf.apply(project);
		PromptEvaluation.Result result;
		try {
			result = new PromptEvaluation(project, ProjectPipeline.of(project, ProjectPipeline.WITHOUT_LIBRARY), cache,
					process()).run(args.optional("prompt", null), schema == null ? Set.of()
							: Set.copyOf(schema.assertionLabels()), new ConsoleProgress(err));
		} catch (EvaluationException e) {
			err.println("labelbench: prompt evaluate: " + e.getMessage());
			return Labelbench.FAILED;
		}
		result.unreadable().forEach(problem -> err.println("warning: skipped " + problem));
		out.println("Evaluated prompts " + String.join(", ", result.prompts()) + " (" + result.modelVersion() + ") on "
				+ result.evaluated() + " of " + Labelbench.count(result.tasks(), "task", "tasks") + "; "
				+ result.withoutCompletion() + " without a submitted or ground-truth completion, "
				+ result.withoutText() + " without a text");
		new EvaluateCommand(out, err, schemaOf).printMetrics(result.metrics());
		return Labelbench.OK;
	}

	private static SpecProcess process() throws IOException {
		try {
			return new SpecProcess(ServerRegistry.defaultDistribution());
		} catch (ServerException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	private static void noOperands(Arguments args) {
		if (!args.operands().isEmpty()) {
			throw new UsageException("unexpected argument '" + args.operands().get(0) + "'");
		}
	}

	private static String lower(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}
}
