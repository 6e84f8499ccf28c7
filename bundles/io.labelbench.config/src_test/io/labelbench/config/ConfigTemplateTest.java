package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The New Project wizard's templates, and the fix offered when PDFs or images meet a text-only config. */
class ConfigTemplateTest {

	@Test
	void everyTemplateValidatesWithoutErrors() {
		for (ConfigTemplate template : ConfigTemplate.values()) {
			List<Diagnostic> errors = Configs.errors(new ConfigValidator().validate(template.text()));
			assertEquals(List.of(), errors, template.name());
		}
	}

	@Test
	void templatesOfferWhatTheirNamesPromise() {
		LabelingConfig ner = LabelingConfig.parse(ConfigTemplate.NER.text());
		assertTrue(ner.valuesOf("label").containsAll(Set.of("PERSON", "ORG")), ner.valuesOf("label").toString());
		assertEquals("choices", LabelingConfig.parse(ConfigTemplate.CLASSIFICATION.text()).control("class").type());
		LabelingConfig assertion = LabelingConfig.parse(ConfigTemplate.ASSERTION_RELATIONS.text());
		assertTrue(assertion.control("label").values().stream().anyMatch(LabelValue::assertion));
		assertFalse(assertion.relationLabels().isEmpty());
		assertTrue(VisualConfig.hasImageBoxes(LabelingConfig.parse(ConfigTemplate.VISUAL_NER.text())));
		assertTrue(ConfigTemplate.VISUAL_NER.isVisual());
		assertFalse(VisualConfig.hasImageBoxes(ner));
	}

	@Test
	void imageBoxesAreAddedWithTheConfigsLabelsAndValidate() {
		String text = ConfigTemplate.ASSERTION_RELATIONS.text();
		String fixed = VisualConfig.withImageBoxes(text);
		LabelingConfig config = LabelingConfig.parse(fixed);
		assertTrue(VisualConfig.hasImageBoxes(config), fixed);
		assertEquals(List.of(), Configs.errors(new ConfigValidator().validate(fixed)), fixed);
		assertEquals("$image", config.object("image").value());
		assertEquals(Set.of("PROBLEM", "TEST", "TREATMENT", "DRUG", "DOSAGE", "STRENGTH", "FREQUENCY", "ROUTE", "FORM",
				"DURATION"), config.valuesOf("box"), "labels without assertion ones");
		assertTrue(fixed.startsWith(text.substring(0, text.lastIndexOf("</View>"))), "the rest is kept as it was");
		assertEquals(fixed, VisualConfig.withImageBoxes(fixed), "nothing added twice");
	}

	@Test
	void anExistingImageGetsBoxesAndNamesDoNotClash() {
		String text = "<View><Image name=\"box\" value=\"$image\"/><Text name=\"text\" value=\"$text\"/></View>";
		LabelingConfig config = LabelingConfig.parse(VisualConfig.withImageBoxes(text));
		assertTrue(VisualConfig.hasImageBoxes(config));
		assertEquals(1, config.objectTags().stream().filter(o -> o.type().equals("image")).count());
		assertEquals(List.of("box"), config.control("box2").toNames());
		assertEquals(Set.of("LABEL"), config.valuesOf("box2"));
	}

	@Test
	void aMalformedConfigIsLeftAlone() {
		String broken = "<View><Labels name=\"l\" toName=\"t\"></View>";
		assertEquals(broken, VisualConfig.withImageBoxes(broken));
	}
}
