package io.labelbench.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;

import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;

/**
 * Writes the rectangles of visual tasks as one COCO object-detection document, for training detectors on what
 * was labelled here.
 * <p>
 * Which answer of a task: the latest completion, or the newest prediction when the task has no completion (see
 * {@link ExportedAnnotation#of}), because a person's answer supersedes a model's. Tasks without rectangles (text
 * tasks) are left out.
 * <ul>
 * <li>{@code categories}: one per label, ids from 1 in the order of the label names, so the same labels always
 * get the same ids;</li>
 * <li>{@code images}: one per page with boxes (the size of a page without boxes is not stored in the task);
 * {@code file_name} is the document's file name, with {@code #page=N} for a page of a multi-page document;
 * width and height are the page size the annotator stored, rounded to whole pixels (points for PDFs);</li>
 * <li>{@code annotations}: one per box and label, {@code bbox} {@code [x, y, width, height]} in pixels from the
 * page's top-left corner, converted as {@link VisualBoxes} describes, {@code area} its width times height,
 * {@code iscrowd} 0.</li>
 * </ul>
 * Two passes over the tasks, one task in memory at a time: the first collects the labels so that category ids
 * can be sorted before any annotation names one; the second writes the annotations and keeps only one small
 * record per image, written last (COCO readers take the keys in any order). Problems are reported by the second
 * pass, the one that decides what is written.
 */
final class CocoWriter {

	private record Image(int id, VisualBoxes.PageImage page) {
	}

	private CocoWriter() {
	}

	/** @return how many tasks had boxes written */
	static int write(TaskStore store, List<TaskId> ids, OutputStream out, Progress progress,
			Consumer<TaskProblem> problems, TaskExporter.LeftOut leftOut) throws IOException {
		Map<String, Integer> categories = categoryIds(store, ids, progress, leftOut.assertionLabels);
		List<Image> images = new ArrayList<>();
		int exportedTasks = 0;
		try (JsonGenerator json = Json.mapper().createGenerator(out)) {
			json.writeStartObject();
			json.writeObjectFieldStart("info");
			json.writeStringField("description", "Labelbench COCO export");
			json.writeEndObject();

			json.writeArrayFieldStart("categories");
			for (Map.Entry<String, Integer> category : categories.entrySet()) {
				json.writeStartObject();
				json.writeNumberField("id", category.getValue());
				json.writeStringField("name", category.getKey());
				json.writeEndObject();
			}
			json.writeEndArray();

			json.writeArrayFieldStart("annotations");
			int annotationId = 0;
			for (TaskId id : ids) {
				progress.checkCanceled();
				Task task = store.read(id);
				VisualBoxes boxes = VisualBoxes.of(task, problems, leftOut.assertionLabels);
				leftOut.count(task);
				int before = annotationId;
				for (VisualBoxes.PageImage page : boxes.images()) {
					Image image = new Image(images.size() + 1, page);
					for (VisualBoxes.Box box : page.boxes()) {
						Integer category = categories.get(box.label());
						if (category == null) {
							problems.accept(new TaskProblem(id, "", "label '" + box.label()
									+ "' was added while the export ran; export again to include its box"));
							continue;
						}
						writeAnnotation(json, ++annotationId, image.id, category, box);
					}
					images.add(image);
				}
				if (annotationId > before) {
					exportedTasks++;
				}
				progress.worked(1);
			}
			json.writeEndArray();

			json.writeArrayFieldStart("images");
			for (Image image : images) {
				json.writeStartObject();
				json.writeNumberField("id", image.id);
				json.writeStringField("file_name", image.page.fileName());
				json.writeNumberField("width", image.page.width());
				json.writeNumberField("height", image.page.height());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		return exportedTasks;
	}

	/** The labels of every box in the project with their category ids, 1, 2, … in the order of the labels. */
	private static Map<String, Integer> categoryIds(TaskStore store, List<TaskId> ids, Progress progress,
			java.util.Set<String> assertionLabels) throws IOException {
		SortedSet<String> labels = new TreeSet<>();
		for (TaskId id : ids) {
			progress.checkCanceled();
			for (VisualBoxes.PageImage page : VisualBoxes.of(store.read(id), problem -> {
			}, assertionLabels).images()) {
				page.boxes().forEach(box -> labels.add(box.label()));
			}
		}
		Map<String, Integer> categories = new LinkedHashMap<>();
		for (String label : labels) {
			categories.put(label, categories.size() + 1);
		}
		return categories;
	}

	private static void writeAnnotation(JsonGenerator json, int id, int imageId, int categoryId, VisualBoxes.Box box)
			throws IOException {
		json.writeStartObject();
		json.writeNumberField("id", id);
		json.writeNumberField("image_id", imageId);
		json.writeNumberField("category_id", categoryId);
		json.writeArrayFieldStart("bbox");
		json.writeNumber(plain(box.left()));
		json.writeNumber(plain(box.top()));
		json.writeNumber(plain(box.width()));
		json.writeNumber(plain(box.height()));
		json.writeEndArray();
		json.writeFieldName("area");
		json.writeNumber(plain(box.width().multiply(box.height()).setScale(2, RoundingMode.HALF_UP)));
		json.writeNumberField("iscrowd", 0);
		json.writeEndObject();
	}

	/** Without trailing zeros and never in exponent notation: {@code 61.2}, {@code 100}. */
	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}
}
