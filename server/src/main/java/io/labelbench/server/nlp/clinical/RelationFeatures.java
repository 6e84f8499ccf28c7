package io.labelbench.server.nlp.clinical;

import java.util.ArrayList;
import java.util.List;

import io.labelbench.server.nlp.clinical.SentenceUnits.Unit;

/**
 * The features of a candidate relation between a head entity (a DRUG) and an attribute entity (its dosage,
 * strength, …) of the same sentence: their labels and order, the distance between them, the entities, heads and
 * same-label attributes between them, the words between, the words next to the attribute ("500 mg of #drug"),
 * whether parentheses open between them, whether the head is the attribute's nearest head and whether their ranks
 * agree (for "… respectively"). Used by training and by {@link RelationModel}.
 */
public final class RelationFeatures {
	private static final int MAX_WORDS_BETWEEN = 10;

	private RelationFeatures() {
	}

	/**
	 * The features of the pair (head {@code h}, attribute {@code a}), indexes into {@code units.entities()}; null if
	 * they are not in one sentence or cover no token.
	 */
	public static List<String> of(SentenceUnits units, int h, int a, String headLabel) {
		int hu = units.unitOf(h);
		int au = units.unitOf(a);
		if (hu < 0 || au < 0 || hu == au) {
			return null;
		}
		List<Unit> all = units.units();
		if (all.get(hu).sentence() != all.get(au).sentence()) {
			return null;
		}
		String label = units.entities().get(a).label();
		String order = hu < au ? "ha" : "ah";
		List<String> out = new ArrayList<>();
		out.add("pair=" + label);
		out.add("order=" + order);
		int lo = Math.min(hu, au);
		int hi = Math.max(hu, au);
		int heads = 0;
		int same = 0;
		int entities = 0;
		int open = 0;
		List<String> words = new ArrayList<>();
		for (int i = lo + 1; i < hi; i++) {
			Unit unit = all.get(i);
			if (unit.isEntity()) {
				entities++;
				String l = units.entities().get(unit.entity()).label();
				if (l.equals(headLabel)) {
					heads++;
				} else if (l.equals(label)) {
					same++;
				}
			} else {
				if (unit.word().equals("(")) {
					open++;
				} else if (unit.word().equals(")")) {
					open--;
				}
				words.add(unit.word());
			}
		}
		int distance = hi - lo;
		String dist = distance <= 3 ? String.valueOf(distance) : distance <= 5 ? "4-5" : distance <= 8 ? "6-8" : "9+";
		String headsBetween = "heads=" + Math.min(heads, 2);
		out.add("dist=" + dist);
		out.add(headsBetween);
		out.add("same=" + Math.min(same, 2));
		out.add("entities=" + Math.min(entities, 4));
		out.add(order + "|" + headsBetween);
		out.add(order + "|" + headsBetween + "|dist=" + dist);
		out.add(order + "|" + label + "|" + headsBetween);
		out.add("parens=" + (open > 0 ? "open" : open < 0 ? "close" : "none"));
		out.add(order + "|parens=" + (open > 0 ? "open" : open < 0 ? "close" : "none"));
		if (words.size() <= MAX_WORDS_BETWEEN) {
			for (String w : words) {
				out.add("w:" + w);
				out.add(order + "|w:" + w);
			}
			if (words.isEmpty()) {
				out.add(order + "|adjacent");
			}
		} else {
			out.add("w:many");
		}
		// next to the attribute: "500 mg of #drug", "#drug 81 mg and"
		out.add(order + "|a+1=" + word(all, au, au + 1));
		out.add(order + "|a+2=" + word(all, au, au + 2));
		out.add(order + "|a-1=" + word(all, au, au - 1));
		out.add(order + "|" + headsBetween + "|a+1=" + word(all, au, au + 1) + "|a+2=" + word(all, au, au + 2));
		out.add(order + "|h-1=" + word(all, hu, hu - 1));
		out.add(order + "|h+1=" + word(all, hu, hu + 1));
		// nearest head of the attribute and rank agreement ("aspirin and ibuprofen 81 mg and 200 mg respectively")
		int start = units.sentenceStart(au);
		int end = units.sentenceEnd(au);
		boolean respectively = false;
		int nearest = -1;
		int headRank = 0;
		int attributeRank = 0;
		int headCount = 0;
		int attributeCount = 0;
		for (int i = start; i < end; i++) {
			Unit unit = all.get(i);
			if (!unit.isEntity()) {
				respectively |= unit.word().equals("respectively");
				continue;
			}
			String l = units.entities().get(unit.entity()).label();
			if (l.equals(headLabel)) {
				if (i == hu) {
					headRank = headCount;
				}
				headCount++;
				if (nearest < 0 || Math.abs(i - au) < Math.abs(nearest - au)) {
					nearest = i;
				}
			} else if (l.equals(label)) {
				if (i == au) {
					attributeRank = attributeCount;
				}
				attributeCount++;
			}
		}
		out.add("nearest=" + (nearest == hu));
		out.add(order + "|nearest=" + (nearest == hu));
		out.add("heads=" + Math.min(headCount, 3) + "|same-count=" + Math.min(attributeCount, 3));
		String rank = "rank=" + (headRank == attributeRank ? "same" : "other");
		out.add((respectively ? "respectively|" : "") + rank);
		out.add((respectively ? "respectively|" : "") + rank + "|" + order + "|" + headsBetween);
		out.add("counts=" + (headCount == attributeCount ? "equal" : "differ") + "|" + rank);
		return out;
	}

	/** The word at unit {@code i}, or "^" / "$" outside the sentence of unit {@code from}. */
	private static String word(List<Unit> all, int from, int i) {
		int sentence = all.get(from).sentence();
		if (i < 0 || i < from && all.get(i).sentence() != sentence) {
			return "^";
		}
		if (i >= all.size() || all.get(i).sentence() != sentence) {
			return "$";
		}
		return all.get(i).word();
	}
}
