package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.config.LabelingConfig;
import io.labelbench.config.ModelDeployment;
import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.eval.EvaluationReport;
import io.labelbench.core.eval.PredictionChoice;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.ProjectPipeline;
import io.labelbench.project.training.ConfigDeployment;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingData;
import io.labelbench.project.training.TrainingException;
import io.labelbench.project.training.TrainingLog;
import io.labelbench.project.training.TrainingType;

/**
 * {@code labelbench train --project DIR --type ner|classification [--epochs N] [--embeddings NAME]
 * [--learning-rate X] [--batch-size N] [--dropout X] [--validation-split X] [--split F] [--cache DIR] [--deploy]
 * [--export DIR]}:
 * trains
 * the project's model in a JVM of its own, one progress line per epoch on stderr, publishes it into the model
 * cache as the next version of {@code <project>_<type>} and prints its scores on the test tasks, then where the
 * run's log is (beside the model in the cache; a failed or cancelled run names its log in the error).
 */
final class TrainCommand {

	private final PrintStream out;
	private final PrintStream err;
	private final java.util.function.Function<LabelbenchProject, ResultSchema> schemaOf;

	TrainCommand(PrintStream out, PrintStream err,
			java.util.function.Function<LabelbenchProject, ResultSchema> schemaOf) {
		this.out = out;
		this.err = err;
		this.schemaOf = schemaOf;
	}

	int run(List<String> rest) throws IOException {
		Arguments args = new Arguments("train", rest, Set.of("project", "type", "epochs", "embeddings", "learning-rate",
				"batch-size", "dropout", "validation-split", "split", "cache", "export"), Set.of("deploy"));
		if (!args.operands().isEmpty()) {
			throw new UsageException("train: unexpected argument '" + args.operands().get(0) + "'");
		}
		String typeName = args.optional("type", null);
		if (typeName == null) {
			throw new UsageException("train: say what to train with --type ner, classification, assertion or relation");
		}
		TrainingType type;
		try {
			type = TrainingType.parse(typeName);
		} catch (IllegalArgumentException e) {
			throw new UsageException("train: " + e.getMessage());
		}
		ProjectTrainer.Parameters parameters = new ProjectTrainer.Parameters(args.optional("embeddings", null),
				positiveInt(args, "epochs"), fraction(args, "learning-rate", false), positiveInt(args, "batch-size"),
				fraction(args, "dropout", true), fraction(args, "validation-split", true));
		Float split = fraction(args, "split", false);
		LabelbenchProject project = Labelbench.existingProject(args.project());
		if (!(schemaOf.apply(project) instanceof LabelingConfig config)) {
			err.println("labelbench: train: the project has no readable labeling config (" + project.configFile() + ")");
			return Labelbench.FAILED;
		}
		if (args.optional("export", null) != null) {
			return export(project, config, type, split, java.nio.file.Path.of(args.optional("export", null)));
		}
		ModelCache cache = args.optional("cache", null) == null ? ModelCache.defaultCache()
				: new ModelCache(java.nio.file.Path.of(args.optional("cache", null)));
		ProjectTrainer trainer;
		try {
			trainer = new ProjectTrainer(cache, ServerRegistry.defaultDistribution(),
					ServerRegistry.defaultRegistry(), ServerRegistry.Budget.configured());
		} catch (ServerException e) {
			err.println("labelbench: train: " + e.getMessage());
			return Labelbench.FAILED;
		}
		ProjectTrainer.Result result;
		try {
			result = trainer.train(project, config, type, split == null ? null : split.doubleValue(), parameters,
					new ProjectTrainer.Listener() {
						@Override
						public void epoch(JsonNode event) {
							if (printed(event)) {
								err.println(epochLine(event));
							}
						}

						@Override
						public void log(String line) {
							// the JVM's own output stays in its log; errors reach the user through the exit code
						}
					}, () -> false);
		} catch (TrainingException e) {
			err.println("labelbench: train: " + e.getMessage());
			return Labelbench.FAILED;
		}
		out.println("published " + result.model().name() + " v" + result.version() + " (" + result.model().entry().key()
				+ ") in " + String.format(Locale.ROOT, "%.1f", result.seconds()) + " s: trained on "
				+ result.data().trainTasks() + " tasks, labels " + String.join(", ", result.data().labels())
				+ ", training data " + result.data().hash().substring(0, 12));
		if (args.flag("deploy")) {
			deploy(project, result, cache);
		}
		printScores(type, result);
		out.println("training log: " + TrainingLog.of(result.model()).map(Object::toString).orElse("(none kept)"));
		return Labelbench.OK;
	}

