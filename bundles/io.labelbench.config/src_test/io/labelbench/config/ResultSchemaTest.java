package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelbench.core.check.TaskChecker;
import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

/** The parsed config drives core's task checks the way an import of predictions uses it. */
class ResultSchemaTest {

	@Test
	void taskCheckerUsesTheConfig() {
		LabelingConfig config = LabelingConfig.parse(Configs.NER.replace("$text", "$note"));
		Task task = Task.of(TaskId.of(1), "unused");
		task.data().put("note", "Aspirin 100 mg");
		Region good = task.addPrediction().addResult("labels").span(0, 7, "Aspirin", "DRUG");
		good.json().put("from_name", "label").put("to_name", "text");
		assertEquals(List.of(), new TaskChecker(config).check(task));

		Region unknown = task.addPrediction().addResult("labels").span(8, 14, "100 mg", "ROUTE");
		unknown.json().put("from_name", "label").put("to_name", "text");
		List<TaskProblem> problems = new TaskChecker(config).check(task);
		assertEquals(1, problems.size(), problems::toString);
		assertTrue(problems.get(0).message().contains("'ROUTE' is not offered by control 'label'"), problems::toString);
	}
}
