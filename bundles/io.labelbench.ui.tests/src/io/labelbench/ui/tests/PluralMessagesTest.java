package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelbench.preannotate.RunSummary;
import io.labelbench.ui.Messages;
import io.labelbench.ui.servers.PreannotateJob;

/** Counts in messages read right: "1 server", "2 servers", "1 task", "no problem". */
class PluralMessagesTest {

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
