package io.labelbench.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RuleEngineTest {

	private static List<String> spans(List<RuleMatch> matches) {
		return matches.stream().map(m -> m.label() + "[" + m.start() + "," + m.end() + ")" + m.text()).toList();
	}

	@Test
	void regexAndDictionaryWithCaseWholeWordAndOverlapPolicy() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(
				Rule.dictionary("drugs", "DRUG", List.of("aspirin", "Aspirin C", "pirin"), false, true),
				Rule.regex("strength", "STRENGTH", "\\d+(\\.\\d+)? ?mg", false, true),
				Rule.dictionary("codes", "CODE", List.of("BID"), true, true)));
		String text = "😀 ASPIRIN C 100 mg bid; aspirinX; Aspirin 2.5mg BID";
		assertEquals(List.of("DRUG[3,12)ASPIRIN C", "STRENGTH[13,19)100 mg", "DRUG[35,42)Aspirin",
				"STRENGTH[43,48)2.5mg", "CODE[49,52)BID"), spans(engine.apply(text)));
		for (RuleMatch match : engine.apply(text)) {
			assertEquals(text.substring(match.start(), match.end()), match.text());
		}
	}

	/**
	 * The overlap policy against a plain reference (boxed sort, then first-come greedy, then by start) on many
	 * rules whose candidates nest, overlap, tie across rules and repeat: resolving overlaps with primitive arrays
	 * must keep exactly the same spans.
	 */
	@Test
	void overlapResolutionKeepsWhatThePolicyDescribes() throws RuleException {
		Random random = new Random(11);
		int[] alphabet = "abAB é😀._".codePoints().toArray();
		for (int round = 0; round < 500; round++) {
			List<Rule> rules = new ArrayList<>();
			for (int r = 0; r < 1 + random.nextInt(3); r++) {
				List<String> terms = new ArrayList<>();
				for (int t = 0; t < 1 + random.nextInt(12); t++) {
					terms.add(randomText(random, alphabet, 1 + random.nextInt(5)));
				}
				rules.add(Rule.dictionary("d" + r, "D" + r, terms, random.nextBoolean(), random.nextBoolean()));
			}
			if (random.nextBoolean()) {
				rules.add(random.nextInt(rules.size() + 1), Rule.regex("re", "R", random.nextBoolean() ? "[ab]+" : "b.?a",
						random.nextBoolean(), false));
			}
			String text = randomText(random, alphabet, random.nextInt(120));
			assertEquals(spans(reference(rules, text)), spans(new RuleEngine(rules).apply(text)),
					"rules " + rules + " text '" + text + "'");
		}
	}

	/** Candidates found naively, then the overlap policy applied as the rule engine documents it. */
	private static List<RuleMatch> reference(List<Rule> rules, String text) {
		record Candidate(int start, int end, int order) {
		}
		List<Candidate> candidates = new ArrayList<>();
		for (int order = 0; order < rules.size(); order++) {
			Rule rule = rules.get(order);
			if (rule.type() == Rule.Type.REGEX) {
				Matcher m = Pattern.compile(rule.pattern(), rule.caseSensitive() ? 0
						: Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
				while (m.find()) {
					if (m.start() < m.end()) {
						candidates.add(new Candidate(m.start(), m.end(), order));
					}
				}
				continue;
			}
			String haystack = rule.caseSensitive() ? text : fold(text);
			for (String term : rule.terms()) {
				String needle = rule.caseSensitive() ? term : fold(term);
				for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
					int end = i + needle.length();
					boolean splitsPair = splitsPair(text, i) || splitsPair(text, end);
					boolean wordBounded = (i == 0 || !DictionaryMatcher.isWordChar(text.charAt(i - 1)))
							&& (end == text.length() || !DictionaryMatcher.isWordChar(text.charAt(end)));
					if (rule.wholeWord() ? wordBounded : !splitsPair) {
						candidates.add(new Candidate(i, end, order));
					}
				}
			}
		}
		candidates.sort(Comparator.comparingInt((Candidate c) -> c.start() - c.end()).thenComparingInt(Candidate::start)
				.thenComparingInt(Candidate::order));
		boolean[] taken = new boolean[text.length()];
		List<RuleMatch> kept = new ArrayList<>();
		for (Candidate c : candidates) {
			boolean free = true;
			for (int i = c.start(); i < c.end(); i++) {
				free &= !taken[i];
			}
			if (free) {
				java.util.Arrays.fill(taken, c.start(), c.end(), true);
				Rule rule = rules.get(c.order());
				kept.add(new RuleMatch(c.start(), c.end(), text.substring(c.start(), c.end()), rule.label(), rule.name()));
			}
		}
		kept.sort(Comparator.comparingInt(RuleMatch::start));
		return kept;
	}

	private static boolean splitsPair(String text, int offset) {
		return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
				&& Character.isLowSurrogate(text.charAt(offset));
	}

	private static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = Character.toLowerCase(chars[i]);
		}
		return new String(chars);
	}

	private static String randomText(Random random, int[] codePoints, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
		}
		return text.toString();
	}

	@Test
	void catastrophicRegexIsStoppedWithTheRuleNamed() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(Rule.regex("evil", "X", "((a+)+)\\2$", true, false)));
		long started = System.nanoTime();
		RuleException e = assertThrows(RuleException.class, () -> engine.apply("a".repeat(40) + "!"));
		assertTrue(e.getMessage().startsWith("rule 'evil': the regular expression backtracks too much"), e.getMessage());
		assertTrue(System.nanoTime() - started < 10_000_000_000L, "stopped, not left running (unguarded: ~1 min)");
	}

	@Test
	void deeplyRecursiveRegexOnALongTextIsAClearError() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(Rule.regex("alternation", "X", "(a|b)*c", true, false)));
		RuleException e = assertThrows(RuleException.class, () -> engine.apply("ab".repeat(200_000)));
		assertTrue(e.getMessage().startsWith("rule 'alternation': the regular expression"), e.getMessage());
	}

	@Test
	void invalidRegexIsAClearError() {
		RuleException e = assertThrows(RuleException.class,
				() -> new RuleEngine(List.of(Rule.regex("bad", "X", "(unclosed", true, false))));
		assertTrue(e.getMessage().startsWith("rule 'bad': invalid regular expression: Unclosed group"), e.getMessage());
	}
}
