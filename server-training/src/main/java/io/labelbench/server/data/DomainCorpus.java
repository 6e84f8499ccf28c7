package io.labelbench.server.data;

import java.util.ArrayList;
import java.util.List;

import io.labelbench.server.data.NerCorpus.Generator;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Variant;

/**
 * Text classification data: the sentences of the NER generators, each labelled with its generator's domain
 * ("clinical", "finance", "legal", as the sample project's {@code domain} choices). Training sentences come from
 * the training frames, held-out sentences from the held-out frames and word lists.
 */
public final class DomainCorpus {
	private DomainCorpus() {
	}

	/** A text and its class. */
	public record Example(String text, String label) {
	}

	/** The class a generator's sentences get. */
	public static String classOf(Generator generator) {
		return generator.domain().equals("posology") ? "clinical" : generator.domain();
	}

	/** {@code perDomain} sentences of every generator, interleaved, from one seed. */
	public static List<Example> generate(List<Generator> generators, long seed, int perDomain, Variant variant) {
		List<List<Sample>> parts = new ArrayList<>();
		for (int g = 0; g < generators.size(); g++) {
			parts.add(generators.get(g).generate(seed + g, perDomain, variant));
		}
		List<Example> out = new ArrayList<>();
		for (int i = 0; i < perDomain; i++) {
			for (int g = 0; g < generators.size(); g++) {
				out.add(new Example(parts.get(g).get(i).text(), classOf(generators.get(g))));
			}
		}
		return out;
	}
}
