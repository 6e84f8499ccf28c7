package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.check.TaskChecker;
import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.io.ExportFormat;
import io.labelbench.core.io.ExportResult;
import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.io.ImportResult;
import io.labelbench.core.io.TaskExporter;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.model.TaskSummary;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.ProjectImport;

/**
 * The {@code labelbench} commands, independent of OSGi so they can be tested as plain Java. Exit codes: 0 done,
 * 1 problems found ({@code check}), 2 the command could not run (bad arguments, unreadable or malformed input);
 * errors are one line on standard error, never a stack trace.
 */
public final class Labelbench {

	public static final int OK = 0;
	public static final int PROBLEMS = 1;
	public static final int FAILED = 2;

	static final String USAGE = """
			usage: labelbench <command> [options]

			Without a command the workbench opens on the bundled sample project.

			commands:
			  import --project DIR [--text-column COLUMN] [--renumber] [--password PW] FILE|FOLDER…
			        import GAL / Label Studio JSON (array, single task, flat tasks; tasks without id get new
			        ids), JSON Lines, .txt files or folders of them (other entries, and links leaving the
			        folder, are skipped with a warning), CSV/TSV in UTF-8 (the text column defaults to 'text'),
			        PDFs and images (one visual task per document: text layer, else OCR); creates the project
			        if needed, and removes it again when the import fails
			  export --project DIR --format gal|labelstudio|jsonl|conll|csv|tsv|coco|voc --out FILE
			        export every task with its predictions and completions; coco (JSON) and voc (a zip of
			        Pascal VOC XML) export the boxes of visual tasks, and a box that cannot be converted to
			        pixels is left out with a warning
			  list-tasks --project DIR
			        one line per task: id, predictions, completions, best score, text preview (tab-separated)
			  check --project DIR
			        check every task against the task format and the project's labeling config (results,
			        and the data fields its Text objects show); one line per problem, exit 1 when there is any
			  preannotate --project DIR (--rules [--library] | --server ID | --deploy | --cluster spark://HOST:PORT)
			              [--tasks all|ID,ID…] [--replace] [--batch N]
			              [--executors N] [--executor-memory M] [--model-store URI] [--jars ship|installed]
			        pre-annotate with the project's rules (rules/*.json; --library adds the workspace rules
			        library), with a deployed server, or with a server deployed now from the project's config
			        (a healthy server already running the same models, rules and prompts is reused; the
			        prompts the config names run in the server): a prediction per
			        task; tasks with one of the same model version are skipped unless --replace; progress on
			        stderr, a summary line; exit 1 when a task failed or the run stopped; a rerun resumes;
			        --cluster runs the server's pipeline on the executors of a Spark standalone cluster
			  evaluate --project DIR [--model NAME | --prediction-version V] [--split F] [--out FILE.json]
			        compare predictions with completions on the test tasks (tagged "test"; without such
			        tags, the fraction F of the tasks chosen by id): per label precision, recall and F1 of
			        exact and of overlapping spans, classification and assertion accuracy, relations;
			        a task's completion is its ground truth, else its latest submitted one; compared is
			        its latest prediction, or the latest of model version V, or of model (or server) NAME;
			        --out writes the full report (with the span label confusion matrix) as JSON
			  train --project DIR --type ner|classification|assertion|relation [--epochs N] [--embeddings NAME]
			        [--learning-rate X] [--batch-size N] [--dropout X] [--validation-split X] [--split F] [--deploy]
			        train a model from the completions (ground truth, else latest submitted) of the tasks
			        not tagged "test" (or outside the fraction F chosen by id) in a JVM of its own, on word
			        embeddings from the model cache (assertion and relation: a logistic regression, --epochs
			        iterations); progress per epoch on stderr; publishes it into the cache as the next version
			        of <project>_<type> and prints its scores on the test tasks; --deploy names the new model
			        in the config's model attributes of its labels, choices, statuses or relations and names
			        the project's servers that are now stale
			  prompt list [--project DIR]
			        the prompts of the workspace prompt library ($LABELBENCH_HOME/prompts) and of the project
			        (prompts/*.json): name, kind, engine, label, threshold, description
			  prompt test --prompt NAME --text "…" [--project DIR]
			        run one prompt on a text in a JVM of the server distribution: spans with offsets and
			        confidence, or the choice; LLM prompts use LABELBENCH_LLM_BASE_URL, LABELBENCH_LLM_MODEL
			        and LABELBENCH_LLM_API_KEY
			  prompt evaluate --project DIR [--prompt NAME] [--cache DIR]
			        score the prompts the config names (or one) against every task's completion (ground
			        truth, else latest submitted): precision, recall and F1 per label, as evaluate prints them
			  server deploy --project DIR [--name NAME] [--heap MB] [--library] [--cache DIR]
			        start a pre-annotation server (Spark NLP, its own JVM on 127.0.0.1 with a random token)
			        for the models the config names and the project's rules; refused when the config has
			        errors or the servers budget would be exceeded
			  server list | server info ID|NAME | server stop ID|NAME | server register URL --token TOKEN [--name NAME]
			        the servers known here, with status (starting, idle, busy, failed), pid and tasks done;
			        info: what one runs (models, rules, prompts with kind and engine, labels)
			  cluster start [--workers N] [--cores C] [--memory M] | cluster stop | cluster list
			        a Spark standalone cluster on 127.0.0.1 (Spark's Master and Workers from the server's jars)
			        for preannotate --cluster; prints the master URL and web UI
			  validate-config [--json] [--cache DIR] FILE…
			        validate labeling configs: FILE:LINE:COLUMN: error|warning|info: message [code] per
			        finding (or a JSON array); exit 1 when there is an error; models are looked up in the cache
			  hub list|download NAME|labels NAME|remove NAME [--hub URL|DIR] [--cache DIR]
			        the Models Hub: models compatible with the server's Spark NLP, downloads into the local
			        cache (~/.labelbench/models), a model's labels read from the model itself
			  bundles
			        start every Labelbench bundle and print its state; exit 1 when one fails
			  --help
			        this text
			""";

