package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RulesAnnotator;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerAnnotator;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.project.ProjectPipeline;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.visual.VisualAnnotator;

/**
 * {@code labelbench preannotate --project DIR (--rules [--library] | --server ID | --deploy | --cluster URL)
 * [--tasks all|ID,ID…] [--replace] [--batch N] [--from-name NAME --to-name NAME --field FIELD]}, with the cluster
 * options of {@link ClusterRun}.
 */
final class PreannotateCommand {

	private final PrintStream out;
	private final PrintStream err;

	PreannotateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> rest) throws IOException {
		Arguments args = new Arguments("preannotate", rest,
				Set.of("project", "tasks", "batch", "from-name", "to-name", "field", "server", "cache", "heap", "cluster",
						"executors", "executor-memory", "model-store", "jars", "executor-classpath", "wait-seconds"),
				Set.of("rules", "library", "replace", "deploy"));
		int sources = (args.flag("rules") ? 1 : 0) + (args.flag("deploy") ? 1 : 0)
				+ (args.optional("server", null) != null ? 1 : 0) + (args.optional("cluster", null) != null ? 1 : 0);
		if (sources != 1) {
			throw new UsageException("preannotate: say what to pre-annotate with: --rules, --server ID, --deploy or"
					+ " --cluster spark://HOST:PORT");
		}
		LabelbenchProject project = Labelbench.existingProject(args.project());
		String user = LabelbenchProject.currentUser();
		if (!project.may(Permission.PRE_ANNOTATE)) {
			throw new IOException("user '" + user + "' may not pre-annotate in " + project.folder()
					+ " (Owner or Manager only)");
		}
		if (!args.flag("rules")) {
			return withServer(project, args);
		}
		List<Rule> rules = ProjectPipeline.of(project, args.flag("library")).rules();
		try {
			RulesAnnotator annotator = new RulesAnnotator(rules, args.optional("from-name", "label"),
					args.optional("to-name", "text"), args.optional("field", "text"));
			List<TaskId> ids = selectTasks(project, args.optional("tasks", "all"));
			int batch = parseBatch(args.optional("batch", String.valueOf(BulkRunner.DEFAULT_BATCH_SIZE)));
			// visual tasks: the same rules on the page text, results as boxes on the page
			Annotator visual = VisualAnnotator.forProject(project, annotator, args.optional("field", "text"));
			RunSummary summary = new BulkRunner(project.tasks(), visual, new BulkRunner.Options(batch,
					args.flag("replace"))).run(ids, new ConsoleProgress(err));
			summary.failures().forEach(failure -> err.println("failed: " + failure));
			out.println(summary);
			return summary.failed() == 0 ? Labelbench.OK : Labelbench.PROBLEMS;
		} catch (RuleException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** Through a deployed server, or one deployed now (reusing a healthy one that runs the same spec). */
	private int withServer(LabelbenchProject project, Arguments args) throws IOException {
		ServerRegistry registry = ServerRegistry.defaultRegistry();
		ModelCache cache = ServerCommand.cache(args);
		try {
			ServerRecord server;
			String field;
			ClusterRun cluster = null;
			if (args.optional("cluster", null) != null) {
				cluster = new ClusterRun(out, err, registry);
				server = cluster.driver(project, args, cache);
				field = ServerCommand.spec(project, server.name(), args.flag("library"), cache).dataField();
			} else if (args.flag("deploy")) {
				String name = project.folder().getFileName().toString();
				PipelineSpec spec = ServerCommand.spec(project, name, args.flag("library"), cache);
				field = spec.dataField();
				String hash = spec.hash();
				server = registry.list().stream()
						.filter(s -> hash.equals(s.specHash()) && project.folder().toAbsolutePath().toString()
								.equals(s.project()) && registry.status(s).state() != ServerStatus.State.FAILED)
						.findFirst().orElse(null);
				if (server == null) {
					int heap = Integer.parseInt(args.optional("heap", String.valueOf(ServerCommand.DEFAULT_HEAP_MB)));
					server = new ServerCommand(out, err).deploy(registry, project, name, heap, args.flag("library"),
							cache);
				} else {
					err.println("using server " + server.id() + ", which runs this project's current spec");
				}
			} else {
				server = ServerCommand.find(registry, args.optional("server", null));
				field = args.optional("field", null);
				if (field == null) {
					field = ServerCommand.spec(project, server.name(), false, cache).dataField();
				}
			}
			String pageField = args.optional("field", field);
			ServerAnnotator annotator = new ServerAnnotator(server, pageField, Duration.ofMinutes(5));
			List<TaskId> ids = selectTasks(project, args.optional("tasks", "all"));
			int batch = parseBatch(args.optional("batch", String.valueOf(
					cluster != null ? ClusterRun.DEFAULT_BATCH_SIZE : BulkRunner.DEFAULT_BATCH_SIZE)));
			// visual tasks: the server's models and rules on the page text, results as boxes on the page
			Annotator visual = VisualAnnotator.forProject(project, annotator, pageField);
			ServerRecord used = server;
			ConsoleProgress progress = cluster == null ? new ConsoleProgress(err)
					: new ConsoleProgress(err, () -> ClusterRun.executorsInUse(used));
			RunSummary summary;
			try {
				summary = new BulkRunner(project.tasks(), visual, new BulkRunner.Options(batch, args.flag("replace")))
						.run(ids, progress);
			} finally {
				if (cluster != null) {
					cluster.finish(server); // the Spark application ends: its executors free the cluster's cores
				}
			}
			summary.failures().forEach(failure -> err.println("failed: " + failure));
			out.println(summary);
			return summary.complete() ? Labelbench.OK : Labelbench.PROBLEMS;
		} catch (ServerException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	private static List<TaskId> selectTasks(LabelbenchProject project, String selection) throws IOException {
		List<TaskId> all = project.tasks().ids();
		if (selection.equals("all")) {
			return all;
		}
		List<TaskId> chosen = new ArrayList<>();
		for (String part : selection.split(",")) {
			TaskId id = TaskId.parse(part.strip());
			if (!project.tasks().exists(id)) {
				throw new IOException("no task " + id + " in " + project.folder());
			}
			chosen.add(id);
		}
		return chosen;
	}

	private static int parseBatch(String text) {
		try {
			int batch = Integer.parseInt(text);
			if (batch < 1 || batch > 10_000) {
				throw new NumberFormatException();
			}
			return batch;
		} catch (NumberFormatException e) {
			throw new UsageException("preannotate: --batch takes a number from 1 to 10000");
		}
	}

}