	private void printScores(TrainingType type, ProjectTrainer.Result result) {
		if (result.testTasks() == 0) {
			out.println("no test tasks: tag tasks \"test\" or give --split F to get scores");
		} else if (type == TrainingType.ASSERTION || type == TrainingType.RELATION) {
			printInContext(type, result);
		} else {
			EvaluationReport report = new EvaluationReport(PredictionChoice.model(result.model().name()), null,
					result.testTasks(), result.testTasks(), 0, 0, Map.of(result.model().name() + " v"
							+ result.version(), result.testTasks()), List.of(), result.metrics());
			new EvaluateCommand(out, err, schemaOf).print(report);
		}
	}

	/** Writes the training data the training JVM would get into {@code folder}, and trains nothing. */
	private int export(LabelbenchProject project, LabelingConfig config, TrainingType type, Float split,
			java.nio.file.Path folder) throws IOException {
		try {
			TrainingData.Exported data = new TrainingData(project, config, type, split == null ? null
					: split.doubleValue()).export(folder);
			out.println("exported " + data.examples() + " examples of " + data.trainTasks() + " tasks and "
					+ data.testTasks() + " test tasks (" + data.testSelection() + ") into " + folder + ": labels "
					+ String.join(", ", data.labels()) + ", training data " + data.hash().substring(0, 12));
			return Labelbench.OK;
		} catch (TrainingException e) {
			err.println("labelbench: train: " + e.getMessage());
			return Labelbench.FAILED;
		}
	}

	/**
	 * Names the new model in the {@code model} attribute of the config values it was trained on, in one atomic write
	 * of the config, and names the project's servers that now run an older spec.
	 */
	private void deploy(LabelbenchProject project, ProjectTrainer.Result result, ModelCache cache) throws IOException {
		String model = result.model().name();
		ModelDeployment.Plan plan = ConfigDeployment.deploy(project, result.data().type(), result.data().fromName(),
				model, result.data().labels());
		String file = project.configFile().getFileName().toString();
		if (plan.changes()) {
			StringBuilder line = new StringBuilder("deployed: " + model + " is now the model of "
					+ String.join(", ", plan.deployed()) + " in " + file);
			if (!plan.replaced().isEmpty()) {
				line.append(" (replacing ");
				plan.replaced().forEach((label, previous) -> line.append(label).append(": ").append(previous)
						.append(", "));
				line.setLength(line.length() - 2);
				line.append(')');
			}
			out.println(line);
		} else {
			out.println("deployed: " + model + " already was the model of " + String.join(", ", plan.unchanged())
					+ " in " + file + "; the new version is what it names now");
		}
		if (!plan.missing().isEmpty()) {
			out.println("not deployed: " + file + " has no " + String.join(", ", plan.missing()));
		}
		List<ServerRecord> stale = ProjectPipeline.of(project, ProjectPipeline.WITH_LIBRARY)
				.staleServers(ServerRegistry.defaultRegistry(), cache).stream().filter(ServerRecord::processAlive)
				.toList();
		if (stale.isEmpty()) {
			out.println("no running server of the project needs a new deployment");
		} else {
			out.println("stale: " + stale.stream().map(s -> s.name() + " (" + s.id() + ")").collect(
					java.util.stream.Collectors.joining(", ")) + " still run" + (stale.size() == 1 ? "s" : "")
					+ " the previous spec; deploy again (labelbench server deploy) to pre-annotate with " + model);
		}
	}

