package io.labelbench.visual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

class PageImagesTest {

	@TempDir
	Path dir;

	@Test
	void pdfPagesRenderAtTheAskedScaleWithinThePixelCap() throws Exception {
		Path pdf = Files.write(dir.resolve("two.pdf"), SampleDocuments.digitalPdf(5, 2).pdf());
		BufferedImage page = PageImages.render(pdf, 1, 1.5f, 10_000_000);
		assertEquals(918, page.getWidth(), "Letter is 612 points wide");
		assertEquals(1188, page.getHeight());
		BufferedImage capped = PageImages.render(pdf, 0, 10f, 100_000);
		assertTrue((long) capped.getWidth() * capped.getHeight() <= 101_000, "lowered to the cap");
		assertEquals("the PDF has no page 3",
				assertThrows(IOException.class, () -> PageImages.render(pdf, 2, 1, 10_000_000)).getMessage());
		assertTrue(PageImages.png(capped).length > 100);
	}

	@Test
	void aTaskCanOnlyNameAFileOfTheProject() throws Exception {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		Files.writeString(dir.resolve("secret.txt"), "not yours");
		Task hostile = Task.of(TaskId.of(1), null);
		hostile.data().remove("text");
		hostile.data().put("image", "files/../../secret.txt");
		IOException refused = assertThrows(IOException.class, () -> PageImages.documentOf(project, hostile));
		assertTrue(refused.getMessage().contains("is not a file of the project's files/ folder"), refused.getMessage());

		Files.createDirectories(project.folder().resolve("files"));
		Files.write(project.folder().resolve("files/a.pdf"), SampleDocuments.digitalPdf(5, 1).pdf());
		Task task = Task.of(TaskId.of(2), null);
		task.data().put("image", "files/a.pdf");
		assertEquals(project.folder().resolve("files/a.pdf").toAbsolutePath().normalize(),
				PageImages.documentOf(project, task));
		task.data().put("image", "files/missing.pdf");
		assertTrue(assertThrows(IOException.class, () -> PageImages.documentOf(project, task)).getMessage()
				.contains("missing"));
	}
}
