package io.labelbench.visual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** Pages of several documents extracted by two workers, each with its own OCR engine. */
class ParallelImportTest {

	@TempDir
	Path dir;

	/** Counts pages and remembers the threads that reported them; cancels after {@code cancelAfter} pages. */
	static final class PageProgress implements Progress {
		final AtomicLong pages = new AtomicLong();
		final Set<String> threads = ConcurrentHashMap.newKeySet();
		final List<Long> totals = Collections.synchronizedList(new ArrayList<>());
		final long cancelAfter;

		PageProgress(long cancelAfter) {
			this.cancelAfter = cancelAfter;
		}

		@Override
		public void begin(String task, long totalUnits) {
			totals.add(totalUnits);
		}

		@Override
		public void worked(long units) {
			pages.addAndGet(units);
			threads.add(Thread.currentThread().getName() + "@" + Thread.currentThread().getId());
		}

		@Override
		public boolean isCanceled() {
			return pages.get() >= cancelAfter;
		}
	}

	@Test
	void scannedAndDigitalPagesAreExtractedInParallelAndKeptInOrder() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(7, 3);
		Path digital = Files.write(dir.resolve("digital.pdf"), generated.pdf());
		Path scanned = Files.write(dir.resolve("scanned.pdf"),
				SampleDocuments.imagePdf(SampleDocuments.rasterize(generated.pdf(), 150), 150));
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		PageProgress progress = new PageProgress(Long.MAX_VALUE);
		List<TaskId> ids = new VisualImporter(project, VisualExtractor.Limits.DEFAULT, 2)
				.importDocuments(List.of(digital, scanned), null, progress);
		assertEquals(2, ids.size());
		assertEquals(List.of(6L), progress.totals, "progress counts pages");
		assertEquals(6, progress.pages.get());
		assertEquals(2, progress.threads.size(), "two workers took pages: " + progress.threads);

		List<Page> text = VisualImporter.pagesOf(project, project.tasks().read(ids.get(0)));
		List<Page> ocr = VisualImporter.pagesOf(project, project.tasks().read(ids.get(1)));
		for (int i = 0; i < 3; i++) {
			assertEquals(i, text.get(i).index());
			assertEquals(Page.Source.TEXT_LAYER, text.get(i).source());
			assertEquals(i, ocr.get(i).index());
			assertEquals(Page.Source.OCR, ocr.get(i).source());
			// the OCR of each page reads that page's words, not a neighbour's
			String first = generated.pages().get(i).get(0).text();
			assertTrue(ocr.get(i).tokens().stream().limit(5).anyMatch(t -> t.text().equals(first)),
					"page " + i + " starts with " + first + ": " + ocr.get(i).tokens().stream().limit(5).toList());
		}
	}

	@Test
	void cancelStopsBetweenPagesAndWritesNothing() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(8, 4);
		Path scanned = Files.write(dir.resolve("scanned.pdf"),
				SampleDocuments.imagePdf(SampleDocuments.rasterize(generated.pdf(), 150), 150));
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		PageProgress progress = new PageProgress(1);
		assertThrows(CancellationException.class, () -> new VisualImporter(project, VisualExtractor.Limits.DEFAULT, 2)
				.importDocuments(List.of(scanned), null, progress));
		assertTrue(progress.pages.get() < 4, "stopped before the last page: " + progress.pages.get());
		assertEquals(List.of(), project.tasks().ids());
		assertTrue(!Files.exists(project.folder().resolve("files")) || Files.list(project.folder().resolve("files")).findAny().isEmpty());
	}

	@Test
	void aPageOverTheOcrDeadlineFailsTheImportNamingThePage() throws Exception {
		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(9, 2);
		Path scanned = Files.write(dir.resolve("scanned.pdf"),
				SampleDocuments.imagePdf(SampleDocuments.rasterize(generated.pdf(), 150), 150));
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		VisualExtractor.Limits hurried = new VisualExtractor.Limits(200L << 20, 2000, 100_000_000L, 300, 1);
		VisualExtractor.RejectedException rejected = assertThrows(VisualExtractor.RejectedException.class,
				() -> new VisualImporter(project, hurried, 2).importDocuments(List.of(scanned), null, Progress.NONE));
		assertTrue(rejected.getMessage().contains("scanned.pdf, page "), rejected.getMessage());
		assertEquals(List.of(), project.tasks().ids());
	}

	@Test
	void anEncryptedPdfAsksForItsPasswordAndWritesNothingUntilItOpens() throws Exception {
		Path pdf = dir.resolve("secret.pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader
				.loadPDF(SampleDocuments.digitalPdf(4, 1).pdf())) {
			var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
					new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
			policy.setEncryptionKeyLength(256);
			doc.protect(policy);
			doc.save(pdf.toFile());
		}
		Path plain = Files.write(dir.resolve("plain.pdf"), SampleDocuments.digitalPdf(5, 1).pdf());
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		VisualImporter importer = new VisualImporter(project, VisualExtractor.Limits.DEFAULT, 2);
		VisualExtractor.PasswordRequiredException asked = assertThrows(VisualExtractor.PasswordRequiredException.class,
				() -> importer.importDocuments(List.of(plain, pdf), null, Progress.NONE));
		assertEquals(pdf, asked.document());
		assertEquals(List.of(), project.tasks().ids(), "the plain document waits for the encrypted one");
		assertThrows(VisualExtractor.PasswordRequiredException.class,
				() -> importer.importDocuments(List.of(plain, pdf), "guess", Progress.NONE));
		assertEquals(2, importer.importDocuments(List.of(plain, pdf), "user", Progress.NONE).size());
	}
}
