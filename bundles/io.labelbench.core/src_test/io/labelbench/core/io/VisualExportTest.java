package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** COCO and Pascal VOC exports of visual tasks: pixel boxes from percent, categories, escaping, problems. */
class VisualExportTest {

	@TempDir
	Path dir;

	@Test
	void cocoHasPixelBoxesPerPageAndCategoriesSortedByLabel() throws IOException {
		Task task = visualTask(1, "files/3f2a9c-report.pdf", 2);
		rectangle(task.addPrediction(), "r0", "FROM_MODEL", 1, 612, 792, 1, 1, 1, 1); // a completion supersedes it
		rectangle(task.addCompletion(), "r1", "SUPERSEDED", 1, 612, 792, 1, 1, 1, 1);
		Annotation latest = task.addCompletion();
		rectangle(latest, "r2", "DRUG", 1, 612, 792, 10, 25, 50, 5);
		rectangle(latest, "r3", "DOSE", 2, 800, 600, 12.5, 50, 25, 10);
		rectangle(latest, "r4", "DOSE", 1, 612, 792, 0, 0, 100, 100);
		latest.addResult("labels").span(0, 5, "Taken", "IGNORED_SPAN");
		Task text = Task.of(TaskId.of(2), "Aspirin 100 mg");
		text.addCompletion().addResult("labels").span(0, 7, "Aspirin", "DRUG");
		Path out = dir.resolve("out.json");

		ExportResult result = new TaskExporter(projectWith(task, text)).export(ExportFormat.COCO, out, Progress.NONE);

		assertEquals(Json.mapper().readTree("""
				{"info": {"description": "Labelbench COCO export"},
				 "categories": [{"id": 1, "name": "DOSE"}, {"id": 2, "name": "DRUG"}],
				 "annotations": [
				  {"id": 1, "image_id": 1, "category_id": 2, "bbox": [61.2, 198, 306, 39.6], "area": 12117.6, "iscrowd": 0},
				  {"id": 2, "image_id": 1, "category_id": 1, "bbox": [0, 0, 612, 792], "area": 484704, "iscrowd": 0},
				  {"id": 3, "image_id": 2, "category_id": 1, "bbox": [100, 300, 200, 60], "area": 12000, "iscrowd": 0}],
				 "images": [
				  {"id": 1, "file_name": "3f2a9c-report.pdf#page=1", "width": 612, "height": 792},
				  {"id": 2, "file_name": "3f2a9c-report.pdf#page=2", "width": 800, "height": 600}]}
				"""), Projects.readTree(out));
		assertEquals(new ExportResult(1, 1, List.of(), 0), result);
	}

	@Test
	void newestPredictionIsExportedWhenNoCompletionCounts() throws IOException {
		Task task = visualTask(4, "files/scan.png", 1);
		rectangle(task.addPrediction(), "p1", "OLD_MODEL", 1, 100, 100, 10, 10, 10, 10);
		rectangle(task.addPrediction(), "p2", "NEW_MODEL", 1, 100, 100, 10, 10, 10, 10);
		Annotation cancelled = task.addCompletion();
		cancelled.json().put("was_cancelled", true);
		rectangle(cancelled, "c1", "CANCELLED", 1, 100, 100, 10, 10, 10, 10);
		Path out = dir.resolve("out.json");

		new TaskExporter(projectWith(task)).export(ExportFormat.COCO, out, Progress.NONE);

		assertEquals(Json.mapper().readTree("[{\"id\": 1, \"name\": \"NEW_MODEL\"}]"),
				Projects.readTree(out).get("categories"));
		assertEquals("scan.png", Projects.readTree(out).at("/images/0/file_name").asText(), "one page: no page suffix");
	}

	@Test
	void rotatedBoxBecomesTheUprightBoxEnclosingIt() throws IOException {
		Task task = visualTask(5, "files/scan.png", 1);
		rectangle(task.addCompletion(), "r1", "STAMP", 1, 200, 100, 50, 50, 10, 5).value().put("rotation", 90);
		Path out = dir.resolve("out.json");

		new TaskExporter(projectWith(task)).export(ExportFormat.COCO, out, Progress.NONE);

		// 20 x 5 pixels at (100, 50) turned clockwise about its top-left corner covers x 95..100, y 50..70
		assertEquals(Json.mapper().readTree("[95, 50, 5, 20]"), Projects.readTree(out).at("/annotations/0/bbox"));
	}

