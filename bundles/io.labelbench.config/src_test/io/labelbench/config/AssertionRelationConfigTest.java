package io.labelbench.config;

import static io.labelbench.config.Configs.assertRange;
import static io.labelbench.config.Configs.errors;
import static io.labelbench.config.Configs.of;
import static io.labelbench.config.Configs.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Assertion labels, relations and the assertion and relation models the config names. */
class AssertionRelationConfigTest {

	static final Set<String> POSOLOGY = Set.of("DRUG", "DOSAGE", "STRENGTH", "FREQUENCY", "ROUTE", "FORM", "DURATION");
	static final Set<String> STATUSES = Set.of("present", "absent", "possible", "hypothetical", "conditional",
			"associated_with_someone_else");
	static final Set<String> RELATIONS = Set.of("DRUG-DOSAGE", "DRUG-STRENGTH", "DRUG-FREQUENCY", "DRUG-ROUTE",
			"DRUG-FORM", "DRUG-DURATION");

	/** The build's models as their saved metadata describes them (see the hub's reading of it). */
	static final ModelInfo HUB = ModelInfo.of(Map.of(
			"ner_clinical_labelbench", new ModelInfo.Model(Set.of("O", "B-PROBLEM", "I-PROBLEM", "B-TEST", "I-TEST",
					"B-TREATMENT", "I-TREATMENT"), "w2v_labelbench_100d", 0, "ner", Set.of()),
			"ner_posology_labelbench", new ModelInfo.Model(Set.of("O", "B-DRUG", "I-DRUG", "B-DOSAGE", "B-STRENGTH",
					"B-FREQUENCY", "B-ROUTE", "B-FORM", "B-DURATION"), "w2v_labelbench_100d", 0, "ner", Set.of()),
			"assertion_clinical_labelbench", ModelInfo.Model.assertion(STATUSES, Set.of("PROBLEM", "TEST", "TREATMENT")),
			"re_posology_labelbench", ModelInfo.Model.relation(RELATIONS, POSOLOGY),
			"w2v_labelbench_100d", new ModelInfo.Model(Set.of(), null),
			"ner_bert", new ModelInfo.Model(Set.of("B-PROBLEM"), "bert_base_cased"),
			"bert_base_cased", new ModelInfo.Model(Set.of(), null)));
	static final ConfigValidator VALIDATOR = new ConfigValidator(HUB, Map.of(), false);