	private final PrintStream out;
	private final PrintStream err;
	private final Function<Path, ResultSchema> configReader;

	/**
	 * @param configReader reads a project's labeling config into the view that task checks need; {@code null}
	 *                     result when the project has no config
	 */
	public Labelbench(PrintStream out, PrintStream err, Function<Path, ResultSchema> configReader) {
		this.out = out;
		this.err = err;
		this.configReader = configReader;
	}

	public int run(List<String> args) {
		if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
			out.print(USAGE);
			return args.isEmpty() ? FAILED : OK;
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		try {
			return switch (command) {
			case "import" -> importTasks(new Arguments(command, rest, Set.of("project", "text-column", "password"),
					Set.of("renumber")));
			case "export" -> export(new Arguments(command, rest, Set.of("project", "format", "out"), Set.of()));
			case "list-tasks" -> listTasks(new Arguments(command, rest, Set.of("project"), Set.of()));
			case "check" -> check(new Arguments(command, rest, Set.of("project"), Set.of()));
			case "hub" -> new HubCommand(out, err).run(rest);
			case "preannotate" -> new PreannotateCommand(out, err).run(rest);
			case "server" -> new ServerCommand(out, err).run(rest);
			case "cluster" -> new ClusterCommand(out, err).run(rest);
			case "validate-config" -> new ConfigCommand(out, err).run(rest);
			case "evaluate" -> new EvaluateCommand(out, err, this::schemaOf).run(rest);
			case "train" -> new TrainCommand(out, err, this::schemaOf).run(rest);
			case "prompt" -> new PromptCommand(out, err, this::schemaOf).run(rest);
			default -> throw new UsageException("unknown command '" + command + "'");
			};
		} catch (UsageException e) {
			err.println("labelbench: " + e.getMessage() + " (see labelbench --help)");
			return FAILED;
		} catch (CancellationException e) {
			err.println("labelbench: " + command + " cancelled");
			return FAILED;
		} catch (TaskFormatException e) {
			err.println("labelbench: " + e.getMessage());
			return FAILED;
		} catch (IOException | UncheckedIOException | IllegalArgumentException e) {
			err.println("labelbench: " + command + ": " + describe(e));
			return FAILED;
		}
	}

	private int importTasks(Arguments args) throws IOException {
		if (args.operands().isEmpty()) {
			throw new UsageException("import: name at least one file or folder to import");
		}
		List<Path> paths = new ArrayList<>();
		for (String operand : args.operands()) {
			Path source = Path.of(operand);
			if (!Files.exists(source)) {
				throw new IOException(operand + ": no such file or folder");
			}
			paths.add(source);
		}
		ProjectImport.Sources sources = ProjectImport.Sources.of(paths);
		ImportTarget target = ImportTarget.open(args.project(), LabelbenchProject.currentUser());
		try {
			return importTasks(args, target.project(), sources);
		} catch (IOException | RuntimeException e) {
			target.removeIfUnused();
			throw e;
		}
	}

