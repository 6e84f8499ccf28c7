package io.labelbench.config;

import static io.labelbench.config.Configs.assertRange;
import static io.labelbench.config.Configs.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.rules.engine.Prompt;

/** The {@code prompt} attribute of labels, choices and relations. */
class PromptConfigTest {

	private static Prompt prompt(String name, Prompt.Kind kind, String label, Prompt.Engine engine) {
		return new Prompt(name, kind, label, engine, "described", List.of(), List.of(),
				kind == Prompt.Kind.RELATION ? "DRUG" : null, kind == Prompt.Kind.RELATION ? "DOSAGE" : null, 0.5);
	}

	private static final Map<String, Prompt> PROMPTS = Map.of(
			"problem", prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.BUILTIN),
			"drug", prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.LLM),
			"cardiology", prompt("cardiology", Prompt.Kind.CLASSIFICATION, "Cardiology", Prompt.Engine.BUILTIN),
			"dose", prompt("dose", Prompt.Kind.RELATION, "DRUG-DOSAGE", Prompt.Engine.LLM));

	private static final String CONFIG = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="PROBLEM" prompt="problem"/>
			    <Label value="DRUG" prompt="drug"/>
			    <Label value="DOSAGE"/>
			  </Labels>
			  <Choices name="class" toName="text">
			    <Choice value="Cardiology" prompt="cardiology"/>
			    <Choice value="Other"/>
			  </Choices>
			  <Relations>
			    <Relation value="DRUG-DOSAGE" prompt="dose"/>
			  </Relations>
			  <Text name="text" value="$text"/>
			</View>""";

	private static final ConfigValidator WITH_LLM = new ConfigValidator().withPrompts(PROMPTS, true);

	@Test
	void promptsInTheirPlacesAreValid() {
		assertEquals(List.of(), WITH_LLM.validate(CONFIG));
		assertEquals("problem", LabelingConfig.parse(CONFIG).allValues().get(0).prompt());
		assertEquals(List.of(), new ConfigValidator().validate(CONFIG.replace("problem\"", "nowhere\"")),
				"without the prompts known, prompt attributes are not checked");
	}

	@Test
	void anUnknownPromptIsAnError() {
		String text = CONFIG.replace("prompt=\"problem\"", "prompt=\"problems\"");
		Diagnostic d = only(WITH_LLM.validate(text), ConfigValidator.PROMPT_UNKNOWN);
		assertRange(text, d, "\"problems\"", "problems");
		assertEquals(Severity.ERROR, d.severity());
		assertTrue(d.message().contains("known: cardiology, dose, drug, problem"), d.message());
	}

	@Test
	void aPromptOfTheWrongKindForItsPlace() {
		String text = CONFIG.replace("<Choice value=\"Cardiology\" prompt=\"cardiology\"/>",
				"<Choice value=\"Cardiology\" prompt=\"problem\"/>");
		Diagnostic d = only(WITH_LLM.validate(text), ConfigValidator.PROMPT_WRONG_KIND);
		assertEquals("prompt 'problem' is an entity prompt: this <Choice> takes a classification prompt", d.message());
		assertRange(text, d, "prompt=\"problem\"/>\n    <Choice value=\"Other\"", "problem");

		String relation = CONFIG.replace("prompt=\"dose\"", "prompt=\"cardiology\"");
		assertEquals("prompt 'cardiology' is a classification prompt: this <Relation> takes a relation prompt",
				only(WITH_LLM.validate(relation), ConfigValidator.PROMPT_WRONG_KIND).message());
	}

	@Test
	void aPromptGivingAnotherLabelOrChoice() {
		String text = CONFIG.replace("<Label value=\"PROBLEM\" prompt=\"problem\"/>",
				"<Label value=\"DISEASE\" prompt=\"problem\"/>");
		Diagnostic d = only(WITH_LLM.validate(text), ConfigValidator.PROMPT_LABEL_MISMATCH);
		assertEquals("prompt 'problem' gives 'PROBLEM', not 'DISEASE'", d.message());
		String choice = CONFIG.replace("<Choice value=\"Cardiology\"", "<Choice value=\"Heart\"");
		assertEquals("prompt 'cardiology' gives 'Cardiology', not 'Heart'",
				only(WITH_LLM.validate(choice), ConfigValidator.PROMPT_LABEL_MISMATCH).message());
	}

	@Test
	void llmPromptsNeedAConfiguredEndpoint() {
		List<Diagnostic> all = new ConfigValidator().withPrompts(PROMPTS, false).validate(CONFIG);
		assertEquals(2, all.size(), all.toString());
		assertTrue(all.stream().allMatch(d -> d.code().equals(ConfigValidator.PROMPT_NO_LLM)), all.toString());
		assertTrue(all.get(0).message().startsWith("prompt 'drug' runs on an LLM, and no LLM endpoint is configured"),
				all.get(0).message());
	}

	@Test
	void eachPromptEngineCountsAsOneModelTowardTheLimit() {
		ModelInfo hub = name -> name.matches("m[1-4]") ? Optional.of(new ModelInfo.Model(Set.of("A" + name.charAt(1)),
				null)) : Optional.empty();
		StringBuilder labels = new StringBuilder();
		for (int m = 1; m <= 4; m++) {
			labels.append("<Label value=\"A").append(m).append("\" model=\"m").append(m).append("\"/>\n");
		}
		String four = "<View>\n<Labels name=\"l\" toName=\"t\">\n" + labels
				+ "<Label value=\"PROBLEM\" prompt=\"problem\"/>\n</Labels>\n<Text name=\"t\" value=\"$t\"/>\n</View>";
		ConfigValidator validator = new ConfigValidator(hub, Map.of(), false).withPrompts(PROMPTS, true);
		assertEquals(List.of(), validator.validate(four), "four models and the built-in prompts: five");
		String six = four.replace("</Labels>", "<Label value=\"DRUG\" prompt=\"drug\"/>\n</Labels>");
		Diagnostic d = only(validator.validate(six), ConfigValidator.MODEL_TOO_MANY);
		assertTrue(d.message().startsWith("the LLM prompts is model 6 of 6"), d.message());
		assertRange(six, d, "\"drug\"", "drug");
		assertEquals("m1,m2,m3,m4,the built-in prompts", d.fix().get("keep"));
	}
}
