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

	static final String PAGES = """
			<View>
			  <Repeater on="$pages" indexFlag="{{idx}}" mode="pagination">
			    <Image name="page_{{idx}}" value="$pages[{{idx}}].url" inline="true"/>
			    <RectangleLabels name="boxes_{{idx}}" toName="page_{{idx}}">
			      <Label value="Signature" background="green"/>
			      <Label value="Stamp" background="blue"/>
			    </RectangleLabels>
			    <Rating name="quality_{{idx}}" toName="page_{{idx}}"/>
			  </Repeater>
			</View>
			""";

	static final String TIME_SERIES = """
			<View>
			  <!-- region labels on the curve -->
			  <TimeSeriesLabels name="phase" toName="sensor">
			    <Label value="Walking" background="red"/>
			    <Label value="Running" background="#1f77b4"/>
			  </TimeSeriesLabels>
			  <TimeSeries name="sensor" valueType="url" value="$csv" sep="," timeColumn="t">
			    <Channel column="acc_x" strokeColor="#1f77b4" legend="Acceleration X"/>
			    <Channel column="acc_y" strokeColor="#ff7f0e" legend="Acceleration Y"/>
			  </TimeSeries>
			  <Choices name="device" toName="sensor"><Choice value="Watch"/><Choice value="Phone"/></Choices>
			</View>
			""";

	static final String RANKING = """
			<View>
			  <Text name="question" value="$question"/>
			  <List name="answers" value="$answers" title="Candidate answers"/>
			  <Style>
			    .htx-ranker-item > p:first-child { font-weight: bold }
			  </Style>
			  <Ranker name="rank" toName="answers">
			    <Bucket name="good" title="Helpful"/>
			    <Bucket name="bad" title="Unhelpful"/>
			  </Ranker>
			</View>
			""";

	static final String PREFERENCE = """
			<View className="root">
			  <Text name="prompt" value="$prompt"/>
			  <Pairwise name="preferred" toName="left,right" selectionStyle="background-color: #27ae60"/>
			  <View className="answers">
			    <Text name="left" value="$answer_a"/>
			    <Text name="right" value="$answer_b"/>
			  </View>
			</View>
			""";

	static final String DYNAMIC_BOXES = """
			<View>
			  <RectangleLabels name="objects" toName="photo" value="$objects"/>
			  <RectangleLabels name="parts" toName="photo" value="$parts"/>
			  <Image name="photo" value="$photo"/>
			</View>
			""";

	static final String VIDEO = """
			<View>
			  <Labels name="who" toName="clip" allowEmpty="true">
			    <Label value="Cyclist" background="blue"/>
			    <Label value="Car" background="red"/>
			  </Labels>
			  <Video name="clip" value="$video" framerate="25.0"/>
			  <VideoRectangle name="track" toName="clip"/>
			</View>
			""";

	static final String IMAGE_LIST = """
			<View>
			  <Image name="scans" valueList="$scans"/>
			  <Choices name="quality" toName="scans" choice="multiple">
			    <Choice value="Blurred" alias="blur"/>
			    <Choice value="Rotated" alias="rot"/>
			  </Choices>
			</View>
			""";

	/** A whole-task rating without toName, as in Label Studio's chatbot assessment template. */
	static final String CHAT_ASSESSMENT = """
			<View>
			  <Style>
			    * { box-sizing: border-box; }
			    .panel { font-family: 'Roboto', sans-serif; box-shadow: 0 4px 8px 0 rgba(0, 0, 0, 0.1); }
			  </Style>
			  <Header style="margin: 0 auto">Assistant reply review</Header>
			  <View className="panel">
			    <Paragraphs name="chat" value="$messages" layout="dialogue" nameKey="role" textKey="content"/>
			  </View>
			  <Header value="Overall quality, 1 to 7" size="8"/>
			  <Rating name="overall" maxRating="7"/>
			  <Choices name="on_topic" toName="chat" showInline="true" choice="single-radio">
			    <Choice value="Yes"/>
			    <Choice value="No"/>
			  </Choices>
			</View>
			""";

	private static final ModelInfo HUB = ModelInfo.of(Map.of("ner_posology",
			new ModelInfo.Model(Set.of("O", "B-DRUG", "I-DRUG", "B-DOSAGE", "I-DOSAGE"), "glove_100d"),
			"glove_100d", new ModelInfo.Model(Set.of(), null)));

	static final Map<String, String> ALL = Map.ofEntries(Map.entry("NER", NER),
			Map.entry("text classification", TEXT_CLASSIFICATION), Map.entry("relation extraction", RELATION_EXTRACTION),
			Map.entry("sentiment", SENTIMENT), Map.entry("HyperText NER", HYPERTEXT_NER),
			Map.entry("image boxes", IMAGE_BOXES), Map.entry("taxonomy", TAXONOMY), Map.entry("dialogue", DIALOGUE),
			Map.entry("GAL clinical", GAL_CLINICAL), Map.entry("pages", PAGES), Map.entry("time series", TIME_SERIES),
			Map.entry("ranking", RANKING), Map.entry("preference", PREFERENCE), Map.entry("dynamic boxes", DYNAMIC_BOXES),
			Map.entry("video", VIDEO), Map.entry("image list", IMAGE_LIST));

	@Test
	void validatesWithoutFindings() {
		ConfigValidator validator = new ConfigValidator(HUB, Map.of(), false);
		ALL.forEach((name, config) -> assertEquals(List.of(), validator.validate(config), name));
	}

	@Test
	void wholeTaskRatingWithoutToNameIsOnlyAWarning() {
		List<Diagnostic> found = new ConfigValidator().validate(CHAT_ASSESSMENT);
		assertEquals(1, found.size(), found::toString);
		assertEquals(ConfigValidator.TONAME_MISSING, found.get(0).code());
		assertEquals(Severity.WARNING, found.get(0).severity());
		assertEquals("Rating", CHAT_ASSESSMENT.substring(found.get(0).startOffset(), found.get(0).endOffset()));
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
		assertEquals("scans", LabelingConfig.parse(IMAGE_LIST).dataFieldOf("scans"));
		assertEquals(Set.of("Blurred", "blur", "Rotated", "rot"), LabelingConfig.parse(IMAGE_LIST).valuesOf("quality"));
		assertEquals(Set.of(), LabelingConfig.parse(DYNAMIC_BOXES).valuesOf("objects"), "labels from task data");
		assertTrue(LabelingConfig.parse(PREFERENCE).controlTargets("preferred", "right"));
	}
}
