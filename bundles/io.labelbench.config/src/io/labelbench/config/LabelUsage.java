package io.labelbench.config;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/** Which labels a project's existing predictions and completions use, for warning before a config drops one. */
public final class LabelUsage {

	private LabelUsage() {
	}

	/** Label (or choice, or relation label) -> number of tasks that use it at least once. */
	public static Map<String, Integer> count(Iterable<Task> tasks) {
		Map<String, Integer> counts = new TreeMap<>();
		Set<String> seen = new HashSet<>();
		for (Task task : tasks) {
			seen.clear();
			for (Annotation annotation : task.predictions()) {
				add(annotation, seen);
			}
			for (Annotation annotation : task.completions()) {
				add(annotation, seen);
			}
			for (String label : seen) {
				counts.merge(label, 1, Integer::sum);
			}
		}
		return counts;
	}

	private static void add(Annotation annotation, Set<String> seen) {
		for (Region region : annotation.results()) {
			for (String label : region.labels()) {
				// taxonomy paths and non-text values read as blank: they are not flat labels
				if (!label.isBlank()) {
					seen.add(label);
				}
			}
		}
	}
}
