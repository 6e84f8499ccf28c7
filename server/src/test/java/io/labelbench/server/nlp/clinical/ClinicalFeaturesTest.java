package io.labelbench.server.nlp.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelbench.rules.engine.Entity;

class ClinicalFeaturesTest {

	/** Entities of the given surface strings, found in order in the text. */
	static List<Entity> entities(String text, String... textAndLabel) {
		List<Entity> out = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < textAndLabel.length; i += 2) {
			int start = text.indexOf(textAndLabel[i], from);
			if (start < 0) {
				throw new IllegalArgumentException(textAndLabel[i] + " not in " + text);
			}
			out.add(new Entity(start, start + textAndLabel[i].length(), textAndLabel[i + 1]));
			from = start + textAndLabel[i].length();
		}
		return out;
	}

	@Test
	void tokensKeepNumbersAndOffsetsAndSentencesEndAtFullStopsAndLineBreaks() {
		TokenizedText t = TokenizedText.of("Dr. Lee gave 2.5 mg.\nNo X-ray; see 3 p.m. Then stop.");
		List<String> words = t.tokens().stream().map(TokenizedText.Token::lower).toList();
		assertEquals(List.of("dr", ".", "lee", "gave", "2.5", "mg", ".", "no", "x-ray", ";", "see", "3", "p.m", ".",
				"then", "stop", "."), words);
		for (TokenizedText.Token token : t.tokens()) {
			assertEquals(token.lower(), t.text().substring(token.start(), token.end()).toLowerCase());
		}
		List<Integer> sentences = t.tokens().stream().map(TokenizedText.Token::sentence).toList();
		assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2), sentences);
		assertEquals(List.of(4, 6), List.of(t.tokenSpan(new Entity(13, 19, "STRENGTH"))[0],
				t.tokenSpan(new Entity(13, 19, "STRENGTH"))[1]));
		assertNull(t.tokenSpan(new Entity(60, 61, "X")), "an entity beyond the text covers no token");
	}

	@Test
	void assertionCueBeforeATerminatorIsOutOfScopeAndOtherEntitiesAreTheirLabel() {
		String text = "No fever or chills but cough since Monday. Mother has asthma.";
		List<Entity> entities = entities(text, "fever", "PROBLEM", "chills", "PROBLEM", "cough", "PROBLEM", "asthma",
				"PROBLEM");
		SentenceUnits units = new SentenceUnits(TokenizedText.of(text), entities);

		List<String> fever = AssertionFeatures.of(units, 0);
		assertTrue(fever.contains("b1:no"), fever.toString());
		assertTrue(fever.contains("a2:#problem"), fever.toString());
		assertTrue(fever.contains("a:terminator=but"), fever.toString());
		assertTrue(fever.contains("label=PROBLEM"));

		List<String> cough = AssertionFeatures.of(units, 2);
		assertTrue(cough.contains("bx:no"), "'no' is before 'but': out of the scope of cough " + cough);
		assertFalse(cough.contains("b:no"), cough.toString());
		assertFalse(cough.stream().anyMatch(f -> f.contains("mother")), "the next sentence is not context " + cough);

		List<String> asthma = AssertionFeatures.of(units, 3);
		assertTrue(asthma.contains("b2:mother") && asthma.contains("b2:mother_has"), asthma.toString());
		assertFalse(asthma.stream().anyMatch(f -> f.contains("cough")), asthma.toString());
	}

	@Test
	void relationFeaturesSeeHeadsBetweenRanksAndTheWordsAfterTheAttribute() {
		String text = "Aspirin and ibuprofen 81 mg and 200 mg respectively. Ibuprofen for pain, and 500 mg of"
				+ " metformin twice daily.";
		List<Entity> e = entities(text, "Aspirin", "DRUG", "ibuprofen", "DRUG", "81 mg", "STRENGTH", "200 mg",
				"STRENGTH", "Ibuprofen", "DRUG", "500 mg", "STRENGTH", "metformin", "DRUG", "twice daily", "FREQUENCY");
		SentenceUnits units = new SentenceUnits(TokenizedText.of(text), e);

		List<String> aspirin81 = RelationFeatures.of(units, 0, 2, "DRUG");
		assertTrue(aspirin81.contains("respectively|rank=same"), aspirin81.toString());
		assertTrue(aspirin81.contains("heads=1") && aspirin81.contains("nearest=false"), aspirin81.toString());
		List<String> ibuprofen81 = RelationFeatures.of(units, 1, 2, "DRUG");
		assertTrue(ibuprofen81.contains("respectively|rank=other") && ibuprofen81.contains("nearest=true"),
				ibuprofen81.toString());

		List<String> ibuprofen500 = RelationFeatures.of(units, 4, 5, "DRUG");
		assertTrue(ibuprofen500.contains("ha|a+1=of") && ibuprofen500.contains("ha|heads=0|a+1=of|a+2=#drug"),
				ibuprofen500.toString());
		assertTrue(ibuprofen500.contains("w:pain") && ibuprofen500.contains("w:,"), ibuprofen500.toString());
		List<String> metformin500 = RelationFeatures.of(units, 6, 5, "DRUG");
		assertTrue(metformin500.contains("order=ah") && metformin500.contains("dist=2"), metformin500.toString());

		assertNull(RelationFeatures.of(units, 0, 5, "DRUG"), "pairs across sentences are no candidates");
	}
}
