package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RulesAnnotator;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.rules.Rule;
import io.labelbench.rules.RuleException;
import io.labelbench.rules.RuleFiles;
import io.labelbench.rules.RulesLibrary;
import io.labelbench.visual.VisualAnnotator;

/**
 * {@code labelbench preannotate --project DIR --rules [--library] [--tasks all|ID,ID…] [--replace] [--batch N]
 * [--from-name NAME --to-name NAME --field FIELD]}.
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
				Set.of("project", "tasks", "batch", "from-name", "to-name", "field", "server"),
				Set.of("rules", "library", "replace", "deploy"));
		if (args.optional("server", null) != null || args.flag("deploy")) {
			throw new UsageException("preannotate: pre-annotation servers are not part of this build yet; use --rules");
		}
		if (!args.flag("rules")) {
			throw new UsageException("preannotate: say what to pre-annotate with: --rules");
		}
		LabelbenchProject project = Labelbench.existingProject(args.project());
		String user = LabelbenchProject.currentUser();
		if (!project.may(Permission.PRE_ANNOTATE)) {
			throw new IOException("user '" + user + "' may not pre-annotate in " + project.folder()
					+ " (Owner or Manager only)");
		}
		List<Rule> rules = new ArrayList<>();
		try {
			rules.addAll(RuleFiles.readFolder(project.folder().resolve("rules")));
			if (args.flag("library")) {
				rules.addAll(RulesLibrary.defaultLibrary().rules());
			}
			RulesAnnotator annotator = new RulesAnnotator(rules, args.optional("from-name", "label"),
					args.optional("to-name", "text"), args.optional("field", "text"));
			List<TaskId> ids = selectTasks(project, args.optional("tasks", "all"));
			int batch = parseBatch(args.optional("batch", String.valueOf(BulkRunner.DEFAULT_BATCH_SIZE)));
			// visual tasks: the same rules on the page text, results as boxes on the page
			VisualAnnotator visual = new VisualAnnotator(project, annotator, args.optional("from-name", "label"),
					args.optional("to-name", "text"));
			RunSummary summary = new BulkRunner(project.tasks(), visual, new BulkRunner.Options(batch,
					args.flag("replace"))).run(ids, new ConsoleProgress(err));
			summary.failures().forEach(failure -> err.println("failed: " + failure));
			out.println(summary);
			return summary.failed() == 0 ? Labelbench.OK : Labelbench.PROBLEMS;
		} catch (RuleException e) {
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
