package io.labelbench.config;

import static io.labelbench.config.Configs.assertRange;
import static io.labelbench.config.Configs.errors;
import static io.labelbench.config.Configs.of;
import static io.labelbench.config.Configs.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;

/** One test per diagnostic code, each checking the exact range a marker would cover. */
class ConfigValidatorTest {

	private static final ConfigValidator PLAIN = new ConfigValidator();

	private static final ModelInfo MODELS = ModelInfo.of(Map.of(
			"ner_posology", new ModelInfo.Model(Set.of("O", "B-DRUG", "I-DRUG", "B-DOSAGE", "I-DOSAGE"), "glove_100d",
					170L * 1024 * 1024),
			"ner_clinical", new ModelInfo.Model(Set.of("O", "B-PROBLEM", "I-PROBLEM", "B-TEST"), "glove_100d"),
			"ner_bert", new ModelInfo.Model(Set.of("B-PER", "I-PER"), "bert_base_cased", 420L * 1024 * 1024),
			"m1", new ModelInfo.Model(Set.of("A1"), "glove_100d"), "m2", new ModelInfo.Model(Set.of("A2"), "glove_100d"),
			"m3", new ModelInfo.Model(Set.of("A3"), "glove_100d"), "m4", new ModelInfo.Model(Set.of("A4"), "glove_100d"),
			"m5", new ModelInfo.Model(Set.of("A5"), "glove_100d"), "m6", new ModelInfo.Model(Set.of("A6"), "glove_100d")));

	/** The models above and the embeddings they run on, all downloaded. */
	private static final ModelInfo HUB = name -> Set.of("glove_100d", "bert_base_cased").contains(name)
			? java.util.Optional.of(new ModelInfo.Model(Set.of(), null))
			: MODELS.lookup(name);

	private static final ConfigValidator WITH_HUB = new ConfigValidator(HUB, Map.of(), false);

	@Test
	void validConfigHasNoFindings() {
		assertEquals(List.of(), PLAIN.validate(Configs.NER));
		assertEquals(List.of(), WITH_HUB.validate(Configs.NER));
	}

	@Test
	void malformedPointsAtTheMismatchedEndTag() {
		String text = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"A\"/>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.MALFORMED);
		assertRange(text, d, "</View>", "View");
		assertTrue(d.message().contains("expected </Labels>"), d.message());
		assertEquals(Severity.ERROR, d.severity());
	}

	@Test
	void malformedPointsAtAnUnescapedAmpersandAndAnUnclosedQuote() {
		String amp = "<View><Text name=\"t\" value=\"$t\"/><Header value=\"Q & A\"/></View>";
		assertRange(amp, only(PLAIN.validate(amp), ConfigValidator.MALFORMED), "Q & A", "&");
		String quote = "<View><Text name=\"t\" value=\"$t/></View>";
		Diagnostic d = of(PLAIN.validate(quote), ConfigValidator.MALFORMED).get(0);
		assertRange(quote, d, "value=\"$t", "\"");
		assertTrue(d.message().contains("never closed"), d.message());
	}

