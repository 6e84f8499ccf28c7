package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Adding an assertion model's statuses and a relation model's relations to a config: one edit each. */
class AssertionRelationMergeTest {

	private static final List<String> CLINICAL = List.of("PROBLEM", "TEST", "TREATMENT");
	private static final List<String> POSOLOGY = List.of("DRUG", "DOSAGE", "STRENGTH");

	private static final String PROBLEMS = """
			<View>
			  <Labels name="other" toName="text">
			    <Label value="PERSON"/>
			  </Labels>
			  <Labels name="clinical" toName="text">
			    <Label value="PROBLEM" model="ner_clinical_labelbench" background="#E91E63"/>
			    <Label value="TEST" model="ner_clinical_labelbench" background="#2196F3"/>
			    <Label value="TREATMENT" model="ner_clinical_labelbench" background="#4CAF50"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	@Test
	void statusesGoIntoTheControlHoldingTheChunksTheyQualify() {
		PredefinedLabels.Merge merge = PredefinedLabels.planAssertions(PROBLEMS, "assertion_clinical_labelbench",
				List.of("absent", "possible"), CLINICAL);
		assertEquals(List.of("absent", "possible"), merge.added());
		assertEquals(List.of(), merge.entityLabelsAdded());
		String merged = merge.edit().apply(PROBLEMS);
		assertEquals(PROBLEMS.replace("""
				    <Label value="TREATMENT" model="ner_clinical_labelbench" background="#4CAF50"/>
				""", """
				    <Label value="TREATMENT" model="ner_clinical_labelbench" background="#4CAF50"/>
				    <Label value="absent" assertion="true" model="assertion_clinical_labelbench" background="#FF9800"/>
				    <Label value="possible" assertion="true" model="assertion_clinical_labelbench" background="#9C27B0"/>
				"""), merged);
		assertEquals(List.of(), AssertionRelationConfigTest.VALIDATOR.validate(merged).stream()
				.filter(d -> d.code().startsWith("model.wrong") || d.code().startsWith("assertion")).toList());
		assertFalse(PredefinedLabels.planAssertions(merged, "assertion_clinical_labelbench", List.of("absent"), CLINICAL)
				.changes(), "nothing added twice");
	}

	@Test
	void anExistingStatusGetsAssertionTrueAndTheModel() {
		String config = PROBLEMS.replace("<Label value=\"PERSON\"/>", "<Label value=\"absent\" hotkey=\"a\"/>");
		PredefinedLabels.Merge merge = PredefinedLabels.planAssertions(config, "assertion_clinical_labelbench",
				List.of("absent"), CLINICAL);
		assertEquals(List.of("absent"), merge.modelSet());
		assertEquals(config.replace("<Label value=\"absent\" hotkey=\"a\"/>", "<Label value=\"absent\" assertion=\"true\""
				+ " model=\"assertion_clinical_labelbench\" hotkey=\"a\"/>"), merge.edit().apply(config));
	}

	@Test
	void withoutTheEntityLabelsTheFirstLabelsOnTheTextGetsThemBesideTheStatuses() {
		String config = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"PERSON\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		PredefinedLabels.Merge merge = PredefinedLabels.planAssertions(config, "a", List.of("absent"),
				List.of("PROBLEM"));
		assertEquals(List.of("PROBLEM"), merge.entityLabelsAdded());
		assertEquals("<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"PERSON\"/>\n"
				+ "    <Label value=\"PROBLEM\" background=\"#E91E63\"/>\n"
				+ "    <Label value=\"absent\" assertion=\"true\" model=\"a\" background=\"#2196F3\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n", merge.edit().apply(config));
		String none = "<View>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		String created = PredefinedLabels.planAssertions(none, "a", List.of("absent"), List.of("PROBLEM")).edit()
				.apply(none);
		assertEquals("<View>\n  <Labels name=\"label\" toName=\"text\">\n"
				+ "    <Label value=\"PROBLEM\" background=\"#E91E63\"/>\n"
				+ "    <Label value=\"absent\" assertion=\"true\" model=\"a\" background=\"#2196F3\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n", created);
		assertEquals(List.of(), new ConfigValidator().validate(created));
	}

	@Test
	void relationsGoIntoANewRelationsBlockWithTheMissingEntityLabels() {
		String config = """
				<View>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" background="#E91E63"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""";
		PredefinedLabels.Merge merge = PredefinedLabels.planRelations(config, "re_posology_labelbench",
				List.of("DRUG-DOSAGE", "DRUG-STRENGTH"), POSOLOGY);
		assertEquals(List.of("DRUG-DOSAGE", "DRUG-STRENGTH"), merge.added());
		assertEquals(List.of("DOSAGE", "STRENGTH"), merge.entityLabelsAdded());
		assertEquals("""
				<View>
				  <Relations>
				    <Relation value="DRUG-DOSAGE" model="re_posology_labelbench"/>
				    <Relation value="DRUG-STRENGTH" model="re_posology_labelbench"/>
				  </Relations>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" background="#E91E63"/>
				    <Label value="DOSAGE" background="#2196F3"/>
				    <Label value="STRENGTH" background="#4CAF50"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""", merge.edit().apply(config));
	}

	@Test
	void relationsJoinAnExistingBlockAndExistingOnesGetTheModel() {
		String config = """
				<View>
				  <Relations>
				    <Relation value="DRUG-DOSAGE"/>
				  </Relations>
				  <Labels name="label" toName="text">
				    <Label value="DRUG"/>
				    <Label value="DOSAGE"/>
				    <Label value="STRENGTH"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""";
		PredefinedLabels.Merge merge = PredefinedLabels.planRelations(config, "re", List.of("DRUG-DOSAGE",
				"DRUG-STRENGTH"), POSOLOGY);
		assertEquals(List.of("DRUG-STRENGTH"), merge.added());
		assertEquals(List.of("DRUG-DOSAGE"), merge.modelSet());
		assertEquals(config.replace("<Relation value=\"DRUG-DOSAGE\"/>\n", "<Relation value=\"DRUG-DOSAGE\" model=\"re\"/>\n"
				+ "    <Relation value=\"DRUG-STRENGTH\" model=\"re\"/>\n"), merge.edit().apply(config));
		String applied = merge.edit().apply(config);
		assertFalse(PredefinedLabels.planRelations(applied, "re", List.of("DRUG-DOSAGE"), POSOLOGY).changes());
	}

	@Test
	void aMalformedConfigIsRefusedWithAMessage() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> PredefinedLabels.planRelations("<View><Labels>", "re", List.of("R"), POSOLOGY));
		assertEquals(true, e.getMessage().contains("not well-formed"), e.getMessage());
	}
}
