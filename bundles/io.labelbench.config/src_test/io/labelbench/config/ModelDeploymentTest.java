package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.labelbench.config.ModelDeployment.Kind;

class ModelDeploymentTest {

	/** Every kind of value a model can fill, some naming models already, with comments and odd spacing kept. */
	static final String CLINICAL = """
			<View>
			  <!-- the team's labels -->
			  <Relations>
			    <Relation value="DRUG-DOSAGE" model="re_old"/>
			    <Relation value="DRUG-ROUTE"/>
			  </Relations>
			  <Labels name="label" toName="text">
			    <Label value="DRUG"   model="ner_old" hotkey="d"/>
			    <Label value="DOSAGE" background="#2196F3"/>
			    <Label value="ROUTE"/>
			    <Label value="absent" assertion="true" model="assertion_old"/>
			    <Label value="possible" assertion="true"/>
			  </Labels>
			  <Labels name="other" toName="text">
			    <Label value="DRUG"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			  <Choices name="sentiment" toName="text">
			    <Choice value="Positive"/>
			    <Choice value="Negative" model="cls_old"/>
			  </Choices>
			</View>
			""";

	@Test
	void nerModelReplacesThePreviousModelOfTheMatchedLabelsOnly() {
		ModelDeployment.Plan plan = ModelDeployment.plan(CLINICAL, Kind.NER, "label", "clinic_ner",
				List.of("DRUG", "DOSAGE", "FREQUENCY"));
		String deployed = plan.apply(CLINICAL);
		assertEquals(CLINICAL.replace("<Label value=\"DRUG\"   model=\"ner_old\"", "<Label value=\"DRUG\"   model=\"clinic_ner\"")
				.replace("<Label value=\"DOSAGE\" background", "<Label value=\"DOSAGE\" model=\"clinic_ner\" background"),
				deployed);
		assertEquals(List.of("DRUG", "DOSAGE"), plan.deployed());
		assertEquals(Map.of("DRUG", "ner_old"), plan.replaced());
		assertEquals(List.of("FREQUENCY"), plan.missing(), "a label the config lacks is reported, not added");
		assertTrue(deployed.contains("<Label value=\"ROUTE\"/>"), "a label the model lacks keeps no model");
		assertTrue(deployed.contains("<Labels name=\"other\" toName=\"text\">\n    <Label value=\"DRUG\"/>"),
				"another control's DRUG is not the trained control's");
	}

	@Test
	void isOneEditAndASecondDeploymentChangesNothing() {
		ModelDeployment.Plan plan = ModelDeployment.plan(CLINICAL, Kind.NER, "label", "clinic_ner",
				List.of("DRUG", "ROUTE"));
		TextEdit edit = plan.edit();
		assertEquals(CLINICAL.indexOf("ner_old"), edit.offset(), "the edit starts at the first change");
		assertEquals(CLINICAL.substring(0, edit.offset()), plan.apply(CLINICAL).substring(0, edit.offset()));
		String deployed = plan.apply(CLINICAL);
		ModelDeployment.Plan again = ModelDeployment.plan(deployed, Kind.NER, "label", "clinic_ner",
				List.of("DRUG", "ROUTE"));
		assertFalse(again.changes());
		assertEquals(List.of("DRUG", "ROUTE"), again.unchanged());
		assertEquals(deployed, again.apply(deployed));
		assertEquals(0, again.edit().length());
	}

	@Test
	void withoutAControlEveryLabelsControlIsMatched() {
		String deployed = ModelDeployment.plan(CLINICAL, Kind.NER, null, "clinic_ner", List.of("DRUG")).apply(CLINICAL);
		assertTrue(deployed.contains("<Labels name=\"other\" toName=\"text\">\n    <Label value=\"DRUG\" model=\"clinic_ner\"/>"));
		assertTrue(deployed.contains("<Label value=\"DRUG\"   model=\"clinic_ner\" hotkey=\"d\"/>"));
	}

