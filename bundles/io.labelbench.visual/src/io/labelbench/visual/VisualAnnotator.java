package io.labelbench.visual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.edit.PageBox;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.AnnotatorException;

/**
 * Runs a text annotator (models, rules) on the text of visual tasks, page by page, and maps its spans back to
 * the page: the tokens of one entity on one line become one {@code rectanglelabels} region, and the regions of
 * an entity that spans lines share {@code meta.chunk}. Text tasks go to the text annotator unchanged.
 */
public final class VisualAnnotator implements Annotator {

	private final LabelbenchProject project;
	private final Annotator text;
	private final String fromName;
	private final String toName;
	private final String pageField;

	public VisualAnnotator(LabelbenchProject project, Annotator text, String fromName, String toName) {
		this(project, text, fromName, toName, "text");
	}

	/**
	 * @param pageField the task data field the text annotator reads: each page's text is handed to it there (a
	 *                  server deployed from a visual config reads the field of its Image object)
	 */
	public VisualAnnotator(LabelbenchProject project, Annotator text, String fromName, String toName, String pageField) {
		this.project = project;
		this.text = text;
		this.fromName = fromName;
		this.toName = toName;
		this.pageField = pageField;
	}

	/**
	 * Boxes named after the project config's first RectangleLabels control and the object it labels ({@code label}
	 * and {@code image} when there is none or the config cannot be read).
	 */
	public static VisualAnnotator forProject(LabelbenchProject project, Annotator text, String pageField) {
		String from = "label";
		String to = "image";
		try {
			LabelingConfig config = LabelingConfig.read(project.configFile());
			for (ControlTag control : config.controlTags()) {
				if ("rectanglelabels".equals(control.type()) && !control.toNames().isEmpty()) {
					from = control.name();
					to = control.toNames().get(0);
					break;
				}
			}
		} catch (java.io.IOException | RuntimeException e) {
			// no usable config: the default names, which the task checker then reports against the config
		}
		return new VisualAnnotator(project, text, from, to, pageField);
	}

	@Override
	public String author() {
		return text.author();
	}

	@Override
	public String modelVersion() {
		return text.modelVersion();
	}

	/** Text tasks of the batch go to the text annotator together, in one call; visual tasks page by page. */
	@Override
	public List<Output> annotate(List<Task> tasks) throws AnnotatorException {
		List<Output> outputs = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), (Output) null));
		List<Task> textTasks = new ArrayList<>();
		List<Integer> textPositions = new ArrayList<>();
		for (int i = 0; i < tasks.size(); i++) {
			Task task = tasks.get(i);
			List<Page> pages;
			try {
				pages = VisualImporter.pagesOf(project, task);
			} catch (java.io.IOException e) {
				throw new AnnotatorException(e.getMessage(), e);
			}
			if (pages.isEmpty()) {
				textTasks.add(task);
				textPositions.add(i);
			} else {
				outputs.set(i, annotatePages(task.id(), pages));
			}
		}
		if (!textTasks.isEmpty()) {
			List<Output> textOutputs = text.annotate(textTasks);
			for (int k = 0; k < textPositions.size(); k++) {
				outputs.set(textPositions.get(k), textOutputs.get(k));
			}
		}
		return outputs;
	}

	private Output annotatePages(TaskId id, List<Page> pages) throws AnnotatorException {
		List<Task> pageTasks = new ArrayList<>(pages.size());
		List<PageText> texts = new ArrayList<>(pages.size());
		for (Page page : pages) {
			PageText pageText = page.text();
			texts.add(pageText);
			Task pageTask = Task.of(id, pageText.text());
			pageTask.data().put(pageField, pageText.text());
			pageTasks.add(pageTask);
		}
		List<Output> pageOutputs = text.annotate(pageTasks);
		List<ObjectNode> result = new ArrayList<>();
		BigDecimal score = null;
		int chunk = 0;
		for (int p = 0; p < pages.size(); p++) {
			Page page = pages.get(p);
			Output output = pageOutputs.get(p);
			if (output.score() != null && (score == null || output.score().compareTo(score) < 0)) {
				score = output.score(); // a document is as sure as its least sure page
			}
			for (ObjectNode region : output.result()) {
				JsonNode value = region.path("value");
				if (!value.path("start").canConvertToInt() || !value.path("end").canConvertToInt()) {
					continue;
				}
				chunk++;
				List<PageText.Segment> segments = texts.get(p).segments(value.get("start").intValue(),
						value.get("end").intValue());
				for (int s = 0; s < segments.size(); s++) {
					result.add(rectangle(page, segments.get(s), value, "c" + chunk, s, segments.size()));
				}
			}
		}
		return new Output(result, score);
	}

	private ObjectNode rectangle(Page page, PageText.Segment segment, JsonNode span, String chunk, int part, int parts) {
		ObjectNode region = Json.nodes().objectNode();
		region.put("id", chunk + (parts > 1 ? "-" + (part + 1) : ""));
		region.put("from_name", fromName);
		region.put("to_name", toName);
		region.put("type", "rectanglelabels");
		region.put("original_width", page.width());
		region.put("original_height", page.height());
		region.put("image_rotation", 0);
		ObjectNode value = region.putObject("value");
		PageBox box = page.percentOf(segment.box());
		value.put("x", box.x());
		value.put("y", box.y());
		value.put("width", box.width());
		value.put("height", box.height());
		value.put("rotation", 0);
		value.put("pageNumber", page.index() + 1);
		value.put("text", segment.text());
		value.set("rectanglelabels", span.path("labels").deepCopy());
		if (span.has("confidence")) {
			value.set("confidence", span.get("confidence"));
		}
		if (parts > 1) {
			region.putObject("meta").put("chunk", chunk).put("part", part + 1).put("parts", parts);
		}
		return region;
	}
}
