package io.labelbench.project;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.config.ObjectTag;
import io.labelbench.core.eval.CountedCompletion;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.eval.ResultComparison;
import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.PromptAnnotator.Choice;
import io.labelbench.rules.engine.PromptAnnotator.Span;
import io.labelbench.rules.engine.RuleException;

/**
 * Evaluates a prompt engine running in this process (the workbench playground's prompts, as tuned and not yet
 * saved) against a project's ground truth; {@link PromptEvaluation} evaluates the prompts a config names through the
 * server distribution. Each task with a counted completion (ground truth first, see
 * {@link CountedCompletion}) is run through the prompts, and the prompts' spans and choices are compared with the
 * completion by {@link ResultComparison}. Only the labels and choices the prompts give are compared, so a prompt
 * for one label is not charged with the labels it was never asked for. Spans go to every text object of the config
 * whose {@code Labels} control has the prompt's label, choices to the {@code Choices} control that has the choice.
 */
public final class PromptAnnotatorEvaluation {

	/** The counts of the tasks evaluated; {@code failed} tasks the engine could not run are left out. */
	public record Result(Metrics metrics, int tasks, int failed, String firstFailure) {
	}

	private final LabelingConfig config;
	private final PromptAnnotator annotator;
	private final Set<String> labels = new HashSet<>();

	public PromptAnnotatorEvaluation(LabelingConfig config, PromptAnnotator annotator) {
		this.config = config;
		this.annotator = annotator;
		annotator.prompts().stream().filter(p -> p.kind() != Prompt.Kind.RELATION).map(Prompt::label)
				.forEach(labels::add);
	}

	/** Runs the prompts on the tasks of the project that have a counted completion. */
	public Result run(LabelbenchProject project, Progress progress) throws IOException {
		List<Task> tasks = new java.util.ArrayList<>();
		for (Task task : project.tasks().tasks()) {
			if (CountedCompletion.of(task) != null) {
				tasks.add(task);
			}
		}
		progress.begin("Evaluating prompts", tasks.size());
		Metrics metrics = new Metrics();
		int failed = 0;
		String firstFailure = null;
		for (Task task : tasks) {
			progress.checkCanceled();
			try {
				metrics.add(ResultComparison.compare(only(CountedCompletion.of(task)), predict(task),
						config.assertionLabels()));
			} catch (RuleException e) {
				failed++;
				firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
			}
			progress.worked(1);
		}
		return new Result(metrics, tasks.size() - failed, failed, firstFailure);
	}

	/** What the prompts predict for a task, as a result the comparison reads. */
	Annotation predict(Task task) throws RuleException {
		Annotation predicted = new Annotation(task.json().objectNode());
		for (ObjectTag object : config.objectTags()) {
			String field = config.dataFieldOf(object.name());
			String text = field == null || !"text".equals(object.type()) ? null : task.dataText(field);
			if (text == null) {
				continue;
			}
			List<Span> spans = null;
			List<Choice> choices = null;
			for (ControlTag control : config.controlTags()) {
				if (!control.toNames().contains(object.name())) {
					continue;
				}
				Set<String> values = values(control);
				if ("labels".equals(control.type())) {
					spans = spans == null ? annotator.entities(text) : spans;
					for (Span s : spans) {
						if (values.contains(s.match().label())) {
							region(predicted, "labels", control, object).span(s.match().start(), s.match().end(),
									s.match().text(), s.match().label());
						}
					}
				} else if ("choices".equals(control.type())) {
					choices = choices == null ? annotator.classify(text) : choices;
					List<String> given = choices.stream().map(Choice::choice).filter(values::contains).toList();
					if (!given.isEmpty()) {
						ArrayNode array = region(predicted, "choices", control, object).json().putObject("value")
								.putArray("choices");
						given.forEach(array::add);
					}
				}
			}
		}
		return predicted;
	}

	private static Region region(Annotation annotation, String type, ControlTag control, ObjectTag object) {
		Region region = annotation.addResult(type);
		region.json().put("from_name", control.name()).put("to_name", object.name());
		return region;
	}

	private static Set<String> values(ControlTag control) {
		Set<String> out = new LinkedHashSet<>();
		for (LabelValue v : control.values()) {
			out.add(v.value());
		}
		return out;
	}

	/** The completion with only the spans and choices of the prompts' labels. */
	private Annotation only(Annotation completion) {
		ObjectNode copy = completion.json().deepCopy();
		ArrayNode kept = copy.putArray(Annotation.RESULT);
		for (Region region : completion.results()) {
			switch (region.kind()) {
			case LABELS -> {
				if (region.labels().stream().anyMatch(labels::contains)) {
					kept.add(region.json().deepCopy());
				}
			}
			case CHOICES -> {
				ObjectNode r = region.json().deepCopy();
				ArrayNode choices = r.putObject("value").putArray("choices");
				region.labels().stream().filter(labels::contains).forEach(choices::add);
				if (!choices.isEmpty()) {
					kept.add(r);
				}
			}
			default -> {
				// relations, boxes, text areas: not what entity and classification prompts give
			}
			}
		}
		return new Annotation(copy);
	}
}
