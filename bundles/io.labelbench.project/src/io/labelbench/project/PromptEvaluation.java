package io.labelbench.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.eval.CountedCompletion;
import io.labelbench.core.eval.EvaluationException;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.eval.ResultComparison;
import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;

/**
 * Scores the prompts a project's config names against its completions (ground truth, else the latest submitted),
 * with the scorer of {@code labelbench evaluate} ({@link ResultComparison}). Prompts need no training, so every task
 * with a completion is a test task. Only what the prompts can give is compared: entity spans of their labels,
 * the Choices controls they answer, relations of their labels; a label without a prompt is no miss of the prompts.
 * Tasks whose text is not in the config's data field (visual tasks) are counted and left out.
 */
public final class PromptEvaluation {

	/**
	 * @param tasks          the project's tasks
	 * @param evaluated      the tasks compared
	 * @param withoutText    tasks with a completion but no text in the data field
	 * @param prompts        the names of the prompts evaluated
	 * @param modelVersion   the prompts' version (as pre-annotations would carry it)
	 * @param unreadable     task files that could not be read
	 */
	public record Result(int tasks, int evaluated, int withoutCompletion, int withoutText, List<String> prompts,
			String modelVersion, List<String> unreadable, Metrics metrics) {
	}

	private final LabelbenchProject project;
	private final ProjectPipeline pipeline;
	private final ModelCache cache;
	private final SpecProcess process;

	public PromptEvaluation(LabelbenchProject project, ProjectPipeline pipeline, ModelCache cache, SpecProcess process) {
		this.project = project;
		this.pipeline = pipeline;
		this.cache = cache;
		this.process = process;
	}

	/**
	 * @param only            the one prompt to evaluate, or {@code null} for all the config names
	 * @param assertionLabels the config's assertion labels (not entities)
	 */
	public Result run(String only, Set<String> assertionLabels, Progress progress)
			throws IOException, EvaluationException {
		PipelineSpec derived = pipeline.spec("prompt-evaluation", cache);
		ObjectNode spec = promptsOnly(derived.json(), only);
		List<String> names = new ArrayList<>();
		spec.path("prompts").forEach(p -> names.add(p.at("/prompt/name").asText()));
		Scope scope = new Scope(spec);

		List<TaskId> ids = project.tasks().ids();
		progress.begin("Evaluating prompts " + String.join(", ", names) + " on " + ids.size() + " tasks", ids.size());
		List<String> unreadable = new ArrayList<>();
		List<Annotation> completions = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		int withoutCompletion = 0;
		int withoutText = 0;
		for (TaskId id : ids) {
			progress.checkCanceled();
			Task task;
			try {
				task = project.tasks().read(id);
			} catch (TaskFormatException | UncheckedIOException e) {
				unreadable.add(e.getMessage());
				continue;
			}
			Annotation completion = CountedCompletion.of(task);
			String text = task.dataText(derived.dataField());
			if (completion == null) {
				withoutCompletion++;
			} else if (text == null) {
				withoutText++;
			} else {
				completions.add(scope.of(completion));
				texts.add(text);
			}
		}
		if (completions.isEmpty()) {
			throw new EvaluationException("no completions to compare with: none of the " + ids.size()
					+ " tasks has a submitted or ground-truth completion of its text");
		}
		List<ObjectNode> predicted = process.run(spec, texts);
		Metrics metrics = new Metrics();
		for (int i = 0; i < completions.size(); i++) {
			metrics.add(ResultComparison.compare(completions.get(i), new Annotation(predicted.get(i)), assertionLabels));
			progress.worked(1);
		}
		return new Result(ids.size(), completions.size(), withoutCompletion, withoutText, names,
				spec.path("modelVersion").asText(), unreadable, metrics);
	}

	/** The spec with its prompts only (or the one asked for), without models and rules. */
	static ObjectNode promptsOnly(ObjectNode spec, String only) throws EvaluationException {
		ArrayNode prompts = Json.nodes().arrayNode();
		for (JsonNode p : spec.path("prompts")) {
			if (only == null || only.equals(p.at("/prompt/name").asText())) {
				prompts.add(p);
			}
		}
		if (prompts.isEmpty()) {
			throw new EvaluationException(only == null ? "the labeling config names no prompt (attribute prompt of a"
					+ " Label, Choice or Relation)" : "prompt '" + only + "' is not named by the labeling config (or"
							+ " is not where it fits: see labelbench validate-config)");
		}
		ObjectNode out = spec.deepCopy();
		out.set("prompts", prompts);
		out.set("models", Json.nodes().arrayNode());
		out.set("embeddings", Json.nodes().arrayNode());
		out.set("rules", Json.nodes().arrayNode());
		return out;
	}

	/** What the prompts of a spec can give: a completion is cut down to it. */
	private static final class Scope {
		final Set<String> entityLabels = new HashSet<>();
		final Set<String> choiceControls = new HashSet<>();
		final Set<String> relationLabels = new HashSet<>();

		Scope(ObjectNode spec) {
			for (JsonNode p : spec.path("prompts")) {
				String label = p.at("/prompt/label").asText();
				switch (p.at("/prompt/kind").asText()) {
				case "ENTITY" -> entityLabels.add(label);
				case "CLASSIFICATION" -> choiceControls.add(p.path("fromName").asText());
				default -> relationLabels.add(label);
				}
			}
		}

		Annotation of(Annotation completion) {
			ObjectNode copy = completion.json().deepCopy();
			ArrayNode kept = Json.nodes().arrayNode();
			for (Region region : completion.results()) {
				boolean keep = switch (region.kind()) {
				case RELATION -> region.labels().stream().anyMatch(relationLabels::contains);
				default -> "choices".equals(region.type()) ? choiceControls.contains(region.fromName())
						: region.labels().stream().anyMatch(entityLabels::contains);
				};
				if (keep) {
					kept.add(region.json());
				}
			}
			copy.set(Annotation.RESULT, kept);
			return new Annotation(copy);
		}
	}
}
