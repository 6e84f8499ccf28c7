package io.labelbench.server.nlp.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.labelbench.server.nlp.clinical.SentenceUnits.Unit;

/**
 * The features of an entity chunk in its sentence that decide its assertion status: the chunk's label, the words
 * before and after it (near ones with their distance, word pairs), whether a terminator such as "but", "however"
 * or ";" lies between a word and the chunk (a cue's scope ends there), and the other entities around it. Used by
 * training and by {@link AssertionModel}, so both see the same features.
 */
public final class AssertionFeatures {
	/** Words and signs that end the scope of an assertion cue. */
	public static final Set<String> TERMINATORS = Set.of("but", "however", "though", "although", "yet", ";",
			"except", "whereas", "aside", "apart", "nevertheless");
	private static final int NEAR = 6;

	private AssertionFeatures() {
	}

	/** The features of entity {@code e} (an index into {@code units.entities()}); empty if it covers no token. */
	public static List<String> of(SentenceUnits units, int e) {
		List<String> out = new ArrayList<>();
		int u = units.unitOf(e);
		if (u < 0) {
			return out;
		}
		List<Unit> all = units.units();
		int from = units.sentenceStart(u);
		int to = units.sentenceEnd(u);
		out.add("label=" + units.entities().get(e).label());
		side(all, u - 1, from - 1, -1, "b", out);
		side(all, u + 1, to, +1, "a", out);
		return out;
	}

	/** Walks from the chunk outwards to {@code stop} (exclusive), direction {@code step}. */
	private static void side(List<Unit> all, int start, int stop, int step, String side, List<String> out) {
		boolean scoped = true;
		int distance = 0;
		int entities = 0;
		String nearer = null; // the previous (nearer) word, for word pairs in text order
		for (int i = start; i != stop; i += step) {
			Unit unit = all.get(i);
			String w = unit.word();
			distance++;
			if (TERMINATORS.contains(w)) {
				if (scoped) {
					out.add(side + ":terminator=" + w);
				}
				scoped = false;
				nearer = null;
				continue;
			}
			if (unit.isEntity()) {
				entities++;
			}
			if (!scoped) {
				out.add(side + "x:" + w);
				continue;
			}
			if (distance <= 3) {
				out.add(side + distance + ":" + w);
			}
			out.add((distance <= NEAR ? side + ":" : side + "f:") + w);
			if (nearer != null) {
				out.add(side + "2:" + (step < 0 ? w + "_" + nearer : nearer + "_" + w));
			}
			nearer = w;
		}
		out.add(side + ":entities=" + Math.min(entities, 3));
		out.add(side + ":length=" + (distance == 0 ? "0" : distance <= 2 ? "short" : distance <= NEAR ? "mid" : "long"));
	}
}
