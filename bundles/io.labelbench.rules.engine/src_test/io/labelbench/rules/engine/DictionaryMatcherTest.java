package io.labelbench.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DictionaryMatcherTest {

	/**
	 * Dense-row budgets: the real one (small dictionaries are all dense rows) and one so small that only the start
	 * state has a row, so the sparse, depth-first numbered states are exercised too.
	 */
	private static final int[] DENSE_LIMITS = { DictionaryMatcher.MAX_DENSE_ENTRIES, 1 };

	private static Set<DictionaryMatcher.Hit> naive(List<String> terms, String text, boolean caseSensitive) {
		Set<DictionaryMatcher.Hit> hits = new HashSet<>();
		String haystack = caseSensitive ? text : fold(text);
		for (int t = 0; t < terms.size(); t++) {
			String term = caseSensitive ? terms.get(t) : fold(terms.get(t));
			for (int i = haystack.indexOf(term); i >= 0; i = haystack.indexOf(term, i + 1)) {
				hits.add(new DictionaryMatcher.Hit(i, i + term.length(), t));
			}
		}
		return hits;
	}

	private static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = Character.toLowerCase(chars[i]);
		}
		return new String(chars);
	}

	@Test
	void findsExactlyWhatANaiveSearchFinds() {
		Random random = new Random(42);
		String alphabet = "abcAB é😀";
		for (int round = 0; round < 300; round++) {
			List<String> terms = new ArrayList<>();
			for (int t = 0; t < 1 + random.nextInt(30); t++) {
				terms.add(randomText(random, alphabet, 1 + random.nextInt(5)));
			}
			String text = randomText(random, alphabet, random.nextInt(200));
			boolean caseSensitive = random.nextBoolean();
			Set<DictionaryMatcher.Hit> expected = naive(terms, text, caseSensitive);
			for (int denseLimit : DENSE_LIMITS) {
				Set<DictionaryMatcher.Hit> actual = new HashSet<>(
						new DictionaryMatcher(terms, caseSensitive, false, denseLimit).find(text));
				// duplicate terms: the naive search reports each index, the matcher too
				assertEquals(expected, actual,
						"terms " + terms + " text '" + text + "' caseSensitive " + caseSensitive + " dense " + denseLimit);
			}
		}
	}

	@Test
	void wholeWordSearchFindsTheHitsBoundedByNonWordCharacters() {
		Random random = new Random(7);
		String alphabet = "ab a.b😀é";
		for (int round = 0; round < 300; round++) {
			List<String> terms = new ArrayList<>();
			for (int t = 0; t < 1 + random.nextInt(20); t++) {
				terms.add(randomText(random, alphabet, 1 + random.nextInt(4)));
			}
			String text = randomText(random, alphabet, random.nextInt(150));
			boolean caseSensitive = random.nextBoolean();
			Set<DictionaryMatcher.Hit> expected = new HashSet<>();
			for (DictionaryMatcher.Hit hit : naive(terms, text, caseSensitive)) {
				if ((hit.start() == 0 || !DictionaryMatcher.isWordChar(text.charAt(hit.start() - 1)))
						&& (hit.end() == text.length() || !DictionaryMatcher.isWordChar(text.charAt(hit.end())))) {
					expected.add(hit);
				}
			}
			for (int denseLimit : DENSE_LIMITS) {
				assertEquals(expected, wholeWords(new DictionaryMatcher(terms, caseSensitive, true, denseLimit), text),
						"terms " + terms + " text '" + text + "' caseSensitive " + caseSensitive + " dense " + denseLimit);
			}
		}
	}

	@Test
	void overlappingAndNestedTermsAreAllReported() {
		List<DictionaryMatcher.Hit> hits = new ArrayList<>(
				new DictionaryMatcher(List.of("he", "she", "his", "hers"), true).find("ushers"));
		hits.sort(Comparator.comparingInt(DictionaryMatcher.Hit::start).thenComparingInt(DictionaryMatcher.Hit::term));
		assertEquals(List.of(new DictionaryMatcher.Hit(1, 4, 1), new DictionaryMatcher.Hit(2, 4, 0),
				new DictionaryMatcher.Hit(2, 6, 3)), hits);
	}

	/**
	 * Edge cases spelled out, under both dense-row budgets: terms nested in and overlapping one another, whole
	 * words at both ends of the text, case folding of non-ASCII letters, surrogate pairs (word characters, so a
	 * term never ends inside a pair), a term listed twice and terms starting with a non-word character.
	 */
	@Test
	void wholeWordEdgeCases() {
		List<String> terms = List.of("new", "new york", "york city", "ÄRGER", "été", "😀", "a😀", "new", ".net");
		String text = "New York City: ärger, Été😀 😀 a😀b .NET new";
		Set<DictionaryMatcher.Hit> expected = Set.of(new DictionaryMatcher.Hit(0, 3, 0),
				new DictionaryMatcher.Hit(0, 3, 7), new DictionaryMatcher.Hit(0, 8, 1),
				new DictionaryMatcher.Hit(4, 13, 2), new DictionaryMatcher.Hit(15, 20, 3),
				new DictionaryMatcher.Hit(28, 30, 5), new DictionaryMatcher.Hit(36, 40, 8),
				new DictionaryMatcher.Hit(41, 44, 0), new DictionaryMatcher.Hit(41, 44, 7));
		for (int denseLimit : DENSE_LIMITS) {
			assertEquals(expected, wholeWords(new DictionaryMatcher(terms, false, true, denseLimit), text),
					"dense " + denseLimit);
			// case-sensitive: only the exact spellings
			assertEquals(Set.of(new DictionaryMatcher.Hit(28, 30, 5), new DictionaryMatcher.Hit(41, 44, 0),
					new DictionaryMatcher.Hit(41, 44, 7)),
					wholeWords(new DictionaryMatcher(terms, true, true, denseLimit), text), "dense " + denseLimit);
		}
	}

	private static Set<DictionaryMatcher.Hit> wholeWords(DictionaryMatcher matcher, String text) {
		Set<DictionaryMatcher.Hit> hits = new HashSet<>();
		matcher.findWholeWords(text, (start, end, term) -> hits.add(new DictionaryMatcher.Hit(start, end, term)));
		return hits;
	}

	private static String randomText(Random random, String alphabet, int length) {
		StringBuilder text = new StringBuilder();
		int[] codePoints = alphabet.codePoints().toArray();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
		}
		return text.toString();
	}
}
