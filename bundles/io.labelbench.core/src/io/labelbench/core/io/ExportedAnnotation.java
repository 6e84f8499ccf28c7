package io.labelbench.core.io;

import java.util.List;

import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/**
 * The one annotation of a task that the single-answer formats (CoNLL, COCO, Pascal VOC) write, with where it sits
 * in the task so that problems can name it.
 *
 * @param field      {@link Task#COMPLETIONS}, {@link Task#ANNOTATIONS} or {@link Task#PREDICTIONS}
 * @param index      its index in that array
 * @param annotation the annotation
 */
record ExportedAnnotation(String field, int index, Annotation annotation) {

	/**
	 * The latest completion that was not cancelled, because a person's answer supersedes a model's; when the task
	 * has none, its latest prediction. Latest is last in the array: completions are appended as they are
	 * submitted, and a new prediction replaces the one of its model version at the end of the array.
	 *
	 * @return the annotation, or {@code null} when the task has neither
	 */
	static ExportedAnnotation of(Task task) {
		// completions and Label Studio's annotations are one list in file order (Task#completions)
		List<String> fields = task.completionFields();
		for (int f = fields.size() - 1; f >= 0; f--) {
			ExportedAnnotation completion = latest(fields.get(f), task.annotationsIn(fields.get(f)));
			if (completion != null) {
				return completion;
			}
		}
		return latest(Task.PREDICTIONS, task.predictions());
	}

	/** Names one result of this annotation as {@link io.labelbench.core.check.TaskProblem} does. */
	String where(int result, Region region) {
		return field + "[" + index + "].result[" + result + "]" + (region.id() == null ? "" : " (id " + region.id() + ")");
	}

	private static ExportedAnnotation latest(String field, List<Annotation> annotations) {
		for (int i = annotations.size() - 1; i >= 0; i--) {
			Annotation annotation = annotations.get(i);
			if (!annotation.json().path("was_cancelled").asBoolean(false)) {
				return new ExportedAnnotation(field, i, annotation);
			}
		}
		return null;
	}
}
