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

	@Test
	void textObjectsNeedTextInTheirFieldOtherObjectsTakeWhatTheyTake() {
		LabelingConfig config = LabelingConfig.parse("""
				<View>
				  <Header value="$title"/>
				  <Text name="note" value="$body"/>
				  <HyperText name="page" value="$html"/>
				  <Paragraphs name="dialogue" value="$dialogue" nameKey="author" textKey="text"/>
				  <Image name="scans" valueList="$scans"/>
				  <Text name="intro" value="Read the note."/>
				  <Labels name="label" toName="note"><Label value="DRUG"/></Labels>
				</View>
				""");
		assertEquals(java.util.Map.of("note", "body", "page", "html"), config.textDataFields());

		Task task = Task.of(TaskId.of(3), "unused");
		task.data().remove("text");
		task.data().put("html", "<p>Aspirin</p>");
		task.data().putArray("dialogue").addObject().put("author", "ana").put("text", "hello");
		task.data().putArray("scans").add("a.png");
		task.data().putNull("body");
		assertEquals(List.of("task 3: data.body is null (the config's object 'note' shows it)"),
				new TaskChecker(config).check(task).stream().map(TaskProblem::toString).toList());
	}
}