	@Test
	void malformedReportsAnUnclosedElementAtItsStartTag() {
		String text = "<View>\n  <Text name=\"t\" value=\"$t\"/>\n";
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.MALFORMED);
		assertRange(text, d, "<View>", "View");
		assertEquals(1, d.line());
		assertEquals(2, d.column());
	}

	@Test
	void doctypeIsRefused() {
		String text = "<!DOCTYPE View [<!ENTITY x \"y\">]>\n" + Configs.NER;
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.DOCTYPE);
		assertRange(text, d, "<!DOCTYPE View [<!ENTITY x \"y\">]>", "<!DOCTYPE View [<!ENTITY x \"y\">]>");
	}

	@Test
	void undefinedEntityIsAnError() {
		String text = "<View><Text name=\"t\" value=\"$t\"/><Header value=\"&brand;\"/></View>";
		assertRange(text, only(PLAIN.validate(text), ConfigValidator.ENTITY), "&brand;", "&brand;");
	}

	@Test
	void rootMustBeView() {
		String text = "<Form><Text name=\"t\" value=\"$t\"/></Form>";
		assertRange(text, only(PLAIN.validate(text), ConfigValidator.ROOT), "<Form>", "Form");
	}

	@Test
	void unknownTagIsAWarning() {
		String text = Configs.NER.replace("</View>", "  <Sparkle name=\"s\"/>\n</View>");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.UNKNOWN_TAG);
		assertRange(text, d, "<Sparkle", "Sparkle");
		assertEquals(Severity.WARNING, d.severity());
		assertEquals(List.of(d), PLAIN.validate(text));
	}

	@Test
	void controlWithoutName() {
		String text = Configs.NER.replace("<Labels name=\"label\" toName", "<Labels toName");
		assertRange(text, only(PLAIN.validate(text), ConfigValidator.NAME_MISSING), "<Labels", "Labels");
	}

	@Test
	void duplicateNameMarksTheSecondOne() {
		String text = Configs.NER.replace("</View>", "  <Choices name=\"label\" toName=\"text\"><Choice value=\"x\"/>"
				+ "</Choices>\n</View>");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.NAME_DUPLICATE);
		assertRange(text, d, "<Choices name=\"label\"", "label");
		assertTrue(d.message().contains("line 2"), d.message());
	}

	@Test
	void controlWithoutToName() {
		String text = Configs.NER.replace(" toName=\"text\"", "");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.TONAME_MISSING);
		assertRange(text, d, "<Labels", "Labels");
		assertEquals("text", d.fix().get("objects"));
	}

	@Test
	void toNameNamingNoObjectMarksThatNameInTheList() {
		String text = Configs.NER.replace("toName=\"text\"", "toName=\"text, txet\"");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.TONAME_UNKNOWN);
		assertRange(text, d, "text, txet", "txet");
		assertEquals("txet", d.fix().get("name"));
		assertEquals("text", d.fix().get("objects"));
		assertTrue(d.message().contains("known: text"), d.message());
	}

	@Test
	void toNameNamingAControlSaysSo() {
		String text = Configs.NER.replace("</View>", "<Choices name=\"c\" toName=\"label\"><Choice value=\"x\"/></Choices></View>");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.TONAME_UNKNOWN);
		assertRange(text, d, "toName=\"label\"", "label");
		assertTrue(d.message().contains("is a control"), d.message());
	}

	@Test
	void emptyLabelsIsAWarning() {
		String text = "<View>\n<Labels name=\"l\" toName=\"t\"></Labels>\n<Text name=\"t\" value=\"$t\"/>\n</View>";
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.CONTROL_EMPTY);
		assertRange(text, d, "<Labels", "Labels");
		assertEquals(Severity.WARNING, d.severity());
	}

	@Test
	void labelWithoutValue() {
		String text = Configs.NER.replace("<Label value=\"DOSAGE\"", "<Label");
		assertRange(text, only(PLAIN.validate(text), ConfigValidator.VALUE_MISSING), "<Label background=\"#2196F3\"",
				"Label");
	}

	@Test
	void duplicateValueIsAWarningOnTheSecond() {
		String text = Configs.NER.replace("value=\"DOSAGE\"", "value=\"DRUG\"");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.VALUE_DUPLICATE);
		assertRange(text, d, "DRUG\" background=\"#2196F3\"", "DRUG");
		assertEquals(Severity.WARNING, d.severity());
		int start = Integer.parseInt(d.fix().get("removeStart"));
		int end = Integer.parseInt(d.fix().get("removeEnd"));
		assertEquals("<Label value=\"DRUG\" background=\"#2196F3\"/>", text.substring(start, end));
	}

	@Test
	void taxonomyMayRepeatALeafUnderAnotherParent() {
		String text = "<View><Text name=\"t\" value=\"$t\"/><Taxonomy name=\"tax\" toName=\"t\">"
				+ "<Choice value=\"A\"><Choice value=\"Other\"/></Choice><Choice value=\"B\"><Choice value=\"Other\"/>"
				+ "</Choice></Taxonomy></View>";
		assertEquals(List.of(), PLAIN.validate(text));
		String twice = text.replace("<Choice value=\"B\">", "<Choice value=\"B\"><Choice value=\"Other\"/>");
		Diagnostic d = only(PLAIN.validate(twice), ConfigValidator.VALUE_DUPLICATE);
		assertEquals(twice.lastIndexOf("Other"), d.startOffset());
	}

	@Test
	void objectWithoutValue() {
		String text = Configs.NER.replace(" value=\"$text\"", "");
		assertRange(text, only(PLAIN.validate(text), ConfigValidator.OBJECT_VALUE_MISSING), "<Text", "Text");
	}

	@Test
	void labelledLiteralTextIsAWarningAndDisplayTextIsFine() {
		String text = Configs.NER.replace("value=\"$text\"", "value=\"Read this\"");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.OBJECT_VALUE_NOT_VARIABLE);
		assertRange(text, d, "Read this", "Read this");
		assertEquals(Severity.WARNING, d.severity());
		String display = Configs.NER.replace("</View>", "<Text name=\"intro\" value=\"Mark every drug.\"/></View>");
		assertEquals(List.of(), PLAIN.validate(display));
	}

	@Test
	void dollarWithoutField() {
		String text = Configs.NER.replace("value=\"$text\"", "value=\"$\"");
		assertRange(text, only(PLAIN.validate(text), ConfigValidator.OBJECT_VALUE_EMPTY_FIELD), "value=\"$\"", "$");
	}

	@Test
	void invalidColourIsAWarning() {
		String text = Configs.NER.replace("#2196F3", "#21F3");
		assertEquals(List.of(), PLAIN.validate(text), "#rgba is valid CSS");
		text = Configs.NER.replace("#2196F3", "bleu");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.COLOR_INVALID);
		assertRange(text, d, "bleu", "bleu");
		assertEquals(Severity.WARNING, d.severity());
		assertEquals(List.of(), PLAIN.validate(Configs.NER.replace("#2196F3", "rgba(10, 20, 30, 0.5)")));
		assertEquals(List.of(), PLAIN.validate(Configs.NER.replace("#2196F3", "DarkOrange")));
	}

	@Test
	void hotkeyClashMarksTheSecondUse() {
		String text = Configs.NER.replace("value=\"DRUG\"", "value=\"DRUG\" hotkey=\"d\"")
				.replace("value=\"DOSAGE\"", "value=\"DOSAGE\" hotkey=\"D\"");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.HOTKEY_DUPLICATE);
		assertRange(text, d, "hotkey=\"D\"", "D");
		assertEquals(Severity.WARNING, d.severity());
	}

	@Test
	void modelNotInTheHubCache() {
		String text = Configs.NER.replace("value=\"DRUG\"", "value=\"DRUG\" model=\"ner_missing\"");
		Diagnostic d = only(WITH_HUB.validate(text), ConfigValidator.MODEL_UNKNOWN);
		assertRange(text, d, "ner_missing", "ner_missing");
		assertEquals(List.of(), PLAIN.validate(text), "no hub data, no model checks");
	}

	@Test
	void labelTheModelDoesNotPredict() {
		String text = Configs.NER.replace("value=\"DRUG\"", "value=\"DRUG\" model=\"ner_posology\"")
				.replace("value=\"DOSAGE\"", "value=\"FREQUENCY\" model=\"ner_posology\"");
		Diagnostic d = only(WITH_HUB.validate(text), ConfigValidator.MODEL_LABEL_MISSING);
		assertRange(text, d, "FREQUENCY", "FREQUENCY");
		assertEquals("DOSAGE,DRUG", d.fix().get("labels"));
		assertTrue(d.message().contains("it offers DOSAGE, DRUG"), d.message());
	}

	@Test
	void moreThanFiveModelsBlocksDeploy() {
		StringBuilder labels = new StringBuilder();
		for (int m = 1; m <= 6; m++) {
			labels.append("<Label value=\"A").append(m).append("\" model=\"m").append(m).append("\"/>\n");
		}
		String text = "<View>\n<Labels name=\"l\" toName=\"t\">\n" + labels + "</Labels>\n<Text name=\"t\" value=\"$t\"/>\n</View>";
		List<Diagnostic> all = WITH_HUB.validate(text);
		Diagnostic d = only(all, ConfigValidator.MODEL_TOO_MANY);
		assertRange(text, d, "\"m6\"", "m6");
		assertEquals(Severity.ERROR, d.severity());
		assertEquals("m1,m2,m3,m4,m5", d.fix().get("keep"));
		assertEquals(List.of(d), all);
		assertEquals(List.of(), WITH_HUB.validate(text.replace("<Label value=\"A6\" model=\"m6\"/>", "")));
	}

	@Test
	void missingEmbeddingsOfADownloadedModelAreAWarningWithWhatToDownload() {
		String text = Configs.NER.replace("value=\"DRUG\"", "value=\"DRUG\" model=\"ner_posology\"")
				.replace("value=\"DOSAGE\"", "value=\"DOSAGE\" model=\"ner_posology\"");
		assertEquals(List.of(), WITH_HUB.validate(text));
		List<Diagnostic> all = new ConfigValidator(MODELS, Map.of(), false).validate(text);
		Diagnostic d = only(all, ConfigValidator.MODEL_EMBEDDINGS_MISSING);
		assertEquals(List.of(d), all, "one finding per model, not per label");
		assertEquals(Severity.WARNING, d.severity());
		assertRange(text, d, "\"ner_posology\"", "ner_posology");
		assertEquals("glove_100d", d.fix().get("embeddings"));
		assertTrue(d.message().contains("glove_100d") && d.message().contains("not downloaded"), d.message());
	}

	@Test
	void mixedEmbeddingsBlockDeployUnlessAllowed() {
		String text = Configs.NER.replace("value=\"DRUG\"", "value=\"DRUG\" model=\"ner_posology\"")
				.replace("<Label value=\"DOSAGE\"", "<Label value=\"PER\" model=\"ner_bert\"");
		Diagnostic d = only(WITH_HUB.validate(text), ConfigValidator.MODEL_EMBEDDINGS_MIXED);
		assertRange(text, d, "\"ner_bert\"", "ner_bert");
		assertEquals(Severity.ERROR, d.severity());
		assertTrue(d.message().contains("bert_base_cased") && d.message().contains("glove_100d"), d.message());
		Diagnostic warning = only(new ConfigValidator(HUB, Map.of(), true).validate(text),
				ConfigValidator.MODEL_EMBEDDINGS_MIXED);
		assertEquals(Severity.WARNING, warning.severity());
		assertTrue(warning.message().contains("about 420 MB"), warning.message());
		assertEquals(List.of(warning), new ConfigValidator(HUB, Map.of(), true).validate(text));
	}

	@Test
	void assertionLabelWithoutNerLabel() {
		String text = "<View>\n<Labels name=\"a\" toName=\"t\"><Label value=\"ABSENT\" assertion=\"true\"/></Labels>\n"
				+ "<Text name=\"t\" value=\"$t\"/>\n</View>";
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.ASSERTION_WITHOUT_NER);
		assertRange(text, d, "assertion=\"true\"", "assertion=\"true\"");
		String attached = Configs.NER.replace("</Labels>", "<Label value=\"ABSENT\" assertion=\"true\"/></Labels>");
		assertEquals(List.of(), PLAIN.validate(attached));
	}

	@Test
	void relationOutsideARelationsBlock() {
		String text = Configs.NER.replace("</View>", "<Relation value=\"DRUG-DOSAGE\"/></View>");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.RELATION_WITHOUT_BLOCK);
		assertRange(text, d, "<Relation ", "Relation");
		assertEquals("<Relation value=\"DRUG-DOSAGE\"/>", text.substring(Integer.parseInt(d.fix().get("elementStart")),
				Integer.parseInt(d.fix().get("elementEnd"))));
		assertEquals(text.indexOf("<View>") + 6, Integer.parseInt(d.fix().get("insertAt")));
		assertEquals("true", d.fix().get("newBlock"));
		String block = Configs.NER.replace("</View>", "<Relations><Relation value=\"DRUG-DOSAGE\"/></Relations></View>");
		assertEquals(List.of(), PLAIN.validate(block));
	}

	@Test
	void labelStillUsedByTasks() {
		ConfigValidator validator = new ConfigValidator(null, Map.of("DRUG", 4, "FREQUENCY", 12), false);
		Diagnostic d = only(validator.validate(Configs.NER), ConfigValidator.LABEL_USED_BY_TASKS);
		assertRange(Configs.NER, d, "<View>", "View");
		assertEquals(Severity.WARNING, d.severity());
		assertTrue(d.message().contains("'FREQUENCY' is used in 12 tasks"), d.message());
		assertEquals("12", d.fix().get("tasks"));
	}

	@Test
	void whatLabelStudioAcceptsGetsNoError() {
		String text = """
				<!-- comments before the root -->
				<view>
				  <!-- a Filter pointing at a Labels control, declared before it -->
				  <Filter name="filter" toName="label" hotkey="shift+f" minlength="0"/>
				  <LABELS NAME="label" TONAME="text,text2" showInline="true">
				    <Label value="DRUG"/><!-- comment between values -->
				  </LABELS>
				  <Labels name="dynamic" toName="text2" value="$options"/>
				  <Text name="text" value="$text" granularity="word"/>
				  <Text name="text2" value="$other"/>
				  <Header value="Instructions: mark &amp; check"/>
				</view>
				<!-- and after it -->
				""";
		assertEquals(List.of(), errors(PLAIN.validate(text)), () -> PLAIN.validate(text).toString());
		assertEquals(List.of(), PLAIN.validate(text));
	}

	@Test
	void formatsLikeACompiler() {
		String text = Configs.NER.replace("toName=\"text\"", "toName=\"txt\"");
		Diagnostic d = only(PLAIN.validate(text), ConfigValidator.TONAME_UNKNOWN);
		assertEquals("cfg/labeling-config.xml:2:32: error: toName 'txt' names no object tag (known: text)"
				+ " [control.toname-unknown]", ConfigValidator.format(Path.of("cfg", "labeling-config.xml"), d));
	}

	@Test
	void jsonHasTheSameFields() throws Exception {
		String text = Configs.NER.replace("toName=\"text\"", "toName=\"txt\"");
		JsonNode json = Json.mapper().readTree(ConfigValidator.formatJson(Path.of("c.xml"),
				PLAIN.validate(text)));
		assertEquals(1, json.size());
		JsonNode d = json.get(0);
		assertEquals("c.xml", d.get("file").asText());
		assertEquals(2, d.get("line").asInt());
		assertEquals(32, d.get("column").asInt());
		assertEquals("error", d.get("severity").asText());
		assertEquals("control.toname-unknown", d.get("code").asText());
		assertEquals("txt", text.substring(d.get("startOffset").asInt(), d.get("endOffset").asInt()));
		assertEquals("txt", d.get("fix").get("name").asText());
	}
}
