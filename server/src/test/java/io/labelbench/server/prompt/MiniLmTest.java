package io.labelbench.server.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The encoder's vectors do not depend on the call they come from: a phrase scores the same in every document. */
class MiniLmTest {

	@Test
	void aPhraseHasOneVectorWhateverItsCaseSpacingOrCompany() throws Exception {
		MiniLm model = MiniLm.shared();
		float[] alone = model.embed("chest pain");
		List<float[]> variants = model.embed(List.of("aspirin", "Chest pain", "chest  pain", "chest\npain",
				"CHEST\u00a0PAIN", "pleural effusion"));
		for (int i = 1; i <= 4; i++) {
			assertArrayEquals(alone, variants.get(i), "variant " + i);
		}
		assertArrayEquals(model.embed("aspirin"), variants.get(0), "the same vector alone and among others");
		assertEquals(1.0, MiniLm.cosine(alone, alone), 1e-5, "unit length");
		assertTrue(MiniLm.cosine(alone, variants.get(5)) < 0.9, "different phrases, different vectors");
	}
}
