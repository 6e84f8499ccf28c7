package io.labelbench.visual;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RulesAnnotator;
import io.labelbench.rules.engine.Rule;

/**
 * Visual NER benchmark (releng/benchmarks/visual-ocr.sh): on generated pages with known words and boxes,
 * <ul>
 * <li>word accuracy and mean box IoU of the digital text layer and of OCR of the same pages scanned at 300 dpi
 * (targets: 98%, 0.9);</li>
 * <li>the share of multi-token entities found by rules that come out as one region per line (target 100%);</li>
 * <li>OCR pages/s of the import (pages in parallel, one engine per worker) against the {@code tesseract} command
 * line on the same pages with as many parallel processes, in the same run; the ratio is printed last (target
 * 0.9).</li>
 * </ul>
 * Arguments: pages (default 8), workers (default: processors), work folder (default: a temporary one).
 */
public final class VisualOcrBench {

	public static void main(String[] args) throws Exception {
		int pageCount = args.length > 0 ? Integer.parseInt(args[0]) : 8;
		int workers = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
		Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("visual-ocr");
		System.out.printf(Locale.ROOT, "tesseract %s; %d pages, %d workers%n", TesseractOcr.version(), pageCount, workers);

		SampleDocuments.Generated generated = SampleDocuments.digitalPdf(11, pageCount);
		Path digital = Files.write(dir.resolve("digital.pdf"), generated.pdf());
		List<BufferedImage> scans = SampleDocuments.rasterize(generated.pdf(), 300);
		Path scanned = Files.write(dir.resolve("scanned.pdf"), SampleDocuments.imagePdf(scans, 300));
		List<Path> pngs = new ArrayList<>();
		List<List<SampleDocuments.Word>> ink = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++) {
			Path png = dir.resolve("page" + i + ".png");
			ImageIO.write(scans.get(i), "png", png.toFile());
			pngs.add(png);
			ink.add(SampleDocuments.inkBoxes(generated.pages().get(i), scans.get(i), 300));
		}

		// warm-up: native libraries and one engine per worker, not timed
		LabelbenchProject warm = LabelbenchProject.create(dir.resolve("warm"), "bench");
		new VisualImporter(warm, VisualExtractor.Limits.DEFAULT, workers).importDocuments(List.of(scanned), null,
				Progress.NONE);

		LabelbenchProject project = LabelbenchProject.create(dir.resolve("project"), "bench");
		List<TaskId> digitalIds = new VisualImporter(project, VisualExtractor.Limits.DEFAULT, workers)
				.importDocuments(List.of(digital), null, Progress.NONE);
		long start = System.nanoTime();
		List<TaskId> scannedIds = new VisualImporter(project, VisualExtractor.Limits.DEFAULT, workers)
				.importDocuments(List.of(scanned), null, Progress.NONE);
		double ours = pageCount / ((System.nanoTime() - start) / 1e9);
		VisualBench.cli(pngs.subList(0, Math.min(2, pngs.size())), workers); // warm the page cache of tesseract too
		double cli = pageCount / VisualBench.cli(pngs, workers);

		List<Page> textPages = VisualImporter.pagesOf(project, project.tasks().read(digitalIds.get(0)));
		List<Page> ocrPages = VisualImporter.pagesOf(project, project.tasks().read(scannedIds.get(0)));
		Accuracy text = null;
		Accuracy ocr = null;
		for (int i = 0; i < pageCount; i++) {
			Accuracy t = Accuracy.of(generated.pages().get(i), textPages.get(i).tokens());
			Accuracy o = Accuracy.of(ink.get(i), ocrPages.get(i).tokens());
			text = text == null ? t : text.plus(t);
			ocr = ocr == null ? o : ocr.plus(o);
		}
		System.out.printf(Locale.ROOT, "digital pages (text layer): word accuracy %.4f, mean box IoU %.3f (targets 0.98, 0.9)%n",
				text.wordAccuracy(), text.meanIou());
		System.out.printf(Locale.ROOT, "scanned pages (OCR, 300 dpi): word accuracy %.4f, mean box IoU %.3f against the ink"
				+ " (targets 0.98, 0.9)%n", ocr.wordAccuracy(), ocr.meanIou());

		for (TaskId id : List.of(digitalIds.get(0), scannedIds.get(0))) {
			int[] share = multiTokenShare(project, id, generated);
			System.out.printf(Locale.ROOT, "%s: multi-token entities as one region per line: %d of %d (%.1f%%, target 100%%)%n",
					id.equals(digitalIds.get(0)) ? "digital" : "scanned", share[0], share[1], 100.0 * share[0] / share[1]);
		}
		System.out.printf(Locale.ROOT, "OCR pages/s: import %.2f, tesseract command line %.2f, %d workers each%n", ours, cli,
				workers);
		System.out.printf(Locale.ROOT, "ratio (import / tesseract command line) %.2f%n", ours / cli);
	}

	/**
	 * Rules for 40 runs of two or three words of the ground truth, some crossing a line break; each run the rules
	 * find is good when it comes out as exactly one region per line it covers, with that line's words as text.
	 * Returns {good, found}.
	 */
	static int[] multiTokenShare(LabelbenchProject project, TaskId id, SampleDocuments.Generated generated)
			throws Exception {
		Random random = new Random(5);
		List<Rule> rules = new ArrayList<>();
		Map<String, Integer> linesOf = new LinkedHashMap<>();
		for (int k = 0; k < 40; k++) {
			List<SampleDocuments.Word> words = generated.pages().get(random.nextInt(generated.pages().size()));
			int first = random.nextInt(words.size() - 3);
			int length = 2 + random.nextInt(2);
			StringBuilder run = new StringBuilder(words.get(first).text());
			int lines = 1;
			for (int i = first + 1; i < first + length; i++) {
				boolean newLine = words.get(i).line() != words.get(i - 1).line();
				run.append(newLine ? "\n" : " ").append(words.get(i).text());
				lines += newLine ? 1 : 0;
			}
			String label = "RUN" + k;
			linesOf.put(label, lines);
			rules.add(Rule.regex("run" + k, label, Pattern.quote(run.toString()), true, true));
		}
		RulesAnnotator annotator = new RulesAnnotator(rules, "label", "image", "text");
		new BulkRunner(project.tasks(), new VisualAnnotator(project, annotator, "label", "image"),
				new BulkRunner.Options(BulkRunner.DEFAULT_BATCH_SIZE, true)).run(List.of(id), Progress.NONE);
		// regions of one entity share meta.chunk; a one-line entity has none and is a chunk of its own
		Map<String, List<Region>> chunks = new LinkedHashMap<>();
		for (Region region : project.tasks().read(id).predictions().get(0).results()) {
			String chunk = region.json().path("meta").path("chunk").asText(region.id());
			chunks.computeIfAbsent(chunk, c -> new ArrayList<>()).add(region);
		}
		int good = 0;
		for (List<Region> regions : chunks.values()) {
			String label = regions.get(0).labels().get(0);
			boolean oneLineEach = regions.stream().noneMatch(r -> r.text() == null || r.text().contains("\n"));
			if (oneLineEach && regions.size() == linesOf.get(label)) {
				good++;
			}
		}
		return new int[] { good, chunks.size() };
	}
}
