package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.ConfigTemplate;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.servers.PreannotateJob;
import io.labelbench.ui.servers.ServerLogEditor;

/** Pre-annotation runs in the Progress view, their failures in front of the user, and server logs whole. */
class ServerJobAndLogTest {

	@TempDir
	Path dir;

	@Test
	void aPreannotationRunIsAUserJobWhoseFailureTheUserSees() throws Exception {
		Path folder = dir.resolve("run");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), ConfigTemplate.NER.text(), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("tasks").resolve("1.json"), "{\"id\": 1, \"data\": {\"text\": \"Ann Lee.\"}}",
				StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		// a server that is gone: nothing listens on the discard port
		ServerRecord gone = new ServerRecord("gone-1", "gone-server", project.getName(), URI.create("http://127.0.0.1:9/"),
				"token", 0, "hash", "v1", List.of(), List.of(), 0, Instant.now(), dir.resolve("gone"));
		PreannotateJob job = new PreannotateJob(project, gone, List.of(TaskId.of(1)), false);
		assertTrue(job.isUser(), "shown in the Progress view as the user's");
		assertTrue(job.belongsTo(LabelbenchJobs.FAMILY_PREANNOTATE));
		assertEquals(Boolean.TRUE, job.getProperty(IProgressConstants.KEEP_PROPERTY), "kept with its summary");
		// the test harness hides error dialogs (automated mode); a user sees them
		boolean automated = ErrorDialog.AUTOMATED_MODE;
		ErrorDialog.AUTOMATED_MODE = false;
		try {
			job.schedule();
			UiTesting.waitForJobs(LabelbenchJobs.FAMILY_PREANNOTATE, 60_000);
			assertEquals(IStatus.ERROR, job.getResult().getSeverity(), job.getResult().toString());

			Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
			Shell[] shown = { null };
			List<String> seen = new java.util.ArrayList<>();
			try {
				UiTesting.waitUntil("the failure shown to the user", () -> {
					seen.clear();
					for (Shell shell : Display.getCurrent().getShells()) {
						if (shell != main && shell.isVisible()) {
							String texts = shell.getText() + ": " + String.join(" ", UiTesting.texts(shell));
							seen.add(texts);
							if (texts.contains("gone-server")) {
								shown[0] = shell;
								return true;
							}
						}
					}
					return false;
				}, 20_000);
			} catch (AssertionError e) {
				throw new AssertionError(e.getMessage() + "; shells: " + seen, e);
			}
			shown[0].close();
		} finally {
			ErrorDialog.AUTOMATED_MODE = automated;
		}
		project.delete(false, true, null);
	}

	@Test
	void aServerLogOpensWholeAndReadOnly() throws Exception {
		Path log = dir.resolve("server.log");
		StringBuilder text = new StringBuilder();
		for (int i = 0; text.length() < 12_000_000; i++) {
			text.append("2026-12-03 08:00:00 INFO batch ").append(i).append(" annotated in 12 ms\n");
		}
		text.append("LAST LINE\n");
		Files.writeString(log, text, StandardCharsets.UTF_8);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = ServerLogEditor.open(page, log);
		ITextEditor textEditor = (ITextEditor) editor;
		assertFalse(textEditor.isEditable(), "read-only");
		String shown = textEditor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
		assertEquals(text.length(), shown.length(), "the whole log");
		assertTrue(shown.endsWith("LAST LINE\n"));
		page.closeEditor(editor, false);
	}
}
