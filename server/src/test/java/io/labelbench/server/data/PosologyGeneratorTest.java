package io.labelbench.server.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Tok;
import io.labelbench.server.data.NerCorpus.Variant;

class PosologyGeneratorTest {
	private static final PosologyGenerator GENERATOR = new PosologyGenerator();

	@Test
	void sameSeedSameCorpus() {
		String a = NerCorpus.toConll(GENERATOR.generate(42, 500, Variant.TRAIN));
		assertEquals(a, NerCorpus.toConll(GENERATOR.generate(42, 500, Variant.TRAIN)));
		assertNotEquals(a, NerCorpus.toConll(GENERATOR.generate(43, 500, Variant.TRAIN)));
	}

	@Test
	void spansMatchTokensAndAllLabelsOccur() {
		for (Variant v : Variant.values()) {
			Set<String> seen = new HashSet<>();
			for (Sample s : GENERATOR.generate(7, 1000, v)) {
				for (Span sp : s.spans()) {
					seen.add(sp.label());
					assertTrue(sp.start() >= 0 && sp.end() <= s.text().length() && sp.start() < sp.end());
				}
				// the B-/I- tagged tokens, joined, are exactly the span texts
				StringBuilder joined = new StringBuilder();
				for (Tok t : s.tokens()) {
					if (t.tag().startsWith("B-")) {
						joined.append('|');
					}
					if (!t.tag().equals("O")) {
						joined.append(t.text()).append(' ');
					}
				}
				StringBuilder expected = new StringBuilder();
				for (Span sp : s.spans()) {
					expected.append('|').append(s.text(), sp.start(), sp.end()).append(' ');
				}
				assertEquals(expected.toString(), joined.toString(), s.text());
			}
			assertEquals(Set.copyOf(PosologyGenerator.LABELS), seen, v.toString());
		}
	}

	@Test
	void heldoutDrugsAreUnseen() {
		Set<String> train = new HashSet<>();
		for (Sample s : GENERATOR.generate(42, 1500, Variant.TRAIN)) {
			s.tokens().forEach(t -> train.add(t.text().toLowerCase()));
		}
		for (String unseen : List.of("metformin", "amoxicillin", "insulin", "glargine", "night", "rosuvastatin")) {
			assertTrue(!train.contains(unseen), unseen);
		}
	}
}
