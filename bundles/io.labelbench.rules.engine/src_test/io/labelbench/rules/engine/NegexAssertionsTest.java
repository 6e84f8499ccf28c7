package io.labelbench.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.labelbench.rules.engine.Rule.Position;
import io.labelbench.rules.engine.Rule.Trigger;

/** NegEx/ConText scopes: which chunk gets which status from which trigger. */
class NegexAssertionsTest {

	private static final Trigger NO = new Trigger("no", "absent", Position.PRE);
	private static final Trigger DENIES = new Trigger("denies", "absent", Position.PRE);
	private static final Trigger POSSIBLE = new Trigger("possible", "possible", Position.PRE);
	private static final Trigger RULED_OUT = new Trigger("ruled out", "absent", Position.POST);
	private static final Trigger ON_EXERTION = new Trigger("on exertion", "conditional", Position.POST);

	private static Rule rule(List<Trigger> triggers, List<String> terminators, int window, List<String> labels,
			boolean markPresent) {
		return Rule.assertion("negex",
				new Rule.Assertion(triggers, null, terminators, window, labels, markPresent));
	}

	/** Status by entity text; entities are the given phrases, found in the text in order, labelled PROBLEM. */
	private static Map<String, String> assess(AssertionAnnotator annotator, String text, String... chunks) {
		List<Entity> entities = entities(text, "PROBLEM", chunks);
		Map<String, String> statuses = new LinkedHashMap<>();
		for (String chunk : chunks) {
			statuses.put(chunk, "-");
		}
		for (AssertionAnnotator.Assertion a : annotator.assess(text, entities)) {
			Entity e = entities.get(a.entity());
			statuses.put(text.substring(e.start(), e.end()), a.status());
			assertEquals(1.0, a.confidence());
		}
		return statuses;
	}

	static List<Entity> entities(String text, String label, String... chunks) {
		List<Entity> entities = new ArrayList<>();
		int from = 0;
		for (String chunk : chunks) {
			int start = text.indexOf(chunk, from);
			assertTrue(start >= 0, chunk);
			entities.add(new Entity(start, start + chunk.length(), label));
			from = start + chunk.length();
		}
		return entities;
	}

	@Test
	void preAndPostTriggersQualifyTheChunksAfterAndBeforeThem() throws RuleException {
		NegexAssertions negex = new NegexAssertions(List.of(rule(List.of(NO, RULED_OUT, ON_EXERTION), List.of(), 5,
				List.of(), false)));
		assertEquals(Map.of("chest pain", "absent"), assess(negex, "No chest pain.", "chest pain"));
		assertEquals(Map.of("Pneumonia", "absent"), assess(negex, "Pneumonia was ruled out.", "Pneumonia"));
		assertEquals(Map.of("Dyspnea", "conditional"), assess(negex, "Dyspnea on exertion.", "Dyspnea"));
		// a pre trigger does not reach back, a post trigger does not reach forward
		assertEquals(Map.of("fever", "-"), assess(negex, "She has fever, no.", "fever"));
		assertEquals(Map.of("pneumonia", "-"), assess(negex, "Ruled out: sepsis; pneumonia", "pneumonia"));
	}

	@Test
	void aScopeEndsAtATerminatorAndAtTheSentenceEnd() throws RuleException {
		NegexAssertions negex = new NegexAssertions(List.of(rule(List.of(DENIES), List.of("but", ";"), 8, List.of(),
				false)));
		String text = "Denies fever but reports cough. Headache today; denies nausea; vomiting.";
		assertEquals(Map.of("fever", "absent", "cough", "-", "Headache", "-", "nausea", "absent", "vomiting", "-"),
				assess(negex, text, "fever", "cough", "Headache", "nausea", "vomiting"));
		NegexAssertions noTerminators = new NegexAssertions(List.of(rule(List.of(DENIES), List.of(), 8, List.of(),
				false)));
		assertEquals("absent", assess(noTerminators, text, "fever", "cough").get("cough"),
				"without terminators the scope runs on to the sentence end");
		assertEquals("-", assess(noTerminators, "Denies fever\nCough", "fever", "Cough").get("Cough"),
				"a line break ends the sentence");
	}

	@Test
	void aChunkBeyondTheWindowKeepsNoStatus() throws RuleException {
		NegexAssertions negex = new NegexAssertions(List.of(rule(List.of(DENIES), List.of(), 2, List.of(), false)));
		String text = "Denies fever, chills, nausea, vomiting or diarrhea.";
		assertEquals(Map.of("fever", "absent", "chills", "absent", "nausea", "absent", "vomiting", "-", "diarrhea", "-"),
				assess(negex, text, "fever", "chills", "nausea", "vomiting", "diarrhea"),
				"punctuation does not count: nausea is 2 words away, vomiting 3");
	}

	@Test
	void severalChunksOfOneSentenceGetTheirOwnStatusesAndTheNearestTriggerWins() throws RuleException {
		NegexAssertions negex = new NegexAssertions(List.of(rule(List.of(NO, POSSIBLE, RULED_OUT, ON_EXERTION),
				List.of(), 8, List.of(), true)));
		String text = "No fever, possible pneumonia and chest pain on exertion, sepsis ruled out.";
		assertEquals(Map.of("fever", "absent", "pneumonia", "possible", "chest pain", "conditional", "sepsis", "absent"),
				assess(negex, text, "fever", "pneumonia", "chest pain", "sepsis"));
		// at equal distance the pre trigger wins
		assertEquals(Map.of("pneumonia", "possible"), assess(negex, "Possible pneumonia ruled out", "pneumonia"));
		// markPresent: untouched chunks are present
		assertEquals(Map.of("Cough", "present"), assess(negex, "Cough since Monday.", "Cough"));
		assertTrue(negex.statuses().containsAll(List.of("absent", "possible", "conditional", "present")),
				negex.statuses().toString());
	}

