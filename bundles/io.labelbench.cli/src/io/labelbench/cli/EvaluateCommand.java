package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.eval.Counts;
import io.labelbench.core.eval.Evaluation;
import io.labelbench.core.eval.EvaluationException;
import io.labelbench.core.eval.EvaluationReport;
import io.labelbench.core.eval.LabelScores;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.eval.PredictionChoice;
import io.labelbench.core.io.TaskExporter;
import io.labelbench.core.store.LabelbenchProject;

/**
 * {@code labelbench evaluate --project DIR [--model NAME | --prediction-version V] [--split F] [--out FILE.json]}:
 * compares predictions with completions on the test tasks and prints a table (scores with three decimals);
 * {@code --out} also writes the full report as JSON. Exit 2 when there is nothing to compare.
 */
final class EvaluateCommand {

	private static final int MAX_CONFUSIONS = 8;

	private final PrintStream out;
	private final PrintStream err;
	private final Function<LabelbenchProject, ResultSchema> schemaOf;

	EvaluateCommand(PrintStream out, PrintStream err, Function<LabelbenchProject, ResultSchema> schemaOf) {
		this.out = out;
		this.err = err;
		this.schemaOf = schemaOf;
	}

	int run(List<String> rest) throws IOException {
		Arguments args = new Arguments("evaluate", rest, Set.of("project", "model", "prediction-version", "split", "out"),
				Set.of());
		if (!args.operands().isEmpty()) {
			throw new UsageException("evaluate: unexpected argument '" + args.operands().get(0) + "'");
		}
		String model = args.optional("model", null);
		String version = args.optional("prediction-version", null);
		if (model != null && version != null) {
			throw new UsageException("evaluate: give --model or --prediction-version, not both");
		}
		PredictionChoice predictions = model != null ? PredictionChoice.model(model)
				: version != null ? PredictionChoice.version(version) : PredictionChoice.latest();
		Double split = split(args.optional("split", null));
		LabelbenchProject project = Labelbench.existingProject(args.project());
		Path target = args.optional("out", null) == null ? null : Path.of(args.optional("out", null));
		if (target != null) {
			TaskExporter.refuseTargetInsideProject(project, target);
		}
		EvaluationReport report;
		try {
			report = new Evaluation(project, schemaOf.apply(project), predictions, split).run(new ConsoleProgress(err));
		} catch (EvaluationException e) {
			boolean splitHelps = split == null && e.getMessage().startsWith("no test tasks");
			err.println("labelbench: evaluate: " + e.getMessage() + (splitHelps ? " (--split F)" : ""));
			return Labelbench.FAILED;
		}
		report.unreadable().forEach(problem -> err.println("warning: skipped " + problem));
		if (split != null && report.split() == null) {
			err.println("warning: --split " + split + " not used: the project has tasks tagged \"test\"");
		}
		print(report);
		if (target != null) {
			report.write(target);
			out.println("report written to " + target);
		}
		return Labelbench.OK;
	}

	private static Double split(String text) {
		if (text == null) {
			return null;
		}
		try {
			double fraction = Double.parseDouble(text);
			if (fraction > 0 && fraction <= 1) {
				return fraction;
			}
		} catch (NumberFormatException e) {
			// the message below says what is wanted
		}
		throw new UsageException("evaluate: --split takes the fraction of tasks to test on, above 0 and at most 1"
				+ " (such as 0.2), not '" + text + "'");
	}

	void print(EvaluationReport report) {
		out.println("Evaluated " + report.predictions().describe() + " on " + report.evaluated() + " of "
				+ Labelbench.count(report.testTasks(), "test task", "test tasks") + " (" + report.testSelection() + "); "
				+ report.withoutCompletion() + " without a submitted or ground-truth completion, "
				+ report.withoutPrediction() + " without a prediction");
		StringBuilder versions = new StringBuilder();
		new TreeMap<>(report.modelVersions()).forEach((version, tasks) -> versions
				.append(versions.length() == 0 ? "" : ", ").append(version.isEmpty() ? "(none)" : version)
				.append(" (").append(Labelbench.count(tasks, "task", "tasks")).append(')'));
		out.println("model versions: " + versions);
		printMetrics(report.metrics());
	}

