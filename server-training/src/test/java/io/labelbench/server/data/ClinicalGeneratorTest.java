package io.labelbench.server.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.server.data.ClinicalGenerator.AssertedSample;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;

class ClinicalGeneratorTest {
	private final ClinicalGenerator generator = new ClinicalGenerator();

	/** The sentence with every entity replaced by its label: what is left is the frame. */
	private static String frame(Sample s) {
		StringBuilder sb = new StringBuilder();
		int at = 0;
		for (Span sp : s.spans()) {
			sb.append(s.text(), at, sp.start()).append('<').append(sp.label()).append('>');
			at = sp.end();
		}
		return sb.append(s.text().substring(at)).toString().toLowerCase();
	}

	@Test
	void sameSeedSameSentencesAndStatusesAndTheNerSentencesAreTheSame() {
		List<AssertedSample> a = generator.generateAsserted(42, 400, Variant.TRAIN);
		assertEquals(a, generator.generateAsserted(42, 400, Variant.TRAIN));
		assertFalse(a.equals(generator.generateAsserted(43, 400, Variant.TRAIN)));
		assertEquals(a.stream().map(AssertedSample::sample).toList(), generator.generate(42, 400, Variant.TRAIN));
	}

	@Test
	void everyEntityHasAStatusEveryStatusOccursAndSentencesMixStatuses() {
		for (Variant v : Variant.values()) {
			Map<String, Integer> perStatus = new HashMap<>();
			int mixed = 0;
			for (AssertedSample s : generator.generateAsserted(7, 1000, v)) {
				assertEquals(s.sample().spans().size(), s.statuses().size(), s.sample().text());
				s.statuses().forEach(st -> perStatus.merge(st, 1, Integer::sum));
				mixed += new HashSet<>(s.statuses()).size() > 1 ? 1 : 0;
			}
			assertEquals(Set.copyOf(ClinicalGenerator.STATUSES), perStatus.keySet(), v.toString());
			perStatus.forEach((status, n) -> assertTrue(n > 50, status + " " + n + " in " + v));
			assertTrue(mixed > 300, "sentences with several statuses in " + v + ": " + mixed);
		}
	}

	@Test
	void heldOutFramesAndNamesAreNeverSeenInTraining() {
		Set<String> trainFrames = new HashSet<>();
		Set<String> trainNames = new HashSet<>();
		for (Sample s : generator.generate(42, 3000, Variant.TRAIN)) {
			trainFrames.add(frame(s));
			s.spans().forEach(sp -> trainNames.add(s.text().substring(sp.start(), sp.end()).toLowerCase()));
		}
		int entities = 0;
		for (Sample s : generator.generate(99, 600, Variant.HELDOUT)) {
			if (!s.spans().isEmpty()) {
				assertFalse(trainFrames.contains(frame(s)), s.text());
			}
			for (Span sp : s.spans()) {
				entities++;
				assertFalse(trainNames.contains(s.text().substring(sp.start(), sp.end()).toLowerCase()), s.text());
			}
		}
		assertTrue(entities > 600, "held-out entities " + entities);
	}
}