	@Test
	void entityLabelsRestrictTheRule() throws RuleException {
		NegexAssertions negex = new NegexAssertions(List.of(rule(List.of(NO), List.of(), 8, List.of("PROBLEM"), false)));
		String text = "No aspirin and fever.";
		List<Entity> entities = List.of(new Entity(3, 10, "TREATMENT"), new Entity(15, 20, "PROBLEM"));
		assertEquals(List.of(new AssertionAnnotator.Assertion(1, "absent", 1.0)), negex.assess(text, entities));
	}

	@Test
	void theDefaultClinicalSetCoversTheUsualStatuses() throws RuleException {
		NegexAssertions negex = new NegexAssertions(
				List.of(Rule.assertion("clinical", new Rule.Assertion(List.of(), NegexAssertions.CLINICAL_EN, List.of(),
						Rule.Assertion.DEFAULT_WINDOW, List.of(), false))));
		assertEquals(Map.of("chest pain", "absent"), assess(negex, "Patient denies chest pain.", "chest pain"));
		assertEquals(Map.of("fever", "absent"), assess(negex, "She is without fever today.", "fever"));
		assertEquals(Map.of("infection", "absent"), assess(negex, "Negative for infection.", "infection"));
		assertEquals(Map.of("Pneumonia", "absent"), assess(negex, "Pneumonia has been ruled out.", "Pneumonia"));
		assertEquals(Map.of("pneumonia", "possible"), assess(negex, "Rule out pneumonia.", "pneumonia"));
		assertEquals(Map.of("sepsis", "possible"), assess(negex, "Suspected sepsis.", "sepsis"));
		assertEquals(Map.of("stroke", "possible"), assess(negex, "He may have had a stroke.", "stroke"));
		assertEquals(Map.of("chest pain", "hypothetical"),
				assess(negex, "Return to the ER if chest pain recurs.", "chest pain"));
		assertEquals(Map.of("fever", "hypothetical"), assess(negex, "Should she develop fever, call us.", "fever"));
		assertEquals(Map.of("Chest pain", "conditional"), assess(negex, "Chest pain on exertion.", "Chest pain"));
		assertEquals(Map.of("breast cancer", "associated_with_someone_else"),
				assess(negex, "Mother had breast cancer.", "breast cancer"));
		assertEquals(Map.of("diabetes", "associated_with_someone_else"),
				assess(negex, "Family history of diabetes.", "diabetes"));
		assertEquals(Map.of("Cough", "-", "fever", "absent"),
				assess(negex, "Cough for two days, but no fever.", "Cough", "fever"));
		assertEquals(Map.of("pain", "-"), assess(negex, "No increase in pain.", "pain"),
				"a pseudo-trigger hides the shorter trigger inside it");
		assertEquals(Map.of("fever", "absent", "rash", "-"),
				assess(negex, "Denies fever; however, she reports a rash.", "fever", "rash"));
		assertEquals(List.of("absent", "possible", "hypothetical", "conditional", "associated_with_someone_else"),
				negex.statuses(), "present is given only when asked");
	}

	@Test
	void aRuleListingItsOwnTriggerOverridesTheSetsForTheSamePhrase() throws RuleException {
		NegexAssertions negex = new NegexAssertions(List.of(Rule.assertion("own", new Rule.Assertion(
				List.of(new Trigger("likely", "absent", Position.PRE)), NegexAssertions.CLINICAL_EN, List.of(), 8,
				List.of(), false))));
		assertEquals(Map.of("infection", "absent"), assess(negex, "Likely infection.", "infection"));
	}

	@Test
	void badRulesAreNamed() {
		assertEquals("rule 'negex': window must be at least 1 word, not -2", assertThrows(RuleException.class,
				() -> new NegexAssertions(List.of(rule(List.of(NO), List.of(), -2, List.of(), false)))).getMessage());
		String unknown = assertThrows(RuleException.class, () -> new NegexAssertions(List.of(rule(
				List.of(new Trigger("no", "negated", Position.PRE)), List.of(), 5, List.of(), false)))).getMessage();
		assertTrue(unknown.startsWith("rule 'negex': trigger 'no' has the unknown status 'negated' (known: present,"),
				unknown);
		assertEquals("rule 'negex': no triggers: list trigger phrases or use the trigger set clinical_en",
				assertThrows(RuleException.class,
						() -> new NegexAssertions(List.of(rule(List.of(), List.of(), 5, List.of(), false)))).getMessage());
		assertEquals("rule 'negex': unknown trigger set 'french' (known: clinical_en)", assertThrows(RuleException.class,
				() -> new NegexAssertions(List.of(Rule.assertion("negex",
						new Rule.Assertion(List.of(), "french", List.of(), 5, List.of(), false))))).getMessage());
		assertEquals("rule 'mg' is a regex rule, not an assertion rule", assertThrows(RuleException.class,
				() -> new NegexAssertions(List.of(Rule.regex("mg", "DOSE", "mg", false, true)))).getMessage());
	}

	@Test
	void theSpanEngineLeavesAssertionAndRelationRulesAlone() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(rule(List.of(NO), List.of(), 5, List.of(), false),
				Rule.relation("dose", "DRUG-DOSAGE", new Rule.Relation("DRUG", "DOSAGE", 3)),
				Rule.regex("mg", "DOSAGE", "\\d+ mg", false, true)));
		assertEquals(List.of(new RuleMatch(4, 10, "100 mg", "DOSAGE", "mg")), engine.apply("no, 100 mg"));
	}
}
