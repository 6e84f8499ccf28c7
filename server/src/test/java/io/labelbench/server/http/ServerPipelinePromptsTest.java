package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.Rule;

/**
 * Prompts in a spec as the workbench writes it: entity prompts beside a dictionary rule in one Labels control
 * (one overlap policy), a classification prompt filling a Choices control, the real MiniLM model, no Spark.
 */
class ServerPipelinePromptsTest {
	@TempDir
	Path dir;

	private static final Prompt PROBLEM = new Prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.BUILTIN,
			"a disease, symptom or finding", List.of("chest pain", "diabetes", "headache"), List.of("pain clinic"),
			null, null, 0.4);
	private static final Prompt CARDIOLOGY = new Prompt("cardiology", Prompt.Kind.CLASSIFICATION, "Cardiology",
			Prompt.Engine.BUILTIN, "a note about the heart or blood vessels", List.of(), List.of(), null, null, 0.3);

	private ServerSpec written(ServerSpec spec) throws IOException {
		Path file = dir.resolve("spec.json");
		new ObjectMapper().writeValue(file.toFile(), spec);
		return PreannotationServer.readSpec(file);
	}

	@Test
	void promptsRunBesideRulesWithOneOverlapPolicy() throws Exception {
		ServerSpec spec = written(new ServerSpec("prompts", "rules@1+prompts@1", List.of(), List.of(),
				List.of(new RuleSpec("drugs", "DRUG", Rule.Type.DICTIONARY, null, List.of("warfarin", "headache pills"),
						false, true, "label", "text")),
				List.of(new PromptSpec(PROBLEM, "label", "text"), new PromptSpec(CARDIOLOGY, "class", "text")), null));
		assertEquals(List.of(new PromptSpec(PROBLEM, "label", "text"), new PromptSpec(CARDIOLOGY, "class", "text")),
				spec.prompts(), "the prompts travel whole through the spec file");
		ServerPipeline pipeline = ServerPipeline.load(spec, () -> {
			throw new AssertionError("prompts need no Spark");
		});
		assertEquals(List.of("Cardiology", "DRUG", "PROBLEM"), pipeline.labels());

		String text = "Atrial fibrillation 💓 on warfarin.\r\nHe takes headache pills; severe headache and heart failure.";
		TaskResult result = pipeline.predictor().predict(List.of(text)).get(0);
		List<String> spans = result.result().stream().filter(r -> r.type().equals(Region.LABELS))
				.map(r -> r.value().labels().get(0) + ":" + text.substring(r.value().start(), r.value().end()))
				.toList();
		assertTrue(spans.contains("DRUG:warfarin"), spans.toString());
		assertTrue(spans.contains("DRUG:headache pills"), "the longer rule span beats the prompt's 'headache': " + spans);
		assertTrue(spans.contains("PROBLEM:headache"), spans.toString());
		for (Region r : result.result()) {
			if (r.type().equals(Region.LABELS)) {
				assertEquals(r.value().text(), text.substring(r.value().start(), r.value().end()));
			}
		}
		List<Region> choices = result.result().stream().filter(r -> r.type().equals(Region.CHOICES)).toList();
		assertEquals(1, choices.size(), result.result().toString());
		assertEquals(List.of("Cardiology"), choices.get(0).value().choices());
		assertEquals("class", choices.get(0).from_name());
	}

	@Test
	void aSpecWithAnLlmPromptNeedsItsEndpoint() throws Exception {
		Prompt llm = new Prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.LLM, "a disease", List.of(),
				List.of(), null, null, 0.5);
		ServerSpec spec = new ServerSpec("llm", null, null, null, null, List.of(new PromptSpec(llm, "label", "text")),
				null);
		assertEquals(List.of("prompt 'problem' needs an LLM endpoint (base URL and model)"), spec.problems());
		ServerSpec withEndpoint = new ServerSpec("llm", null, null, null, null,
				List.of(new PromptSpec(llm, "label", "text")), new ServerSpec.LlmEndpoint("http://127.0.0.1:9/v1", "m"));
		assertEquals(List.of(), withEndpoint.problems());
		assertEquals(List.of("PROBLEM"), ServerPipeline.load(withEndpoint, () -> null).labels(),
				"the LLM engine loads without calling its endpoint");
	}
}