	static final String CLINICAL = """
			<View>
			  <Relations>
			    <Relation value="DRUG-DOSAGE" model="re_posology_labelbench"/>
			  </Relations>
			  <Labels name="label" toName="text">
			    <Label value="PROBLEM" model="ner_clinical_labelbench"/>
			    <Label value="TEST" model="ner_clinical_labelbench"/>
			    <Label value="TREATMENT" model="ner_clinical_labelbench"/>
			    <Label value="DRUG" model="ner_posology_labelbench"/>
			    <Label value="DOSAGE" model="ner_posology_labelbench"/>
			    <Label value="STRENGTH" model="ner_posology_labelbench"/>
			    <Label value="FREQUENCY" model="ner_posology_labelbench"/>
			    <Label value="ROUTE" model="ner_posology_labelbench"/>
			    <Label value="FORM" model="ner_posology_labelbench"/>
			    <Label value="DURATION" model="ner_posology_labelbench"/>
			    <Label value="absent" assertion="true" model="assertion_clinical_labelbench"/>
			    <Label value="possible" assertion="true" model="assertion_clinical_labelbench"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	@Test
	void aConfigWithAllFourKindsIsClean() {
		assertEquals(List.of(), VALIDATOR.validate(CLINICAL));
		LabelingConfig config = LabelingConfig.parse(CLINICAL);
		assertEquals(Set.of("absent", "possible"), config.assertionLabels());
		assertEquals(Set.of("DRUG-DOSAGE"), config.relationLabels());
	}

	@Test
	void assertionModelOnALabelWithoutAssertionTrueIsAnErrorWithAFix() {
		String text = CLINICAL.replace("<Label value=\"absent\" assertion=\"true\"", "<Label value=\"absent\"");
		Diagnostic d = only(VALIDATOR.validate(text), ConfigValidator.MODEL_WRONG_KIND);
		assertRange(text, d, "value=\"absent\" model=\"assertion_clinical_labelbench\"", "assertion_clinical_labelbench");
		assertEquals(Severity.ERROR, d.severity());
		assertTrue(d.message().contains("assertion=\"true\""), d.message());
		int at = Integer.parseInt(d.fix().get("insertAt"));
		String fixed = text.substring(0, at) + d.fix().get("insert") + text.substring(at);
		assertEquals(CLINICAL, fixed, "the fix puts assertion=\"true\" right after the value");
	}

	@Test
	void aChoiceNamingAnAssertionModelGetsNoAssertionFix() {
		String text = CLINICAL.replace("  <Text name", "  <Choices name=\"c\" toName=\"text\"><Choice value=\"absent\""
				+ " model=\"assertion_clinical_labelbench\"/></Choices>\n  <Text name");
		Diagnostic d = only(VALIDATOR.validate(text), ConfigValidator.MODEL_WRONG_KIND);
		assertTrue(d.message().contains("cannot fill a <Choice>"), d.message());
		assertEquals(null, d.fix().get("insert"));
	}

	@Test
	void assertionLabelNamingAnNerModelIsAnError() {
		String text = CLINICAL.replace("value=\"possible\" assertion=\"true\" model=\"assertion_clinical_labelbench\"",
				"value=\"possible\" assertion=\"true\" model=\"ner_clinical_labelbench\"");
		Diagnostic d = only(VALIDATOR.validate(text), ConfigValidator.MODEL_WRONG_KIND);
		assertRange(text, d, "value=\"possible\" assertion=\"true\" model=\"ner_clinical_labelbench\"",
				"ner_clinical_labelbench");
		assertTrue(d.message().contains("which is a ner model: an assertion label takes an assertion model"),
				d.message());
		assertEquals(1, errors(VALIDATOR.validate(text)).size(), "no second error about 'possible' missing from it");
	}

	@Test
	void relationNamingAnNerModelAndALabelNamingARelationModelAreErrors() {
		String text = CLINICAL.replace("<Relation value=\"DRUG-DOSAGE\" model=\"re_posology_labelbench\"/>",
				"<Relation value=\"DRUG-DOSAGE\" model=\"ner_posology_labelbench\"/>")
				.replace("<Label value=\"DOSAGE\" model=\"ner_posology_labelbench\"/>",
						"<Label value=\"DOSAGE\" model=\"re_posology_labelbench\"/>");
		List<Diagnostic> wrong = of(VALIDATOR.validate(text), ConfigValidator.MODEL_WRONG_KIND);
		assertEquals(2, wrong.size(), wrong::toString);
		assertTrue(wrong.get(0).message().contains("a <Relation> takes a relation model"), wrong.get(0).message());
		assertTrue(wrong.get(1).message().contains("is a relation model: name it on a <Relation value=…> inside"
				+ " <Relations>"), wrong.get(1).message());
	}

	@Test
	void relationModelWhoseEntityLabelsTheConfigLacks() {
		String some = CLINICAL.replace("    <Label value=\"FORM\" model=\"ner_posology_labelbench\"/>\n", "")
				.replace("    <Label value=\"ROUTE\" model=\"ner_posology_labelbench\"/>\n", "");
		Diagnostic d = only(VALIDATOR.validate(some), ConfigValidator.MODEL_ENTITIES_MISSING);
		assertEquals(Severity.WARNING, d.severity(), "relations between the labels present still come");
		assertRange(some, d, "model=\"re_posology_labelbench\"", "re_posology_labelbench");
		assertEquals("FORM,ROUTE", d.fix().get("labels"));
		assertTrue(d.message().contains("no NER label FORM, ROUTE"), d.message());

		String none = "<View><Relations><Relation value=\"DRUG-DOSAGE\" model=\"re_posology_labelbench\"/></Relations>"
				+ "<Labels name=\"label\" toName=\"text\"><Label value=\"PROBLEM\"/></Labels>"
				+ "<Text name=\"text\" value=\"$text\"/></View>";
		Diagnostic error = only(VALIDATOR.validate(none), ConfigValidator.MODEL_ENTITIES_MISSING);
		assertEquals(Severity.ERROR, error.severity());
		assertTrue(error.message().contains("nothing to work on"), error.message());
		assertEquals(String.join(",", new java.util.TreeSet<>(POSOLOGY)), error.fix().get("labels"));
	}

	@Test
	void assertionLabelsDoNotCountAsEntityLabels() {
		String text = "<View><Labels name=\"label\" toName=\"text\"><Label value=\"PROBLEM\"/>"
				+ "<Label value=\"DRUG\" assertion=\"true\"/><Label value=\"absent\" assertion=\"true\""
				+ " model=\"assertion_clinical_labelbench\"/></Labels>"
				+ "<Relations><Relation value=\"DRUG-DOSAGE\" model=\"re_posology_labelbench\"/></Relations>"
				+ "<Text name=\"text\" value=\"$text\"/></View>";
		List<Diagnostic> missing = of(VALIDATOR.validate(text), ConfigValidator.MODEL_ENTITIES_MISSING);
		assertEquals(2, missing.size(), missing::toString);
		assertEquals(Severity.WARNING, missing.get(0).severity(), "PROBLEM is there, TEST and TREATMENT are not");
		assertEquals("TEST,TREATMENT", missing.get(0).fix().get("labels"));
		assertEquals(Severity.ERROR, missing.get(1).severity(), "DRUG is only an assertion label here");
	}

	@Test
	void assertionAndRelationModelsCountTowardTheModelLimit() {
		String text = CLINICAL.replace("<Label value=\"TEST\" model=\"ner_clinical_labelbench\"/>",
				"<Label value=\"TEST\" model=\"ner_bert\"/>")
				.replace("</Labels>", "  <Label value=\"X\" model=\"sixth\"/>\n  </Labels>");
		Diagnostic d = only(VALIDATOR.validate(text), ConfigValidator.MODEL_TOO_MANY);
		assertTrue(d.message().contains("is model 6 of 6"), d.message());
		assertEquals("re_posology_labelbench,ner_clinical_labelbench,ner_bert,ner_posology_labelbench,"
				+ "assertion_clinical_labelbench", d.fix().get("keep"));
	}

	@Test
	void assertionAndRelationModelsNeedNoEmbeddings() {
		// they have no storageRef: neither "mixed" nor "missing" embeddings may come from them
		ModelInfo odd = name -> name.equals("assertion_clinical_labelbench")
				? java.util.Optional.of(new ModelInfo.Model(STATUSES, "some_other_embeddings", 0, ModelInfo.ASSERTION,
						Set.of("PROBLEM")))
				: HUB.lookup(name);
		List<Diagnostic> found = new ConfigValidator(odd, Map.of(), false).validate(CLINICAL);
		assertEquals(List.of(), found);
	}

	@Test
	void assertionLabelWithNoNerLabelToAttachToNamesTheFix() {
		String text = "<View><Labels name=\"status\" toName=\"text\"><Label value=\"absent\" assertion=\"true\""
				+ " model=\"assertion_clinical_labelbench\"/></Labels><Text name=\"text\" value=\"$text\"/></View>";
		List<Diagnostic> found = VALIDATOR.validate(text);
		Diagnostic d = only(found, ConfigValidator.ASSERTION_WITHOUT_NER);
		assertTrue(d.message().contains("'absent' has no NER label on the same text"), d.message());
		assertEquals(Severity.ERROR, only(found, ConfigValidator.MODEL_ENTITIES_MISSING).severity());
	}

	@Test
	void aRelationWithAModelOutsideRelationsSaysTheModelWillNotRun() {
		String text = Configs.NER.replace("</View>", "<Relation value=\"DRUG-DOSAGE\" model=\"re_posology_labelbench\"/>"
				+ "</View>");
		Diagnostic d = only(VALIDATOR.validate(text), ConfigValidator.RELATION_WITHOUT_BLOCK);
		assertTrue(d.message().contains("its model 're_posology_labelbench' runs only for relations of a Relations"
				+ " block"), d.message());
	}

	@Test
	void theAssertionRelationsTemplateIsCleanAgainstTheBuildsModels() {
		String template = ConfigTemplate.ASSERTION_RELATIONS.text();
		assertEquals(List.of(), VALIDATOR.validate(template));
		LabelingConfig config = LabelingConfig.parse(template);
		assertEquals(STATUSES, config.assertionLabels());
		assertEquals(RELATIONS, config.relationLabels());
		assertEquals(Set.of("ner_clinical_labelbench", "assertion_clinical_labelbench", "ner_posology_labelbench",
				"re_posology_labelbench"), config.models());
	}
}
