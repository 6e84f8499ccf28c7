package io.labelbench.server.data;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Variant;

class PosologyGeneratorTest {

	@Test
	void theDemoSentencesWordsAreUnseen() {
		Set<String> train = new HashSet<>();
		for (Sample s : new PosologyGenerator().generate(42, 1500, Variant.TRAIN)) {
			s.tokens().forEach(t -> train.add(t.text().toLowerCase()));
		}
		for (String unseen : List.of("metformin", "amoxicillin", "insulin", "glargine", "night", "rosuvastatin")) {
			assertFalse(train.contains(unseen), unseen);
		}
	}
}
