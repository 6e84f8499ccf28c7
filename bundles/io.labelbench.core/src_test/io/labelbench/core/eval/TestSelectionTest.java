package io.labelbench.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

/** Tasks tagged "test", and the held-out split by id. */
class TestSelectionTest {

	private static boolean tagged(String json) {
		return TestSelection.isTaggedTest(new Task(Results.object(json)));
	}

	@Test
	void testTagsInTheTaskItsDataOrItsMeta() {
		assertTrue(tagged("{\"id\": 1, \"tags\": [\"Validated\", \"Test\"], \"data\": {\"text\": \"x\"}}"));
		assertTrue(tagged("{\"id\": 1, \"data\": {\"text\": \"x\", \"tags\": [\"test\"]}}"));
		assertTrue(tagged("{\"id\": 1, \"data\": {\"text\": \"x\"}, \"meta\": {\"tags\": \"TEST\"}}"));
		assertFalse(tagged("{\"id\": 1, \"tags\": [\"Train\", \"testing\"], \"data\": {\"text\": \"test\"}}"));
		assertFalse(tagged("{\"id\": 1, \"data\": {\"text\": \"x\", \"split\": \"test\"}}"));
	}

	@Test
	void theSplitIsAFixedFunctionOfTheTaskId() {
		List<TaskId> ids = new ArrayList<>();
		for (int i = 1; i <= 2000; i++) {
			ids.add(TaskId.of(i));
		}
		long held = ids.stream().filter(id -> TestSelection.inSplit(id, 0.2)).count();
		assertTrue(held > 340 && held < 460, "about a fifth: " + held);
		for (TaskId id : ids) {
			assertEquals(TestSelection.inSplit(id, 0.2), TestSelection.inSplit(TaskId.of(id.number()), 0.2));
			if (TestSelection.inSplit(id, 0.2)) {
				assertTrue(TestSelection.inSplit(id, 0.5), "a larger split keeps the tasks of a smaller one");
			}
		}
		assertTrue(ids.stream().allMatch(id -> TestSelection.inSplit(id, 1.0)));
		// pinned: training and evaluation of any version must put the same tasks on the test side
		assertEquals(List.of(3, 4, 8, 9, 10, 11, 13, 17, 18), ids.subList(0, 20).stream()
				.filter(id -> TestSelection.inSplit(id, 0.4)).map(id -> (int) id.number()).toList());
	}

	@Test
	void aSplitIsAFractionAboveZeroUpToOne() {
		for (double bad : new double[] { 0, -0.1, 1.5, Double.NaN }) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
					() -> TestSelection.inSplit(TaskId.of(1), bad));
			assertTrue(e.getMessage().startsWith("a test split is a fraction of the tasks above 0 and at most 1"));
		}
	}
}
