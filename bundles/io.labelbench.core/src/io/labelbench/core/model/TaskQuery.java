package io.labelbench.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which tasks a task list shows and in which order: a text to find in the id or the text preview, a filter on
 * predictions and completions, and a sort column and direction. Summaries may still be missing while they are
 * read: such a task shows only when nothing filters, and sorts as an empty summary.
 */
public record TaskQuery(String text, Filter filter, Column sortColumn, boolean ascending) {

	/** Which tasks to keep by their predictions and completions. */
	public enum Filter {
		ALL, WITH_PREDICTIONS, PREDICTIONS_NO_COMPLETION, NO_COMPLETION
	}

	/** The columns of a task list, in table order. */
	public enum Column {
		ID, TEXT, PREDICTIONS, COMPLETIONS, BEST_SCORE, MODEL_VERSIONS
	}

	/** Every task by id, ascending. */
	public static final TaskQuery ALL = new TaskQuery("", Filter.ALL, Column.ID, true);

	public TaskQuery {
		text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		Objects.requireNonNull(filter, "filter");
		Objects.requireNonNull(sortColumn, "sortColumn");
	}

	public TaskQuery withText(String newText) {
		return new TaskQuery(newText, filter, sortColumn, ascending);
	}

	public TaskQuery withFilter(Filter newFilter) {
		return new TaskQuery(text, newFilter, sortColumn, ascending);
	}

	/** Sorted by {@code column}: ascending when it is a new column, the other way round when it is the same. */
	public TaskQuery sortedBy(Column column) {
		return new TaskQuery(text, filter, column, column != sortColumn || !ascending);
	}

	/** The ids of the tasks that match, in the query's order. */
	public List<TaskId> apply(List<TaskId> ids, Map<TaskId, TaskSummary> summaries) {
		List<TaskId> rows = new ArrayList<>();
		for (TaskId id : ids) {
			if (accepts(id, summaries.get(id))) {
				rows.add(id);
			}
		}
		Comparator<TaskId> order = order(summaries);
		rows.sort(ascending ? order : order.reversed());
		return rows;
	}

	/** Whether a task matches; {@code summary} is {@code null} while it is not read yet. */
	public boolean accepts(TaskId id, TaskSummary summary) {
		if (text.isEmpty() && filter == Filter.ALL) {
			return true;
		}
		if (summary == null) {
			return false; // not read yet: it appears when it is
		}
		if (!text.isEmpty() && !id.value().toLowerCase(Locale.ROOT).contains(text)
				&& !summary.preview().toLowerCase(Locale.ROOT).contains(text)) {
			return false;
		}
		return switch (filter) {
		case ALL -> true;
		case WITH_PREDICTIONS -> summary.predictions() > 0;
		case PREDICTIONS_NO_COMPLETION -> summary.predictions() > 0 && summary.completions() == 0;
		case NO_COMPLETION -> summary.completions() == 0;
		};
	}

	private Comparator<TaskId> order(Map<TaskId, TaskSummary> summaries) {
		return switch (sortColumn) {
		case ID -> Comparator.naturalOrder();
		case TEXT -> Comparator.comparing((TaskId id) -> summaryOf(summaries, id).preview(), String.CASE_INSENSITIVE_ORDER);
		case PREDICTIONS -> Comparator.comparingInt((TaskId id) -> summaryOf(summaries, id).predictions());
		case COMPLETIONS -> Comparator.comparingInt((TaskId id) -> summaryOf(summaries, id).completions());
		case BEST_SCORE -> Comparator.comparing((TaskId id) -> summaryOf(summaries, id).bestScore(),
				Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()));
		case MODEL_VERSIONS -> Comparator.comparing((TaskId id) -> String.join(",", summaryOf(summaries, id).modelVersions()));
		};
	}

	private static TaskSummary summaryOf(Map<TaskId, TaskSummary> summaries, TaskId id) {
		TaskSummary summary = summaries.get(id);
		return summary != null ? summary : new TaskSummary(id, "", 0, 0, null, Set.of());
	}
}
