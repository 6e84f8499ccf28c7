package io.labelbench.server.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyRelationGenerator.Link;
import io.labelbench.server.data.PosologyRelationGenerator.RelationSample;

class PosologyRelationGeneratorTest {
	private final PosologyRelationGenerator generator = new PosologyRelationGenerator();

	@Test
	void sameSeedSameSentences() {
		List<RelationSample> a = generator.generate(42, 300, Variant.TRAIN);
		assertEquals(a, generator.generate(42, 300, Variant.TRAIN));
		assertNotEquals(a, generator.generate(43, 300, Variant.TRAIN));
	}

	@Test
	void linksGoFromADrugToAnAttributeAndTheNearestDrugIsOftenWrong() {
		for (Variant v : Variant.values()) {
			Set<String> labels = new HashSet<>();
			int links = 0;
			int notNearest = 0;
			int multiDrug = 0;
			for (RelationSample s : generator.generate(7, 1000, v)) {
				List<Span> spans = s.sample().spans();
				multiDrug += spans.stream().filter(sp -> sp.label().equals("DRUG")).count() > 1 ? 1 : 0;
				for (Link l : s.links()) {
					links++;
					Span from = spans.get(l.from());
					Span to = spans.get(l.to());
					assertEquals("DRUG", from.label(), s.sample().text());
					assertEquals("DRUG-" + to.label(), l.label(), s.sample().text());
					labels.add(l.label());
					Span nearest = spans.stream().filter(sp -> sp.label().equals("DRUG"))
							.min((x, y) -> Integer.compare(distance(x, to), distance(y, to))).orElseThrow();
					notNearest += nearest.equals(from) ? 0 : 1;
				}
				for (Span sp : spans) {
					assertTrue(sp.start() >= 0 && sp.end() <= s.sample().text().length());
				}
			}
			assertEquals(Set.copyOf(PosologyRelationGenerator.RELATIONS), labels, v.toString());
			assertTrue(multiDrug > 500, "sentences with several drugs in " + v + ": " + multiDrug);
			assertTrue(notNearest > links / 20, "links to a drug that is not the nearest in " + v + ": " + notNearest
					+ " of " + links);
		}
	}

	private static int distance(Span a, Span b) {
		return a.end() <= b.start() ? b.start() - a.end() : a.start() - b.end();
	}

	@Test
	void heldOutDrugsAreNeverSeenInTraining() {
		Set<String> trained = new HashSet<>();
		for (RelationSample s : generator.generate(42, 2000, Variant.TRAIN)) {
			s.sample().spans().stream().filter(sp -> sp.label().equals("DRUG"))
					.forEach(sp -> trained.add(s.sample().text().substring(sp.start(), sp.end()).toLowerCase()));
		}
		int drugs = 0;
		for (RelationSample s : generator.generate(99, 500, Variant.HELDOUT)) {
			for (Span sp : s.sample().spans()) {
				if (sp.label().equals("DRUG")) {
					drugs++;
					assertFalse(trained.contains(s.sample().text().substring(sp.start(), sp.end()).toLowerCase()),
							s.sample().text());
				}
			}
		}
		assertTrue(drugs > 500, "held-out drugs " + drugs);
	}
}
