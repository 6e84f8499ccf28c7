package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.protocol.ServerInfo;
import io.labelbench.protocol.ServerInfo.ModelInfo;
import io.labelbench.ui.servers.PreAnnotateDialog;

/**
 * The Pre-Annotate dialog lists what each server says it gives: the config labels it fills, its assertion statuses
 * and its relation labels (from the server's /info); a server that does not answer shows none.
 */
class PreAnnotateDialogLabelsTest {
	@TempDir
	Path dir;

	@Test
	void theAssertionStatusesAndRelationLabelsOfEachServerAreListed() throws Exception {
		ServerRecord clinical = new ServerRecord("s1", "clinical", null, URI.create("http://127.0.0.1:1"), "t", 0, "h",
				"v@1", List.of("ner_clinical_labelbench", "assertion_clinical_labelbench", "re_posology_labelbench"),
				List.of("PROBLEM", "DRUG", "STRENGTH", "absent", "possible"), 0, Instant.now(), dir);
		ServerInfo info = new ServerInfo("clinical", "v@1", "h",
				List.of(new ModelInfo("ner_clinical_labelbench", "ner", List.of("PROBLEM", "TEST", "TREATMENT")),
						new ModelInfo("assertion_clinical_labelbench", "assertion", List.of("absent", "possible")),
						new ModelInfo("re_posology_labelbench", "relation", List.of("DRUG-STRENGTH"))),
				0, List.of("DRUG", "PROBLEM", "STRENGTH"), List.of("absent", "possible"), List.of("DRUG-STRENGTH"), null,
				null, 0, 0, 0, 0, false, 0, 0);
		ServerRecord silent = new ServerRecord("s2", "silent", null, URI.create("http://127.0.0.1:2"), "t", 0, "h",
				"v@1", List.of("ner_posology_labelbench"), List.of("DRUG"), 0, Instant.now(), dir);
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		PreAnnotateDialog dialog = new PreAnnotateDialog(shell, "clinic",
				List.of(new ServerStatus(clinical, ServerStatus.State.IDLE, info),
						new ServerStatus(silent, ServerStatus.State.FAILED, null)),
				Set.of("PROBLEM", "DRUG", "absent", "possible"), new PreAnnotateDialog.Scope(List.of(), List.of(),
						List.of()));
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Table table = dialog.serversTable();
			assertEquals("Assertion statuses", table.getColumn(3).getText());
			assertEquals("Relations", table.getColumn(4).getText());
			assertEquals("absent, possible", table.getItem(0).getText(3));
			assertEquals("DRUG-STRENGTH", table.getItem(0).getText(4));
			assertEquals("idle", table.getItem(0).getText(5));
			assertEquals("", table.getItem(1).getText(3), "a server that does not answer: unknown");
			assertEquals("", table.getItem(1).getText(4));
			UiTesting.screenshot(dialog.getShell(), Path.of("target", "preannotate-dialog-labels.png"));
		} finally {
			dialog.close();
		}
	}
}