	/** The tables of the scores: spans, classification, assertion, relations, boxes (those with anything). */
	void printMetrics(Metrics metrics) {
		if (!metrics.exactSpans().isEmpty()) {
			spanTable(metrics.exactSpans(), metrics.overlappingSpans());
			confusions(metrics);
		}
		metrics.classification().forEach((control, scores) -> {
			out.println();
			out.println("classification " + control + ": accuracy " + score(scores.accuracy()) + " (" + scores.correct()
					+ " of " + scores.total() + ")");
			labelTable(scores.labels());
		});
		Metrics.Assertions assertions = metrics.assertions();
		if (assertions.total() > 0 || !assertions.regions().isEmpty()) {
			out.println();
			out.println("assertion: accuracy " + score(assertions.accuracy()) + " (" + assertions.agreed() + " of "
					+ assertions.total() + " exactly matched entities with a status)");
			labelTable(assertions.regions());
		}
		if (!metrics.relations().isEmpty()) {
			out.println();
			out.println("relations (both ends' spans and labels, relation label and direction)");
			labelTable(metrics.relations());
		}
		if (!metrics.boxes().isEmpty()) {
			out.println();
			out.println("boxes (same page and label, IoU >= 0.5)");
			labelTable(metrics.boxes());
		}
	}

	private void spanTable(LabelScores exact, LabelScores overlap) {
		int width = labelWidth(exact.labels().keySet());
		out.println();
		out.println(pad("spans", width) + "  exact                overlap");
		out.println(pad("label", width) + "  P      R      F1     P      R      F1     support");
		Map<String, Counts> overlapping = overlap.labels();
		exact.labels().forEach((label, counts) -> {
			Counts o = overlapping.getOrDefault(label, new Counts());
			out.println(pad(label, width) + "  " + scores(counts.precision(), counts.recall(), counts.f1()) + "  "
					+ scores(o.precision(), o.recall(), o.f1()) + "  " + counts.support());
		});
		out.println(pad("micro", width) + "  " + scores(exact.micro()) + "  " + scores(overlap.micro()) + "  "
				+ exact.total().support());
		out.println(pad("macro", width) + "  " + scores(exact.macro()) + "  " + scores(overlap.macro()));
	}

	/** The most frequent errors of the confusion matrix, on one line (the JSON report has the whole matrix). */
	private void confusions(Metrics metrics) {
		List<Map.Entry<String, Long>> cells = new ArrayList<>();
		metrics.confusion().forEach((gold, row) -> row.forEach((predicted, n) -> {
			if (!gold.equals(predicted)) {
				cells.add(Map.entry(gold + " as " + predicted, n));
			}
		}));
		if (cells.isEmpty()) {
			return;
		}
		cells.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		StringBuilder line = new StringBuilder("confusions (completion as prediction, " + Metrics.OUTSIDE
				+ " = no span):");
		cells.stream().limit(MAX_CONFUSIONS).forEach(cell -> line.append(' ').append(cell.getKey()).append(" (")
				.append(cell.getValue()).append("),"));
		line.setLength(line.length() - 1);
		if (cells.size() > MAX_CONFUSIONS) {
			line.append(" and ").append(cells.size() - MAX_CONFUSIONS).append(" more");
		}
		out.println(line);
	}

	private void labelTable(LabelScores scores) {
		int width = labelWidth(scores.labels().keySet());
		out.println("  " + pad("label", width) + "  P      R      F1     support");
		scores.labels().forEach((label, counts) -> out.println("  " + pad(display(label), width)
				+ "  " + scores(counts.precision(), counts.recall(), counts.f1()) + "  " + counts.support()));
		out.println("  " + pad("micro", width) + "  " + scores(scores.micro()) + "  " + scores.total().support());
		out.println("  " + pad("macro", width) + "  " + scores(scores.macro()));
	}

	private static int labelWidth(Set<String> labels) {
		int width = "micro".length();
		for (String label : labels) {
			width = Math.max(width, display(label).length());
		}
		return width;
	}

	/** A relation may have no label. */
	private static String display(String label) {
		return label.isEmpty() ? "(no label)" : label;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

	private static String scores(LabelScores.Scores s) {
		return scores(s.precision(), s.recall(), s.f1());
	}

	private static String scores(double precision, double recall, double f1) {
		return score(precision) + "  " + score(recall) + "  " + score(f1);
	}

	private static String score(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}
}
