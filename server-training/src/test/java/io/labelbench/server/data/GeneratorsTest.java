package io.labelbench.server.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.labelbench.server.data.NerCorpus.Generator;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Tok;
import io.labelbench.server.data.NerCorpus.Variant;

/** What every training corpus must hold for the models and their held-out scores to mean something. */
class GeneratorsTest {

	static Stream<Arguments> generators() {
		return Stream.of(Arguments.of(new PosologyGenerator(), "DRUG"), Arguments.of(new FinanceGenerator(), "ORG"),
				Arguments.of(new LegalGenerator(), "PARTY"), Arguments.of(new ClinicalGenerator(), "PROBLEM"));
	}

	@ParameterizedTest
	@MethodSource("generators")
	void sameSeedSameCorpus(Generator g, String nameLabel) {
		String a = NerCorpus.toConll(g.generate(42, 500, Variant.TRAIN));
		assertEquals(a, NerCorpus.toConll(g.generate(42, 500, Variant.TRAIN)));
		assertNotEquals(a, NerCorpus.toConll(g.generate(43, 500, Variant.TRAIN)));
	}

	@ParameterizedTest
	@MethodSource("generators")
	void spansSliceTheTextAndMatchTheTagsAndEveryLabelOccurs(Generator g, String nameLabel) {
		for (Variant v : Variant.values()) {
			Set<String> seen = new HashSet<>();
			int plain = 0;
			List<Sample> samples = g.generate(7, 1000, v);
			for (Sample s : samples) {
				plain += s.spans().isEmpty() ? 1 : 0;
				StringBuilder expected = new StringBuilder();
				for (Span sp : s.spans()) {
					seen.add(sp.label());
					assertTrue(sp.start() >= 0 && sp.end() <= s.text().length() && sp.start() < sp.end());
					expected.append('|').append(s.text(), sp.start(), sp.end()).append(' ');
				}
				StringBuilder tagged = new StringBuilder();
				for (Tok t : s.tokens()) {
					if (t.tag().startsWith("B-")) {
						tagged.append('|');
					}
					if (!t.tag().equals("O")) {
						tagged.append(t.text()).append(' ');
					}
					// the Tokenizer splits on spaces and splits off . , : — a token must not hide one inside
					assertTrue(t.text().matches("[.,:;()]|[^\\s.,:;()]+|\\d+\\.\\d+"), "token '" + t.text() + "' in " + s.text());
				}
				assertEquals(expected.toString(), tagged.toString(), s.text());
			}
			assertEquals(Set.copyOf(g.labels()), seen, g.domain() + " " + v);
			assertTrue(plain > 0 && plain < samples.size() / 4, "sentences without entities: " + plain);
		}
	}

	@ParameterizedTest
	@MethodSource("generators")
	void heldOutNamesAreNeverSeenInTraining(Generator g, String nameLabel) {
		Set<String> trainText = new HashSet<>();
		for (Sample s : g.generate(42, 1500, Variant.TRAIN)) {
			for (Span sp : s.spans()) {
				if (sp.label().equals(nameLabel)) {
					trainText.add(s.text().substring(sp.start(), sp.end()).toLowerCase());
				}
			}
		}
		int names = 0;
		for (Sample s : g.generate(99, 300, Variant.HELDOUT)) {
			for (Span sp : s.spans()) {
				if (sp.label().equals(nameLabel)) {
					names++;
					assertFalse(trainText.contains(s.text().substring(sp.start(), sp.end()).toLowerCase()),
							s.text());
				}
			}
		}
		assertTrue(names > 50, nameLabel + " in the held-out set: " + names);
	}
}
