package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Configs written for this project in the style of Label Studio's public templates (same tags and attribute
 * usage, own wording): each must validate without any finding.
 */
class RealConfigsTest {

	static final String NER = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="Person" background="red"/>
			    <Label value="Organization" background="darkorange"/>
			    <Label value="Location" background="orange"/>
			    <Label value="Misc" background="green"/>
			  </Labels>

			  <Text name="text" value="$text"/>
			</View>
			""";

	static final String TEXT_CLASSIFICATION = """
			<View>
			  <Text name="text" value="$text"/>
			  <View style="box-shadow: 2px 2px 5px #999; padding: 20px; margin-top: 2em; border-radius: 5px;">
			    <Header value="Pick the topic of this article"/>
			    <Choices name="topic" toName="text" choice="single" showInLine="true">
			      <Choice value="Sports"/>
			      <Choice value="Politics"/>
			      <Choice value="Science"/>
			    </Choices>
			  </View>
			</View>
			""";

	static final String RELATION_EXTRACTION = """
			<View>
			  <Relations>
			    <Relation value="prescribed_for"/>
			    <Relation value="dosage_of"/>
			  </Relations>
			  <Labels name="label" toName="text">
			    <Label value="Drug" background="#E91E63"/>
			    <Label value="Dosage" background="#2196F3"/>
			    <Label value="Condition" background="#4CAF50"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	static final String SENTIMENT = """
			<View>
			  <Header value="How does the reviewer feel?"/>
			  <Text name="review" value="$review"/>
			  <Choices name="sentiment" toName="review" choice="single-radio" showInline="true" required="true">
			    <Choice value="Positive" hotkey="1"/>
			    <Choice value="Neutral" hotkey="2"/>
			    <Choice value="Negative" hotkey="3"/>
			  </Choices>
			  <Rating name="confidence" toName="review" maxRating="5"/>
			</View>
			""";

	static final String HYPERTEXT_NER = """
			<View>
			  <HyperTextLabels name="ner" toName="page">
			    <Label value="Product" background="#FFA39E"/>
			    <Label value="Price" background="#D4380D"/>
			  </HyperTextLabels>
			  <View style="border: 1px solid #CCC; border-radius: 10px; padding: 5px">
			    <HyperText name="page" value="$html" granularity="symbol"/>
			  </View>
			</View>
			""";

	static final String IMAGE_BOXES = """
			<View>
			  <Image name="image" value="$image" zoom="true" zoomControl="true" rotateControl="true"/>
			  <RectangleLabels name="label" toName="image" strokeWidth="3" opacity="0.9">
			    <Label value="Car" background="rgba(255, 0, 0, 0.7)"/>
			    <Label value="Pedestrian" background="#0000FFAA"/>
			    <Label value="Bicycle" background="hsl(120, 60%, 40%)"/>
			  </RectangleLabels>
			</View>
			""";

	static final String TAXONOMY = """
			<View>
			  <Text name="text" value="$text"/>
			  <Taxonomy name="taxonomy" toName="text" leafsOnly="true">
			    <Choice value="Animals">
			      <Choice value="Mammals"/>
			      <Choice value="Birds"/>
			    </Choice>
			    <Choice value="Plants">
			      <Choice value="Trees"/>
			      <Choice value="Flowers"/>
			    </Choice>
			  </Taxonomy>
			</View>
			""";

	static final String DIALOGUE = """
			<View>
			  <ParagraphLabels name="intent" toName="dialogue">
			    <Label value="Greeting"/>
			    <Label value="Complaint"/>
			  </ParagraphLabels>
			  <Paragraphs name="dialogue" value="$dialogue" layout="dialogue" nameKey="author" textKey="text"/>
			  <TextArea name="summary" toName="dialogue" rows="3" editable="true" maxSubmissions="1"
			            placeholder="Summarise the conversation"/>
			</View>
			""";

	static final String GAL_CLINICAL = """
			<View>
			  <Relations>
			    <Relation value="DRUG-DOSAGE"/>
			  </Relations>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" model="ner_posology" background="#E91E63"/>
			    <Label value="DOSAGE" model="ner_posology" background="#2196F3"/>
			    <Label value="ABSENT" assertion="true" background="#9E9E9E"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			  <Choices name="sentiment" toName="text" choice="single">
			    <Choice value="Positive"/>
			    <Choice value="Negative"/>
			  </Choices>
			</View>
			""";

	private static final ModelInfo HUB = ModelInfo.of(Map.of("ner_posology",
			new ModelInfo.Model(Set.of("O", "B-DRUG", "I-DRUG", "B-DOSAGE", "I-DOSAGE"), "glove_100d")));

	static final Map<String, String> ALL = Map.of("NER", NER, "text classification", TEXT_CLASSIFICATION,
			"relation extraction", RELATION_EXTRACTION, "sentiment", SENTIMENT, "HyperText NER", HYPERTEXT_NER,
			"image boxes", IMAGE_BOXES, "taxonomy", TAXONOMY, "dialogue", DIALOGUE, "GAL clinical", GAL_CLINICAL);

	@Test
	void validatesWithoutFindings() {
		ConfigValidator validator = new ConfigValidator(HUB, Map.of(), false);
		ALL.forEach((name, config) -> assertEquals(List.of(), validator.validate(config), name));
	}

	@Test
	void modelIsReadFromEachTemplate() {
		LabelingConfig image = LabelingConfig.parse(IMAGE_BOXES);
		assertEquals(Set.of("Car", "Pedestrian", "Bicycle"), image.valuesOf("label"));
		assertTrue(image.controlTargets("label", "image"));
		LabelingConfig relations = LabelingConfig.parse(RELATION_EXTRACTION);
		assertEquals(2, relations.relations().size());
		assertEquals(1, relations.relationsBlocks().size());
		LabelingConfig gal = LabelingConfig.parse(GAL_CLINICAL);
		assertEquals(Set.of("ner_posology"), gal.models());
		assertTrue(gal.control("label").values().get(2).assertion());
		assertEquals(Set.of(), LabelingConfig.parse(TAXONOMY).valuesOf("taxonomy"), "taxonomy results are paths");
		assertEquals("dialogue", LabelingConfig.parse(DIALOGUE).dataFieldOf("dialogue"));
	}
}