	@Test
	void vocZipHasOneXmlPerPageWithWholePixelBoxesAndEscapedNames() throws IOException, XMLStreamException {
		Task task = visualTask(7, "files/9e1-invoice.pdf", 2);
		Annotation completion = task.addCompletion();
		rectangle(completion, "r1", "R&D <dept>", 1, 1000, 500, 10.05, 20, 30, 40.3);
		rectangle(completion, "r2", "TOTAL", 2, 1000, 500, 95, 90, 10, 5); // reaches 5% beyond the right edge
		Path out = dir.resolve("out.zip");

		ExportResult result = new TaskExporter(projectWith(task)).export(ExportFormat.VOC, out, Progress.NONE);

		Map<String, byte[]> entries = unzip(out);
		assertEquals(List.of("Annotations/task-7-page-1.xml", "Annotations/task-7-page-2.xml"),
				List.copyOf(entries.keySet()));
		byte[] first = entries.get("Annotations/task-7-page-1.xml");
		assertTrue(new String(first, StandardCharsets.UTF_8).contains("<name>R&amp;D &lt;dept&gt;</name>"),
				new String(first, StandardCharsets.UTF_8));
		// 100.5 .. 400.5 x 100 .. 301.5 pixels: the whole pixels enclosing it
		assertEquals(List.of("annotation/folder=files", "annotation/filename=9e1-invoice.pdf#page=1",
				"annotation/size/width=1000", "annotation/size/height=500", "annotation/size/depth=3",
				"annotation/segmented=0", "annotation/object/name=R&D <dept>", "annotation/object/pose=Unspecified",
				"annotation/object/truncated=0", "annotation/object/difficult=0", "annotation/object/bndbox/xmin=100",
				"annotation/object/bndbox/ymin=100", "annotation/object/bndbox/xmax=401",
				"annotation/object/bndbox/ymax=302"), leaves(first));
		List<String> second = leaves(entries.get("Annotations/task-7-page-2.xml"));
		assertTrue(second.containsAll(List.of("annotation/object/name=TOTAL", "annotation/object/bndbox/xmin=950",
				"annotation/object/bndbox/ymin=450", "annotation/object/bndbox/xmax=1000",
				"annotation/object/bndbox/ymax=475")), second.toString());
		assertEquals(List.of("task 7: completions[0].result[1] (id r2): rectangle reaches beyond page 2 (1000 x 500);"
				+ " exported clamped to the page"), result.problems());
	}

	@Test
	void textOnlyProjectExportsEmptyButValidCocoAndVoc() throws IOException {
		Task text = Task.of(TaskId.of(1), "Aspirin 100 mg");
		text.addCompletion().addResult("labels").span(0, 7, "Aspirin", "DRUG");
		LabelbenchProject project = projectWith(text, Task.of(TaskId.of(2), "not annotated"));
		Path coco = dir.resolve("out.json");
		Path voc = dir.resolve("out.zip");

		ExportResult cocoResult = new TaskExporter(project).export(ExportFormat.COCO, coco, Progress.NONE);
		ExportResult vocResult = new TaskExporter(project).export(ExportFormat.VOC, voc, Progress.NONE);

		assertEquals(Json.mapper().readTree("""
				{"info": {"description": "Labelbench COCO export"}, "categories": [], "annotations": [], "images": []}
				"""), Projects.readTree(coco));
		assertEquals(new ExportResult(0, 2, List.of(), 0), cocoResult);
		assertEquals(Map.of(), unzip(voc));
		assertEquals(new ExportResult(0, 2, List.of(), 0), vocResult);
	}

	@Test
	void malformedRegionsAreReportedNotExported() throws IOException {
		Task task = visualTask(3, "files/scan.png", 1);
		Annotation completion = task.addCompletion();
		rectangle(completion, "good", "DRUG", 1, 100, 200, 10, 10, 20, 20);
		rectangle(completion, "no-width", "DRUG", 1, 100, 200, 50, 50, 10, 10).json().remove("original_width");
		rectangle(completion, "text-x", "DRUG", 1, 100, 200, 50, 50, 10, 10).value().put("x", "50");
		rectangle(completion, "outside", "DRUG", 1, 100, 200, 120, 50, 10, 10);
		LabelbenchProject project = projectWith(task);
		Path coco = dir.resolve("out.json");
		Path voc = dir.resolve("out.zip");

		ExportResult cocoResult = new TaskExporter(project).export(ExportFormat.COCO, coco, Progress.NONE);
		ExportResult vocResult = new TaskExporter(project).export(ExportFormat.VOC, voc, Progress.NONE);

		List<String> expected = List.of(
				"task 3: completions[0].result[1] (id no-width): rectangle has no page size (original_width and"
						+ " original_height above 0), which converting its percent to pixels needs",
				"task 3: completions[0].result[2] (id text-x): rectangle has no numeric value.x, value.y, value.width"
						+ " and value.height",
				"task 3: completions[0].result[3] (id outside): rectangle lies outside page 1 (100 x 200)");
		assertEquals(expected, cocoResult.problems());
		assertEquals(3, cocoResult.problemCount());
		assertEquals(Json.mapper().readTree("[10, 20, 20, 40]"), Projects.readTree(coco).at("/annotations/0/bbox"));
		assertEquals(1, Projects.readTree(coco).get("annotations").size(), "only the good box");
		assertEquals(expected, vocResult.problems());
		assertEquals(1, unzip(voc).size());
	}