	private int importTasks(Arguments args, LabelbenchProject project, ProjectImport.Sources sources)
			throws IOException {
		ProjectImport flow = new ProjectImport(project, schemaOf(project));
		if (!sources.documents().isEmpty()) {
			List<TaskId> added = flow.importDocuments(sources.documents(), args.optional("password", null),
					new ConsoleProgress(err));
			out.println("imported " + added.size() + " documents as visual tasks into " + project.folder());
			if (sources.taskFiles().isEmpty()) {
				return OK;
			}
		}
		ImportOptions options = ImportOptions.DEFAULT.withTextColumn(args.optional("text-column", "text"))
				.withRenumber(args.flag("renumber"));
		ImportResult result = flow.importTaskFiles(sources.taskFiles(), options, new ConsoleProgress(err));
		result.skipped().forEach(skipped -> err.println("warning: skipped " + skipped));
		result.problems().forEach(problem -> err.println("warning: " + problem));
		if (result.problemCount() > result.problems().size()) {
			err.println("warning: " + (result.problemCount() - result.problems().size()) + " more problems; run check");
		}
		out.println("imported " + count(result.imported(), "task", "tasks") + (result.unchanged() > 0
				? ", " + result.unchanged() + " already present unchanged" : "") + " into " + project.folder());
		return OK;
	}

	private int export(Arguments args) throws IOException {
		ExportFormat format = ExportFormat.parse(args.required("format"));
		Path target = Path.of(args.required("out"));
		LabelbenchProject project = existingProject(args.project());
		ExportResult result = new TaskExporter(project, schemaOf(project)).export(format, target,
				new ConsoleProgress(err));
		result.problems().forEach(problem -> err.println("warning: " + problem));
		if (result.problemCount() > result.problems().size()) {
			err.println("warning: " + (result.problemCount() - result.problems().size()) + " more problems");
		}
		String leftOut = result.leftOutSummary(format);
		if (leftOut != null) {
			err.println("warning: " + leftOut);
		}
		out.println("exported " + count(result.exported(), "task", "tasks") + " as " + format.id() + " to " + target
				+ (result.skipped() > 0 ? " (" + result.skipped() + " without boxes left out)" : ""));
		return OK;
	}

	/** {@code 1 task}, {@code 2 tasks}: output a user reads, and that scripts match, with the plural right. */
	static String count(long n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	private int listTasks(Arguments args) throws IOException {
		LabelbenchProject project = existingProject(args.project());
		for (TaskId id : project.tasks().ids()) {
			TaskSummary summary = TaskSummary.of(project.tasks().read(id));
			out.println(id + "\t" + summary.predictions() + "\t" + summary.completions() + "\t"
					+ (summary.bestScore() == null ? "-" : summary.bestScore().toPlainString()) + "\t"
					+ summary.preview());
		}
		return OK;
	}

	private int check(Arguments args) throws IOException {
		LabelbenchProject project = existingProject(args.project());
		TaskChecker checker = new TaskChecker(schemaOf(project));
		int problems = 0;
		int tasks = 0;
		for (TaskId id : project.tasks().ids()) {
			tasks++;
			Task task;
			try {
				task = project.tasks().read(id);
			} catch (TaskFormatException e) {
				out.println("task " + id + ": " + e.getMessage());
				problems++;
				continue;
			}
			for (TaskProblem problem : checker.check(task)) {
				out.println(problem);
				problems++;
			}
		}
		err.println(count(tasks, "task", "tasks") + " checked, " + count(problems, "problem", "problems"));
		return problems == 0 ? OK : PROBLEMS;
	}

	private ResultSchema schemaOf(LabelbenchProject project) {
		return configReader == null || !Files.exists(project.configFile()) ? null : configReader.apply(project.configFile());
	}

	static LabelbenchProject existingProject(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IOException(folder + ": no such project folder");
		}
		if (!LabelbenchProject.isProject(folder)) {
			throw new IOException(folder + ": not a Labelbench project (no labeling-config.xml or tasks/)");
		}
		return new LabelbenchProject(folder);
	}

	private static String describe(Exception e) {
		Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
		if (cause instanceof java.nio.file.NoSuchFileException missing) {
			return missing.getFile() + ": no such file" + (missing.getReason() == null ? "" : " (" + missing.getReason() + ")");
		}
		if (cause instanceof java.nio.file.AccessDeniedException denied) {
			return denied.getFile() + ": permission denied";
		}
		if (cause instanceof java.nio.file.FileSystemException fs) {
			return fs.getFile() + ": " + (fs.getReason() == null ? cause.getClass().getSimpleName() : fs.getReason());
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
	}

}
