package io.labelbench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DictionaryMatcherTest {

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
			Set<DictionaryMatcher.Hit> actual = new HashSet<>(new DictionaryMatcher(terms, caseSensitive).find(text));
			// duplicate terms: the naive search reports each index, the matcher too
			assertEquals(expected, actual, "terms " + terms + " text '" + text + "' caseSensitive " + caseSensitive);
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
			DictionaryMatcher matcher = new DictionaryMatcher(terms, false, true);
			Set<DictionaryMatcher.Hit> expected = new HashSet<>();
			for (DictionaryMatcher.Hit hit : new DictionaryMatcher(terms, false).find(text)) {
				if ((hit.start() == 0 || !DictionaryMatcher.isWordChar(text.charAt(hit.start() - 1)))
						&& (hit.end() == text.length() || !DictionaryMatcher.isWordChar(text.charAt(hit.end())))) {
					expected.add(hit);
				}
			}
			Set<DictionaryMatcher.Hit> actual = new HashSet<>();
			matcher.findWholeWords(text, (start, end, term) -> actual.add(new DictionaryMatcher.Hit(start, end, term)));
			assertEquals(expected, actual, "terms " + terms + " text '" + text + "'");
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

	private static String randomText(Random random, String alphabet, int length) {
		StringBuilder text = new StringBuilder();
		int[] codePoints = alphabet.codePoints().toArray();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
		}
		return text.toString();
	}
}