	/**
	 * The closing table of an assertion or relation model, which the test tasks' gold entities were given to: its
	 * statuses or relations (P/R/F1, micro, macro) and the confusion of its outcomes, without the entity table.
	 */
	private void printInContext(TrainingType type, ProjectTrainer.Result result) {
		JsonNode metrics = result.model().entry().json().path("metrics");
		out.println();
		if (type == TrainingType.ASSERTION) {
			out.println("assertion on the gold entities of " + result.testTasks() + " test tasks: accuracy "
					+ String.format(Locale.ROOT, "%.3f", metrics.path("accuracy").asDouble()) + " over the entities of "
					+ String.join(", ", result.data().entityLabels()) + "; statuses");
			new EvaluateCommand(out, err, schemaOf).labelTable(result.metrics().assertions().regions());
		} else {
			out.println("relations on the gold entities of " + result.testTasks() + " test tasks");
			new EvaluateCommand(out, err, schemaOf).labelTable(result.metrics().relations());
		}
		StringBuilder line = new StringBuilder("confusion (completion -> prediction):");
		metrics.path("confusion").path("matrix").fields().forEachRemaining(row -> row.getValue().fields()
				.forEachRemaining(cell -> line.append(' ').append(row.getKey()).append(" -> ").append(cell.getKey())
						.append(' ').append(cell.getValue().asLong()).append(',')));
		line.setLength(line.length() - 1);
		out.println(line);
	}

	/** Every epoch; of a logistic regression's iterations (they carry "examples") about ten, the last included. */
	static boolean printed(JsonNode event) {
		if (!event.has("examples")) {
			return true;
		}
		int of = event.path("epochs").asInt();
		int step = Math.max(1, (of + 9) / 10);
		int at = event.path("epoch").asInt();
		return at == of || at % step == 0;
	}

	static String epochLine(JsonNode event) {
		String unit = event.has("examples") ? "iteration " : "epoch ";
		StringBuilder line = new StringBuilder(unit + event.path("epoch").asInt() + "/" + event.path("epochs").asInt()
				+ String.format(Locale.ROOT, ": loss %.4f, %.1f s", event.path("loss").asDouble(),
						event.path("seconds").asDouble()));
		if (event.has("accuracy")) {
			line.append(String.format(Locale.ROOT, ", accuracy %.3f", event.path("accuracy").asDouble()));
		}
		JsonNode validation = event.path("validation");
		if (validation.has("microF1")) {
			line.append(String.format(Locale.ROOT, ", validation F1 %.3f micro, %.3f macro",
					validation.path("microF1").asDouble(), validation.path("macroF1").asDouble()));
		}
		return line.toString();
	}

	private static Integer positiveInt(Arguments args, String name) {
		String text = args.optional(name, null);
		if (text == null) {
			return null;
		}
		try {
			int value = Integer.parseInt(text);
			if (value > 0) {
				return value;
			}
		} catch (NumberFormatException e) {
			// the message below says what is wanted
		}
		throw new UsageException("train: --" + name + " takes a whole number above 0, not '" + text + "'");
	}

	private static Float fraction(Arguments args, String name, boolean zeroAllowed) {
		String text = args.optional(name, null);
		if (text == null) {
			return null;
		}
		try {
			float value = Float.parseFloat(text);
			if ((zeroAllowed ? value >= 0 : value > 0) && value < 1) {
				return value;
			}
		} catch (NumberFormatException e) {
			// the message below says what is wanted
		}
		throw new UsageException("train: --" + name + " takes a number " + (zeroAllowed ? "from 0" : "above 0")
				+ " and below 1, not '" + text + "'");
	}
}
