package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.ConfigTemplate;
import io.labelbench.config.LabelingConfig;
import io.labelbench.config.VisualConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.tasks.TaskEditors;
import io.labelbench.ui.wizards.ImportTasksWizard;

/**
 * Images into a project whose config labels only text, and a visual task opened there: the user is told that
 * the config lacks Image and RectangleLabels and is offered to add them.
 */
class VisualConfigCheckTest {

	@TempDir
	Path dir;

	@Test
	void importingAnImageIntoATextProjectOffersToAddImageBoxes() throws Exception {
		Path folder = dir.resolve("notes");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), ConfigTemplate.NER.text(), StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		Path image = dir.resolve("scan.png");
		ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

		ImportTasksWizard wizard = new ImportTasksWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		wizard.page().fill(image.toString(), "text", LabelbenchProjects.all().indexOf(project));
		String form = String.join(" ", UiTesting.texts(dialog.getShell()));
		assertTrue(form.contains("PDFs and images") && form.contains("PDFs, images"), "the wizard names PDFs and images: " + form);
		List<String> told = new ArrayList<>();
		UiTesting.whenDialogOpens("No Image and RectangleLabels in the config", shell -> {
			told.addAll(UiTesting.texts(shell));
			UiTesting.press(shell, "Add Image + RectangleLabels to the Config");
		});
		assertTrue(wizard.performFinish());
		dialog.close();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_IMPORT, 60_000);
		UiTesting.closeDialogs(); // without Tesseract the blank image's import fails, and says so
		assertTrue(String.join(" ", told).contains("has no Image object with a RectangleLabels control"), told.toString());
		LabelingConfig config = LabelingConfig.read(folder.resolve(LabelbenchProject.CONFIG_FILE));
		assertTrue(VisualConfig.hasImageBoxes(config), config.text());
		assertTrue(config.valuesOf("box").contains("PERSON"), "the config's labels offered for boxes");
		project.delete(false, true, null);
	}

	@Test
	void openingAVisualTaskInATextProjectSaysSoAndCanBeCancelled() throws Exception {
		Path folder = dir.resolve("text-only");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), ConfigTemplate.NER.text(), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("tasks").resolve("1.json"),
				"{\"id\": 1, \"data\": {\"image\": \"files/scan.png\", \"title\": \"scan.png\", \"pages\": 1}}",
				StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		List<String> told = new ArrayList<>();
		UiTesting.whenDialogOpens("No Image and RectangleLabels in the config", shell -> {
			told.addAll(UiTesting.texts(shell));
			UiTesting.press(shell, "Cancel");
		});
		TaskEditors.open(page, project.getFolder("tasks").getFile("1.json"));
		assertTrue(String.join(" ", told).contains("Task 1 is a PDF or image task"), told.toString());
		assertEquals(0, page.getEditorReferences().length, "cancelled: nothing opened");
		assertFalse(VisualConfig.hasImageBoxes(LabelingConfig.read(folder.resolve(LabelbenchProject.CONFIG_FILE))),
				"the config unchanged");
		assertEquals(1, LabelbenchProjects.of(project).tasks().ids().size());
		project.delete(false, true, null);
	}
}
