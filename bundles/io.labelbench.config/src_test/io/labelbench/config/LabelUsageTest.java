package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

class LabelUsageTest {

	@Test
	void countsTasksNotRegions() {
		Task first = Task.of(TaskId.of(1), "Aspirin 100 mg");
		first.addPrediction().addResult("labels").span(0, 7, "Aspirin", "DRUG");
		first.addCompletion().addResult("labels").span(0, 7, "Aspirin", "DRUG");
		first.addCompletion().addResult("labels").span(8, 14, "100 mg", "DOSAGE");
		Task second = Task.of(TaskId.of(2), "Ibuprofen");
		second.addCompletion().addResult("labels").span(0, 9, "Ibuprofen", "DRUG");
		Task empty = Task.of(TaskId.of(3), "nothing");
		Map<String, Integer> usage = LabelUsage.count(List.of(first, second, empty));
		assertEquals(Map.of("DRUG", 2, "DOSAGE", 1), usage);
		List<Diagnostic> found = new ConfigValidator(null, usage, false)
				.validate(Configs.NER.replace("<Label value=\"DOSAGE\" background=\"#2196F3\"/>", ""));
		assertEquals(1, found.size());
		assertEquals("label 'DOSAGE' is used in 1 task (predictions or completions) but the config no longer has it",
				found.get(0).message());
	}
}
