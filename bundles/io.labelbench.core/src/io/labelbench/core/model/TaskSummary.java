package io.labelbench.core.model;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a task list shows of one task, small enough to keep for every row of a large project. */
public record TaskSummary(TaskId id, String preview, int predictions, int completions, BigDecimal bestScore,
		Set<String> modelVersions) {

	public static final int PREVIEW_CHARS = 120;

	public static TaskSummary of(Task task) {
		BigDecimal best = null;
		Set<String> versions = new LinkedHashSet<>();
		for (Annotation prediction : task.predictions()) {
			BigDecimal score = prediction.score();
			if (score != null && (best == null || score.compareTo(best) > 0)) {
				best = score;
			}
			if (prediction.modelVersion() != null) {
				versions.add(prediction.modelVersion());
			}
		}
		return new TaskSummary(task.id(), preview(task), task.predictions().size(), task.completions().size(), best,
				Set.copyOf(versions));
	}

	/** The start of the task's text on one line; its title, or its first data value, when it has no text. */
	static String preview(Task task) {
		String text = task.text();
		if (text == null) {
			text = task.dataText("title");
		}
		if (text == null) {
			var fields = task.data().fields();
			text = fields.hasNext() ? fields.next().getValue().asText() : "";
		}
		String flat = text.length() > PREVIEW_CHARS * 2 ? text.substring(0, PREVIEW_CHARS * 2) : text;
		flat = flat.replaceAll("\\s+", " ").strip();
		if (flat.length() > PREVIEW_CHARS) {
			int cut = PREVIEW_CHARS;
			if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
				cut--;
			}
			flat = flat.substring(0, cut) + "…";
		}
		return flat;
	}
}
