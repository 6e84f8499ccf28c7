package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.wizards.ImportTasksJob;
import io.labelbench.visual.SampleDocuments;

/** Importing an encrypted PDF asks for its password, again after a wrong one, and imports it once it opens. */
class EncryptedImportTest {

	@TempDir
	Path dir;

	@Test
	void theImportAsksForThePasswordUntilItOpens() throws Exception {
		Path pdf = dir.resolve("secret.pdf");
		try (PDDocument doc = Loader.loadPDF(SampleDocuments.digitalPdf(2, 1).pdf())) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "open sesame", new AccessPermission());
			policy.setEncryptionKeyLength(256);
			doc.protect(policy);
			doc.save(pdf.toFile());
		}
		Path folder = dir.resolve("secrets");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		// answer the password dialogs from the event loop: a wrong password first, then the right one
		Display display = Display.getCurrent();
		List<String> asked = new ArrayList<>();
		String[] answers = { "guess", "open sesame" };
		display.timerExec(100, new Runnable() {
			@Override
			public void run() {
				Shell dialog = display.getActiveShell();
				if (asked.size() < answers.length && dialog != null && "Encrypted PDF".equals(dialog.getText())) {
					Text field = find(dialog, Text.class);
					asked.add(messageOf(dialog));
					field.setText(answers[asked.size() - 1]);
					Button ok = (Button) dialog.getDefaultButton();
					ok.notifyListeners(SWT.Selection, new Event());
				}
				if (asked.size() < answers.length) {
					display.timerExec(100, this);
				}
			}
		});
		new ImportTasksJob(project, List.of(pdf), ImportOptions.DEFAULT).schedule();
		UiTesting.waitUntil("both questions asked", () -> asked.size() == 2, 30_000);
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_IMPORT, 60_000);

		assertEquals(List.of("secret.pdf is encrypted. Its password:",
				"The password does not open secret.pdf. Try again:"), asked);
		LabelbenchProject imported = LabelbenchProjects.of(project);
		assertEquals(1, imported.tasks().ids().size(), "imported once the password opened it");
		assertEquals(1, Files.list(folder.resolve(LabelbenchProject.FILES_FOLDER)).count());
	}

	private static <T extends Control> T find(Composite parent, Class<T> type) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				return type.cast(child);
			}
			if (child instanceof Composite composite) {
				T found = find(composite, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The dialog's message: the first label with text. */
	private static String messageOf(Composite parent) {
		for (Control child : parent.getChildren()) {
			if (child instanceof org.eclipse.swt.widgets.Label label && !label.getText().isEmpty()) {
				return label.getText();
			}
			if (child instanceof Composite composite) {
				String found = messageOf(composite);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
