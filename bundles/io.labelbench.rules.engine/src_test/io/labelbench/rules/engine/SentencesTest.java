package io.labelbench.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Sentences and tokens as assertion and relation rules see them. */
class SentencesTest {

	private static List<String> sentences(String text) {
		return Sentences.of(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
	}

	@Test
	void sentencesEndAtStopsAndLineBreaksButNotAtAbbreviationsOrDecimals() {
		assertEquals(List.of("Seen by Dr. Smith on 1.5 mg warfarin.", "No fever!", "Pain?", "e.g. cough",
				"Plan: rest."), sentences("Seen by Dr. Smith on 1.5 mg warfarin.  No fever! Pain?\ne.g. cough\n\nPlan: rest."));
		assertEquals(List.of("He said \"no.\"", "Next."), sentences("He said \"no.\" Next."));
		assertEquals(List.of("Take 2 tabs b.i.d. with food."), sentences("Take 2 tabs b.i.d. with food."));
		List<Sentences.Sentence> list = Sentences.of("A bee. C dee.");
		assertEquals(1, Sentences.indexOf(list, 9, 12));
		assertEquals(-1, Sentences.indexOf(list, 2, 9), "an entity across two sentences is in neither");
	}

	@Test
	void tokensCountWordsOnly() {
		String text = "r/o pneumonia, 1.5 mg; résumé";
		Tokens tokens = Tokens.of(text);
		assertEquals(List.of("r", "/", "o", "pneumonia", ",", "1", ".", "5", "mg", ";", "résumé"),
				tokens.list().stream().map(Tokens.Token::text).toList());
		assertEquals(3, tokens.wordsBetween(text.indexOf(','), text.indexOf(';')));
		assertEquals(0, tokens.wordsBetween(5, 5));
		assertEquals(0, tokens.wordsBetween(6, 9), "a word cut by the range is not between");
	}
}
