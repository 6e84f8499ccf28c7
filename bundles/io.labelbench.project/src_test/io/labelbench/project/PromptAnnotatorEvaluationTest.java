package io.labelbench.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.eval.Counts;
import io.labelbench.core.io.Progress;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;

class PromptAnnotatorEvaluationTest {

	/** Finds the words of a fixed list as DRUG and calls every text Cardiology: what a weak prompt does. */
	private static final PromptAnnotator DRUG_WORDS = new PromptAnnotator() {
		@Override
		public List<Span> entities(String text) {
			List<Span> out = new ArrayList<>();
			for (String word : List.of("aspirin", "heparin")) {
				int at = text.indexOf(word);
				if (at >= 0) {
					out.add(new Span(new RuleMatch(at, at + word.length(), word, "DRUG", "drug"), 0.9));
				}
			}
			return out;
		}

		@Override
		public List<Choice> classify(String text) throws RuleException {
			if (text.contains("FAIL")) {
				throw new RuleException("the engine failed on this text");
			}
			return List.of(new Choice("Cardiology", "cardio", 0.8));
		}

		@Override
		public List<Prompt> prompts() {
			return List.of(new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", null, "a drug", null, null, null, null, 0.5),
					new Prompt("cardio", Prompt.Kind.CLASSIFICATION, "Cardiology", null, "heart", null, null, null,
							null, 0.5));
		}
	};

	@Test
	void comparesOnlyThePromptsLabelsWithTheCountedCompletions(@TempDir Path dir) throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		Files.writeString(project.configFile(), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG"/><Label value="PROBLEM"/></Labels>
				  <Text name="text" value="$text"/>
				  <Choices name="area" toName="text"><Choice value="Cardiology"/><Choice value="Oncology"/></Choices>
				</View>
				""");
		task(project, 1, "aspirin for chest pain", """
				{"from_name": "label", "to_name": "text", "type": "labels",
				 "value": {"start": 0, "end": 7, "text": "aspirin", "labels": ["DRUG"]}},
				{"from_name": "label", "to_name": "text", "type": "labels",
				 "value": {"start": 12, "end": 22, "text": "chest pain", "labels": ["PROBLEM"]}},
				{"from_name": "area", "to_name": "text", "type": "choices", "value": {"choices": ["Cardiology"]}}""");
		task(project, 2, "metoprolol and heparin", """
				{"from_name": "label", "to_name": "text", "type": "labels",
				 "value": {"start": 0, "end": 10, "text": "metoprolol", "labels": ["DRUG"]}},
				{"from_name": "area", "to_name": "text", "type": "choices", "value": {"choices": ["Oncology"]}}""");
		Files.writeString(project.tasks().folder().resolve("3.json"), "{\"id\": 3, \"data\": {\"text\": \"aspirin\"}}");
		task(project, 4, "FAIL aspirin", "");

		PromptAnnotatorEvaluation.Result result = new PromptAnnotatorEvaluation(LabelingConfig.read(project.configFile()), DRUG_WORDS)
				.run(project, Progress.NONE);
		assertEquals(2, result.tasks(), "the task without completion is not evaluated");
		assertEquals(1, result.failed());
		assertEquals("the engine failed on this text", result.firstFailure());
		Counts drug = result.metrics().exactSpans().labels().get("DRUG");
		assertEquals(1, drug.truePositives());
		assertEquals(1, drug.falsePositives());
		assertEquals(1, drug.falseNegatives());
		assertNull(result.metrics().exactSpans().labels().get("PROBLEM"), "PROBLEM has no prompt: not counted");
		Counts cardiology = result.metrics().classification().get("area").labels().labels().get("Cardiology");
		assertEquals(1, cardiology.truePositives());
		assertEquals(1, cardiology.falsePositives());
		assertFalse(result.metrics().classification().get("area").labels().labels().containsKey("Oncology"));
	}

	private static void task(LabelbenchProject project, int id, String text, String results) throws IOException {
		Files.createDirectories(project.tasks().folder());
		Files.writeString(project.tasks().folder().resolve(id + ".json"), "{\"id\": " + id + ", \"data\": {\"text\": \""
				+ text + "\"}, \"completions\": [{\"id\": " + id + ", \"created_username\": \"ana\", "
				+ "\"submitted_at\": \"2026-12-01T10:00:00Z\", \"result\": [" + results + "]}]}");
	}
}
