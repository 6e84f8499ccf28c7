package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;

import org.junit.jupiter.api.Test;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.model.TaskId;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.ui.Messages;
import io.labelbench.ui.servers.PreannotateJob;
import io.labelbench.ui.wizards.ImportTasksJob;

/** Counts in messages read right: "1 server", "2 servers", "1 task", "no problem". */
class PluralMessagesTest {

	@Test
	void jobNamesInTheProgressViewCountRight() {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("p");
		assertEquals("Importing 1 source into p",
				new ImportTasksJob(project, List.of(Path.of("a.json")), ImportOptions.DEFAULT).getName());
		assertEquals("Importing 2 sources into p",
				new ImportTasksJob(project, List.of(Path.of("a.json"), Path.of("b.pdf")), ImportOptions.DEFAULT).getName());
		ServerRecord server = new ServerRecord("s-1", "s", "p", URI.create("http://127.0.0.1:9/"), "t", 0, "h", "v",
				List.of(), List.of(), 0, Instant.now(), Path.of("s"));
		assertEquals("Pre-annotating 1 task of p with s",
				new PreannotateJob(project, server, List.of(TaskId.of(1)), false).getName());
		assertEquals("Pre-annotating 2 tasks of p with s",
				new PreannotateJob(project, server, List.of(TaskId.of(1), TaskId.of(2)), false).getName());
	}

	@Test
	void countsAreSingularForOneAndPluralOtherwise() {
		assertEquals("1 task imported; no problem found in their content (kept as they are)",
				Messages.format(Messages.ImportJob_problems, 1, 0));
		assertEquals("2 tasks imported; 1 problem found in their content (kept as they are)",
				Messages.format(Messages.ImportJob_problems, 2, 1));
		assertEquals("1 task exported; 3 boxes left out or clamped to their page",
				Messages.format(Messages.ExportJob_problems, 1, 3));
		assertEquals("Importing 1 source into p", Messages.format(Messages.ImportJob_name, 1, "p"));
		assertEquals("1 server, 512 MB of heap", io.labelbench.ui.servers.Messages.format(
				io.labelbench.ui.servers.Messages.ServersView_summary, 1, 512));
		assertEquals("2 servers, 2048 MB of heap", io.labelbench.ui.servers.Messages.format(
				io.labelbench.ui.servers.Messages.ServersView_summary, 2, 2048));
		assertEquals("1 task done, 0 skipped, 0 failed in 2.0 s (0.5 tasks/s)",
				PreannotateJob.summaryText(new RunSummary(1, 0, 0, List.of(), 2_000_000_000L, false, null)));
		assertEquals("1,200 tasks done, 3 skipped, 1 failed in 4.0 s (300.0 tasks/s)",
				PreannotateJob.summaryText(new RunSummary(1200, 3, 1, List.of("task 7: boom"), 4_000_000_000L, false, null)));
	}
}