	@Test
	void cancelledVocExportLeavesTheEarlierFile() throws IOException {
		Task first = visualTask(1, "files/a.png", 1);
		rectangle(first.addCompletion(), "r1", "X", 1, 100, 100, 10, 10, 10, 10);
		Task second = visualTask(2, "files/b.png", 1);
		rectangle(second.addCompletion(), "r1", "X", 1, 100, 100, 10, 10, 10, 10);
		LabelbenchProject project = projectWith(first, second);
		Path out = dir.resolve("out.zip");
		Files.writeString(out, "earlier export");
		Progress cancelAfterOne = Projects.cancelAfter(1);

		assertThrows(CancellationException.class,
				() -> new TaskExporter(project).export(ExportFormat.VOC, out, cancelAfterOne));
		Projects.assertEarlierExportKept(dir, out);
	}

	@Test
	void newFormatsParseByTheirCommandLineNames() {
		assertEquals(ExportFormat.COCO, ExportFormat.parse("COCO"));
		assertEquals(ExportFormat.VOC, ExportFormat.parse("voc"));
		assertEquals("zip", ExportFormat.VOC.extension());
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("yolo"));
		assertEquals("unknown export format 'yolo' (gal, labelstudio, jsonl, conll, csv, tsv, coco, voc)",
				unknown.getMessage());
	}

	/** A status on a box and a relation between boxes: no COCO category, no VOC object, counted as left out. */
	@Test
	void boxStatusesAndRelationsAreLeftOutAndCounted() throws IOException {
		Task task = visualTask(1, "files/note.pdf", 1);
		Annotation completion = task.addCompletion();
		rectangle(completion, "b1", "PROBLEM", 1, 612, 792, 10, 10, 20, 5);
		rectangle(completion, "b2", "absent", 1, 612, 792, 10, 10, 20, 5);
		rectangle(completion, "b3", "DRUG", 1, 612, 792, 40, 10, 20, 5);
		completion.addResult("relation").json().put("from_id", "b3").put("to_id", "b1").put("direction", "right")
				.putArray("labels").add("DRUG-TREATS");
		LabelbenchProject project = projectWith(task);
		Path coco = dir.resolve("out.json");
		ExportResult result = new TaskExporter(project, ClinicalRoundTripTest.SCHEMA).export(ExportFormat.COCO, coco,
				Progress.NONE);
		assertEquals(List.of("DRUG", "PROBLEM"), Projects.readTree(coco).findValuesAsText("name"));
		assertEquals(2, Projects.readTree(coco).get("annotations").size());
		assertEquals(new ExportResult(1, 0, List.of(), 0, 1, 1), result);
		Path voc = dir.resolve("out.zip");
		ExportResult vocResult = new TaskExporter(project, ClinicalRoundTripTest.SCHEMA).export(ExportFormat.VOC, voc,
				Progress.NONE);
		assertEquals(1, vocResult.relationsLeftOut());
		assertEquals(1, vocResult.assertionsLeftOut());
		String xml = new String(unzip(voc).values().iterator().next(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(!xml.contains("absent") && xml.contains("<name>DRUG</name>"), xml);
	}

	private LabelbenchProject projectWith(Task... tasks) throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		for (Task task : tasks) {
			project.tasks().write(task);
		}
		return project;
	}

	/** A task as the visual importer makes it. */
	private static Task visualTask(long id, String image, int pages) {
		Task task = new Task(Json.nodes().objectNode());
		task.setId(TaskId.of(id));
		task.data().put("image", image).put("title", image.substring(image.lastIndexOf('/') + 1)).put("pages", pages);
		return task;
	}

	/** A rectangle as the visual annotator writes it: percent of a page of the given size in pixels. */
	private static Region rectangle(Annotation annotation, String id, String label, int page,
			double pageWidth, double pageHeight, double x, double y, double width, double height) {
		Region region = annotation.addResult("rectanglelabels");
		ObjectNode json = region.json();
		json.put("id", id).put("from_name", "label").put("to_name", "image");
		json.put("original_width", pageWidth).put("original_height", pageHeight).put("image_rotation", 0);
		ObjectNode value = json.putObject("value");
		value.put("x", x).put("y", y).put("width", width).put("height", height).put("rotation", 0);
		value.put("pageNumber", page);
		value.putArray("rectanglelabels").add(label);
		return region;
	}

	/** Entry names to contents, in the order of the archive. */
	private static Map<String, byte[]> unzip(Path zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
			ZipEntry entry;
			while ((entry = entriesIn.getNextEntry()) != null) {
				entries.put(entry.getName(), entriesIn.readAllBytes());
			}
		}
		return entries;
	}

	/** Every element with text as {@code path/of/element=text}, in document order, the text unescaped. */
	private static List<String> leaves(byte[] xml) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
		Deque<String> path = new ArrayDeque<>();
		StringBuilder text = new StringBuilder();
		List<String> leaves = new ArrayList<>();
		while (reader.hasNext()) {
			switch (reader.next()) {
			case XMLStreamConstants.START_ELEMENT -> {
				path.addLast(reader.getLocalName());
				text.setLength(0);
			}
			case XMLStreamConstants.CHARACTERS -> text.append(reader.getText());
			case XMLStreamConstants.END_ELEMENT -> {
				if (!text.toString().isBlank()) {
					leaves.add(String.join("/", path) + "=" + text);
				}
				text.setLength(0);
				path.removeLast();
			}
			default -> {
			}
			}
		}
		return leaves;
	}
}
