package io.labelbench.core.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.io.Progress;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/**
 * Evaluates a project's predictions against its completions on its test tasks: those tagged "test"
 * ({@link TestSelection}), or, when no task is, the fraction {@code split} of tasks chosen by id. Each test task
 * is compared through its {@link CountedCompletion} and the newest prediction the {@link PredictionChoice}
 * accepts ({@link ResultComparison}); test tasks without either are left out and counted. Reads every task once,
 * in id order; a task file that cannot be read is skipped and named in the report.
 */
public final class Evaluation {

	private final LabelbenchProject project;
	private final Set<String> assertionLabels;
	private final PredictionChoice predictions;
	private final Double split;

	/**
	 * @param schema      the project's config ({@code null} when it has none: then no label is an assertion)
	 * @param predictions which prediction of a task to compare
	 * @param split       the fraction of tasks to test on when no task is tagged "test"; {@code null} for none
	 */
	public Evaluation(LabelbenchProject project, ResultSchema schema, PredictionChoice predictions, Double split) {
		this.project = project;
		this.assertionLabels = schema == null ? Set.of() : Set.copyOf(schema.assertionLabels());
		this.predictions = predictions;
		if (split != null) {
			TestSelection.checkFraction(split);
		}
		this.split = split;
	}

	/** Which tasks were tested and what happened to them. */
	private static final class Selection {
		final Metrics metrics = new Metrics();
		final List<TaskId> tested = new ArrayList<>();
		int withoutCompletion;
		int withoutPrediction;
		final Map<String, Integer> versions = new TreeMap<>();
		/** The model versions of all predictions of the test tasks with a completion, for the error message. */
		final Set<String> available = new TreeSet<>();
	}

	public EvaluationReport run(Progress progress) throws IOException, EvaluationException {
		List<TaskId> ids = project.tasks().ids();
		progress.begin("Evaluating " + predictions.describe() + " on " + ids.size() + " tasks", ids.size());
		Selection tagged = new Selection();
		Selection held = new Selection();
		List<String> unreadable = new ArrayList<>();
		for (TaskId id : ids) {
			progress.checkCanceled();
			Task task;
			try {
				task = project.tasks().read(id);
			} catch (TaskFormatException | UncheckedIOException e) {
				unreadable.add(e.getMessage());
				progress.worked(1);
				continue;
			}
			boolean isTagged = TestSelection.isTaggedTest(task);
			boolean isHeld = split != null && TestSelection.inSplit(id, split);
			if (isTagged || isHeld) {
				Outcome outcome = compare(task);
				if (isTagged) {
					outcome.addTo(id, tagged);
				}
				if (isHeld) {
					outcome.addTo(id, held);
				}
			}
			progress.worked(1);
		}
		boolean byTag = !tagged.tested.isEmpty();
		if (!byTag && split == null) {
			throw new EvaluationException("no test tasks: no task is tagged \"" + TestSelection.TEST_TAG
					+ "\"; tag the tasks to test on, or hold out a fraction of the tasks by id with a split");
		}
		Selection chosen = byTag ? tagged : held;
		if (chosen.tested.isEmpty()) {
			throw new EvaluationException("no test tasks: a split of " + split + " of " + ids.size()
					+ " tasks selects none; choose a larger fraction");
		}
		int evaluated = (int) chosen.metrics.tasks();
		if (chosen.withoutCompletion == chosen.tested.size()) {
			throw new EvaluationException("no completions: none of the " + chosen.tested.size()
					+ " test tasks has a submitted or ground-truth completion");
		}
		if (evaluated == 0) {
			throw new EvaluationException("no predictions: none of the " + (chosen.tested.size()
					- chosen.withoutCompletion) + " test tasks with a completion has " + (predictions
							.kind() == PredictionChoice.Kind.LATEST ? "a prediction" : predictions.describe())
					+ (chosen.available.isEmpty() ? "" : "; their predictions are of " + versions(chosen.available)));
		}
		return new EvaluationReport(predictions, byTag ? null : split, chosen.tested.size(), evaluated,
				chosen.withoutCompletion, chosen.withoutPrediction, chosen.versions, unreadable, chosen.metrics);
	}

	private static final int MAX_VERSIONS_NAMED = 5;

	private static String versions(Set<String> versions) {
		List<String> named = versions.stream().limit(MAX_VERSIONS_NAMED).map(v -> v.isEmpty() ? "no model version" : v)
				.toList();
		return "model version " + String.join(", ", named)
				+ (versions.size() > named.size() ? " and " + (versions.size() - named.size()) + " more" : "");
	}

	/** One test task's result. */
	private record Outcome(Metrics metrics, boolean hasCompletion, String modelVersion, Set<String> available) {
		void addTo(TaskId id, Selection selection) {
			selection.tested.add(id);
			selection.available.addAll(available);
			if (!hasCompletion) {
				selection.withoutCompletion++;
			} else if (metrics == null) {
				selection.withoutPrediction++;
			} else {
				selection.metrics.add(metrics);
				selection.versions.merge(modelVersion == null ? "" : modelVersion, 1, Integer::sum);
			}
		}
	}

	private Outcome compare(Task task) {
		Annotation completion = CountedCompletion.of(task);
		if (completion == null) {
			return new Outcome(null, false, null, Set.of());
		}
		Set<String> available = new TreeSet<>();
		task.predictions().forEach(p -> available.add(p.modelVersion() == null ? "" : p.modelVersion()));
		Annotation prediction = predictions.of(task);
		if (prediction == null) {
			return new Outcome(null, true, null, available);
		}
		return new Outcome(ResultComparison.compare(completion, prediction, assertionLabels), true,
				prediction.modelVersion(), available);
	}
}
