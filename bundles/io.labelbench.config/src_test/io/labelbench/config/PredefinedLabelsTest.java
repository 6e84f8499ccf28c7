package io.labelbench.config;

import static io.labelbench.config.Configs.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PredefinedLabelsTest {

	private static final ModelInfo HUB = ModelInfo.of(Map.of("ner_posology",
			new ModelInfo.Model(Set.of("O", "B-DRUG", "I-DRUG", "B-DOSAGE", "B-FREQUENCY", "B-ROUTE"), "glove_100d"),
			"glove_100d", new ModelInfo.Model(Set.of(), null)));
	private static final ConfigValidator VALIDATOR = new ConfigValidator(HUB, Map.of(), false);

	@Test
	void insertsOnlyTheMissingLabelsBeforeTheEndTag() {
		String merged = PredefinedLabels.merge(Configs.NER, "label", "ner_posology",
				List.of("DRUG", "FREQUENCY", "ROUTE"));
		assertEquals("""
				<View>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" model="ner_posology" background="#E91E63"/>
				    <Label value="DOSAGE" background="#2196F3"/>
				    <Label value="FREQUENCY" model="ner_posology" background="#4CAF50"/>
				    <Label value="ROUTE" model="ner_posology" background="#FF9800"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""", merged);
		assertEquals(List.of(), VALIDATOR.validate(merged));
	}

	@Test
	void isOneEdit() {
		TextEdit edit = PredefinedLabels.edit(Configs.NER, "label", "ner_posology", List.of("ROUTE"));
		assertEquals(0, edit.length());
		assertEquals(Configs.NER.indexOf("  </Labels>"), edit.offset());
		String withModel = PredefinedLabels.merge(Configs.NER, "label", "m", List.of("DRUG"));
		assertEquals(withModel, PredefinedLabels.merge(withModel, "label", "m", List.of("DRUG")), "nothing to do");
	}

	@Test
	void existingLabelsGetTheModelAndTheMergeSaysWhatChanged() {
		String config = """
				<View>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" background="#E91E63"/>
				    <Label value="DOSAGE" model="ner_old" hotkey="d"/>
				    <Label value="ROUTE" model="ner_posology"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""";
		PredefinedLabels.Merge merge = PredefinedLabels.plan(config, "label", "ner_posology",
				List.of("DRUG", "DOSAGE", "ROUTE", "FREQUENCY"));
		assertEquals(List.of("FREQUENCY"), merge.added());
		assertEquals(List.of("DRUG", "DOSAGE"), merge.modelSet());
		assertEquals(List.of("ROUTE"), merge.unchanged());
		assertTrue(merge.changes());
		String merged = merge.edit().apply(config);
		assertEquals("""
				<View>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" model="ner_posology" background="#E91E63"/>
				    <Label value="DOSAGE" model="ner_posology" hotkey="d"/>
				    <Label value="ROUTE" model="ner_posology"/>
				    <Label value="FREQUENCY" model="ner_posology" background="#2196F3"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""", merged);
		assertEquals(List.of(), VALIDATOR.validate(merged).stream().filter(Diagnostic::isError).toList());

		PredefinedLabels.Merge again = PredefinedLabels.plan(merged, "label", "ner_posology", List.of("DRUG", "ROUTE"));
		assertFalse(again.changes(), "all there with the model: nothing to do, and the merge says so");
		assertEquals(List.of("DRUG", "ROUTE"), again.unchanged());
		assertEquals(merged, again.edit().apply(merged));
	}

	@Test
	void createsALabelsControlBoundToTheFirstText() {
		String config = """
				<View>
				  <Header value="Read"/>
				  <Text name="note" value="$note"/>
				  <Text name="other" value="$other"/>
				</View>
				""";
		String merged = PredefinedLabels.merge(config, "posology", "ner_posology", List.of("DRUG", "DOSAGE", "A&B"));
		assertTrue(merged.contains("""
				  <Labels name="posology" toName="note">
				    <Label value="DRUG" model="ner_posology" background="#E91E63"/>
				    <Label value="DOSAGE" model="ner_posology" background="#2196F3"/>
				    <Label value="A&amp;B" model="ner_posology" background="#4CAF50"/>
				  </Labels>
				  <Text name="note" value="$note"/>
				"""), merged);
		LabelingConfig parsed = LabelingConfig.parse(merged);
		assertEquals(Set.of("DRUG", "DOSAGE", "A&B"), parsed.valuesOf("posology"));
		// A&B is not predicted by the model: exactly that one error remains, the rest validates
		List<Diagnostic> found = errors(VALIDATOR.validate(merged));
		assertEquals(1, found.size(), found::toString);
		assertEquals(ConfigValidator.MODEL_LABEL_MISSING, found.get(0).code());
	}

	@Test
	void expandsASelfClosingControlAndAvoidsUsedColours() {
		String config = "<View><Labels name=\"l\" toName=\"t\" value=\"$x\" fillColor=\"#E91E63\"/>"
				+ "<Label value=\"x\" background=\"#E91E63\"/><Text name=\"t\" value=\"$t\"/></View>";
		String merged = PredefinedLabels.merge(config.replace("<Label value=\"x\" background=\"#E91E63\"/>", ""), "l",
				null, List.of("A"));
		assertTrue(merged.contains("<Labels name=\"l\" toName=\"t\" value=\"$x\" fillColor=\"#E91E63\">\n  <Label value=\"A\""
				+ " background=\"#E91E63\"/>\n</Labels>"), merged);
		String many = PredefinedLabels.merge(Configs.NER, "label", "ner_posology",
				java.util.stream.IntStream.range(0, 60).mapToObj(i -> "L" + i).toList());
		Set<String> colours = new HashSet<>();
		for (LabelValue value : LabelingConfig.parse(many).control("label").values()) {
			assertTrue(colours.add(value.background()), "distinct colours: " + value.background());
		}
		assertEquals(62, colours.size());
		assertEquals(List.of(), new ConfigValidator().validate(many));
	}

	@Test
	void refusesWhatItCannotDo() {
		assertThrows(IllegalArgumentException.class,
				() -> PredefinedLabels.merge("<View><Text name=\"t\" value=\"$t\"/>", "l", "m", List.of("A")));
		assertThrows(IllegalArgumentException.class,
				() -> PredefinedLabels.merge("<View><Image name=\"i\" value=\"$i\"/></View>", "l", "m", List.of("A")));
		String choices = "<View><Text name=\"t\" value=\"$t\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"y\"/></Choices></View>";
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> PredefinedLabels.merge(choices, "c", "m", List.of("A")));
		assertTrue(e.getMessage().contains("Choices"));
	}
}
