package io.labelbench.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.core.model.TaskQuery.Column;
import io.labelbench.core.model.TaskQuery.Filter;

class TaskQueryTest {

	private static final TaskId ONE = TaskId.of(1);
	private static final TaskId TWO = TaskId.of(2);
	private static final TaskId TEN = TaskId.of(10);
	private static final TaskId UNREAD = TaskId.of(7);
	private static final List<TaskId> IDS = List.of(TEN, ONE, UNREAD, TWO);

	private static Map<TaskId, TaskSummary> summaries() {
		Map<TaskId, TaskSummary> summaries = new HashMap<>();
		summaries.put(ONE, new TaskSummary(ONE, "Aspirin 81 mg daily", 2, 0, new BigDecimal("0.91"), Set.of("ner@1")));
		summaries.put(TWO, new TaskSummary(TWO, "bonds rallied", 0, 1, null, Set.of()));
		summaries.put(TEN, new TaskSummary(TEN, "Court ruled on aspirin patent", 1, 1, new BigDecimal("0.40"), Set.of("ner@2")));
		return summaries;
	}

	@Test
	void withoutFilterEveryTaskShowsByNumericIdEvenBeforeItsSummaryIsRead() {
		assertEquals(List.of(ONE, TWO, UNREAD, TEN), TaskQuery.ALL.apply(IDS, summaries()));
	}

	@Test
	void textMatchesIdOrPreviewIgnoringCaseAndHidesUnreadTasks() {
		assertEquals(List.of(ONE, TEN), TaskQuery.ALL.withText("  ASPIRIN ").apply(IDS, summaries()));
		assertEquals(List.of(ONE, TEN), TaskQuery.ALL.withText("1").apply(IDS, summaries()));
	}

	@Test
	void filtersOnPredictionsAndCompletions() {
		assertEquals(List.of(ONE, TEN), TaskQuery.ALL.withFilter(Filter.WITH_PREDICTIONS).apply(IDS, summaries()));
		assertEquals(List.of(ONE), TaskQuery.ALL.withFilter(Filter.PREDICTIONS_NO_COMPLETION).apply(IDS, summaries()));
		assertEquals(List.of(ONE), TaskQuery.ALL.withFilter(Filter.NO_COMPLETION).apply(IDS, summaries()));
		assertEquals(List.of(TEN), TaskQuery.ALL.withFilter(Filter.WITH_PREDICTIONS).withText("court").apply(IDS, summaries()));
	}

	@Test
	void sortsByScoreWithoutScoresFirstAndTheSameColumnAgainReverses() {
		TaskQuery byScore = TaskQuery.ALL.sortedBy(Column.BEST_SCORE);
		assertEquals(List.of(UNREAD, TWO, TEN, ONE), byScore.apply(IDS, summaries()));
		TaskQuery reversed = byScore.sortedBy(Column.BEST_SCORE);
		assertFalse(reversed.ascending());
		assertEquals(List.of(ONE, TEN, UNREAD, TWO), reversed.apply(IDS, summaries()));
		assertTrue(reversed.sortedBy(Column.TEXT).ascending(), "a new column sorts ascending");
	}

	@Test
	void sortsByTextIgnoringCaseAndByCountsKeepingTiesInTheirOrder() {
		assertEquals(List.of(UNREAD, ONE, TWO, TEN), TaskQuery.ALL.sortedBy(Column.TEXT).apply(IDS, summaries()));
		assertEquals(List.of(UNREAD, TWO, TEN, ONE), TaskQuery.ALL.sortedBy(Column.PREDICTIONS).apply(IDS, summaries()));
		assertEquals(List.of(TEN, TWO, ONE, UNREAD),
				TaskQuery.ALL.sortedBy(Column.COMPLETIONS).sortedBy(Column.COMPLETIONS).apply(IDS, summaries()));
	}
}