	@Test
	void classificationFillsChoices() {
		ModelDeployment.Plan plan = ModelDeployment.plan(CLINICAL, Kind.CLASSIFICATION, "sentiment", "clinic_cls",
				List.of("Positive", "Negative"));
		String deployed = plan.apply(CLINICAL);
		assertTrue(deployed.contains("<Choice value=\"Positive\" model=\"clinic_cls\"/>"));
		assertTrue(deployed.contains("<Choice value=\"Negative\" model=\"clinic_cls\"/>"));
		assertEquals(Map.of("Negative", "cls_old"), plan.replaced());
	}

	@Test
	void assertionFillsOnlyAssertionLabels() {
		ModelDeployment.Plan plan = ModelDeployment.plan(CLINICAL, Kind.ASSERTION, null, "clinic_assertion",
				List.of("absent", "possible", "DRUG"));
		String deployed = plan.apply(CLINICAL);
		assertTrue(deployed.contains("<Label value=\"absent\" assertion=\"true\" model=\"clinic_assertion\"/>"));
		assertTrue(deployed.contains("<Label value=\"possible\" model=\"clinic_assertion\" assertion=\"true\"/>"));
		assertTrue(deployed.contains("<Label value=\"DRUG\"   model=\"ner_old\""), "an entity label is no status");
		assertEquals(List.of("DRUG"), plan.missing());
	}

	@Test
	void relationFillsRelations() {
		ModelDeployment.Plan plan = ModelDeployment.plan(CLINICAL, Kind.RELATION, null, "clinic_relation",
				List.of("DRUG-DOSAGE", "DRUG-ROUTE"));
		String deployed = plan.apply(CLINICAL);
		assertTrue(deployed.contains("<Relation value=\"DRUG-DOSAGE\" model=\"clinic_relation\"/>"));
		assertTrue(deployed.contains("<Relation value=\"DRUG-ROUTE\" model=\"clinic_relation\"/>"));
		assertEquals(Map.of("DRUG-DOSAGE", "re_old"), plan.replaced());
		assertTrue(deployed.contains("<!-- the team's labels -->"));
	}

	@Test
	void theDeployedConfigValidatesAgainstTheModel() {
		ModelInfo hub = ModelInfo.of(Map.of("clinic_ner", new ModelInfo.Model(java.util.Set.of("DRUG", "DOSAGE"), "glove"),
				"glove", new ModelInfo.Model(java.util.Set.of(), null)));
		String deployed = ModelDeployment.plan(Configs.NER, Kind.NER, "label", "clinic_ner", List.of("DRUG", "DOSAGE"))
				.apply(Configs.NER);
		assertEquals(List.of(), new ConfigValidator(hub, Map.of(), false).validate(deployed));
	}

	@Test
	void aModelNameIsEscaped() {
		String deployed = ModelDeployment.plan(Configs.NER, Kind.NER, "label", "a\"b&c", List.of("DRUG"))
				.apply(Configs.NER);
		assertEquals("a\"b&c", LabelingConfig.parse(deployed).control("label").values().get(0).model());
	}

	@Test
	void refusesWhatCannotBeDeployed() {
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ModelDeployment.plan(CLINICAL, Kind.NER, "sentiment", "m", List.of("DRUG"))).getMessage()
				.contains("'sentiment' is a <Choices>"));
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ModelDeployment.plan(CLINICAL, Kind.NER, "nope", "m", List.of("DRUG"))).getMessage()
				.contains("no control named 'nope'"));
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ModelDeployment.plan("<View><Labels name=\"a\"", Kind.NER, null, "m", List.of("DRUG")))
				.getMessage().contains("not well-formed"));
		assertThrows(IllegalArgumentException.class, () -> ModelDeployment.plan(CLINICAL, Kind.NER, null, " ", List.of()));
		assertEquals(Kind.RELATION, Kind.of("relation"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Kind.of("embeddings")).getMessage()
				.contains("embeddings"));
	}
}
