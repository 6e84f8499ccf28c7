package io.labelbench.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs a set of rules over texts. Overlap policy: where matches overlap, the longest wins, then the one that
 * starts first, then the rule listed first; the result never has two overlapping spans. A regex that reads
 * more than {@link #STEPS_PER_CHAR} characters per character of text (catastrophic backtracking) is stopped
 * with a {@link RuleException} naming the rule. Only regex and dictionary rules find spans: assertion and relation
 * rules in the list are left to {@link NegexAssertions} and {@link RelationRules}.
 */
public final class RuleEngine {

	static final long STEPS_PER_CHAR = 1_000;
	static final long MIN_STEPS = 1_000_000;

	private record Compiled(Rule rule, int order, Pattern pattern, DictionaryMatcher dictionary) {
	}

	private final List<Compiled> compiled = new ArrayList<>();

	public RuleEngine(List<Rule> rules) throws RuleException {
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (!rule.type().findsSpans()) {
				continue;
			}
			if (rule.type() == Rule.Type.REGEX) {
				try {
					int flags = rule.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
					compiled.add(new Compiled(rule, compiled.size(), Pattern.compile(rule.pattern(), flags), null));
				} catch (PatternSyntaxException e) {
					throw new RuleException("rule '" + rule.name() + "': invalid regular expression: "
							+ e.getDescription() + " near index " + e.getIndex());
				}
			} else {
				compiled.add(new Compiled(rule, compiled.size(), null, new DictionaryMatcher(rule.terms(), rule.caseSensitive(), rule.wholeWord())));
			}
		}
	}

	public List<RuleMatch> apply(String text) throws RuleException {
		Spans spans = new Spans();
		for (Compiled c : compiled) {
			if (c.pattern != null) {
				regexMatches(c, text, spans);
			} else if (c.rule.wholeWord()) {
				// word boundaries are already checked by the matcher
				c.dictionary.findWholeWords(text, (start, end, term) -> spans.add(start, end, c.order));
			} else {
				c.dictionary.find(text, (start, end, term) -> add(c, text, start, end, spans));
			}
		}
		if (spans.inOrderWithoutOverlaps()) {
			// one rule whose terms do not nest: nothing to choose between
			List<RuleMatch> kept = new ArrayList<>(spans.size);
			for (int k = 0; k < spans.size; k++) {
				kept.add(match(text, spans, k));
			}
			return kept;
		}
		return resolveOverlaps(text, spans);
	}

	/**
	 * The overlap policy: candidates in order of priority, each kept when none of its characters is taken yet.
	 * With a large dictionary almost every text has nested hits ("new" inside "new york"), so this runs for
	 * nearly every text: primitive arrays only, no boxed indices or comparator chains.
	 */
	private List<RuleMatch> resolveOverlaps(String text, Spans spans) {
		boolean[] taken = new boolean[text.length()];
		// kept spans as (start << 32 | index): they are non-empty and do not overlap, so their starts differ and
		// sorting these longs puts them in text order
		long[] kept = new long[spans.size];
		int keptCount = 0;
		for (int k : spans.byPriority()) {
			int start = spans.start(k);
			int end = spans.end(k);
			int i = start;
			while (i < end && !taken[i]) {
				i++;
			}
			if (i == end) {
				Arrays.fill(taken, start, end, true);
				kept[keptCount++] = (long) start << 32 | k;
			}
		}
		Arrays.sort(kept, 0, keptCount);
		List<RuleMatch> matches = new ArrayList<>(keptCount);
		for (int m = 0; m < keptCount; m++) {
			matches.add(match(text, spans, (int) kept[m]));
		}
		return matches;
	}

	private RuleMatch match(String text, Spans spans, int k) {
		Rule rule = compiled.get(spans.order(k)).rule;
		return new RuleMatch(spans.start(k), spans.end(k), text.substring(spans.start(k), spans.end(k)), rule.label(),
				rule.name());
	}

	/** Candidate spans (start, end, rule order) in one growing int array: no object per hit. */
	private static final class Spans {
		private int[] values = new int[3 * 32];
		private int size;

		void add(int start, int end, int order) {
			if (3 * size == values.length) {
				values = Arrays.copyOf(values, values.length * 2);
			}
			values[3 * size] = start;
			values[3 * size + 1] = end;
			values[3 * size + 2] = order;
			size++;
		}

		int start(int k) {
			return values[3 * k];
		}

		int end(int k) {
			return values[3 * k + 1];
		}

		int order(int k) {
			return values[3 * k + 2];
		}

		/**
		 * The indices by priority: longest first, then the one that starts first, then the rule listed first. A
		 * stable bottom-up merge sort of plain ints; equal spans keep the order they were found in.
		 */
		int[] byPriority() {
			int[] sorted = new int[size];
			for (int k = 0; k < size; k++) {
				sorted[k] = k;
			}
			int[] merged = new int[size];
			for (int width = 1; width < size; width *= 2) {
				for (int low = 0; low < size; low += 2 * width) {
					int middle = Math.min(low + width, size);
					int high = Math.min(low + 2 * width, size);
					int left = low;
					int right = middle;
					int out = low;
					while (left < middle && right < high) {
						merged[out++] = before(sorted[right], sorted[left]) ? sorted[right++] : sorted[left++];
					}
					while (left < middle) {
						merged[out++] = sorted[left++];
					}
					while (right < high) {
						merged[out++] = sorted[right++];
					}
				}
				int[] swap = sorted;
				sorted = merged;
				merged = swap;
			}
			return sorted;
		}

		/** Span j has strictly higher priority than span k. */
		private boolean before(int j, int k) {
			int lengthJ = end(j) - start(j);
			int lengthK = end(k) - start(k);
			if (lengthJ != lengthK) {
				return lengthJ > lengthK;
			}
			if (start(j) != start(k)) {
				return start(j) < start(k);
			}
			return order(j) < order(k);
		}

		boolean inOrderWithoutOverlaps() {
			int end = 0;
			for (int k = 0; k < size; k++) {
				if (start(k) < end) {
					return false;
				}
				end = end(k);
			}
			return true;
		}
	}

	private static void regexMatches(Compiled c, String text, Spans candidates) throws RuleException {
		long budget = Math.max(MIN_STEPS, STEPS_PER_CHAR * text.length());
		Matcher matcher = c.pattern.matcher(new GuardedText(text, budget));
		try {
			while (matcher.find()) {
				add(c, text, matcher.start(), matcher.end(), candidates);
			}
		} catch (GuardedText.BudgetExceeded e) {
			throw new RuleException("rule '" + c.rule.name() + "': the regular expression backtracks too much (stopped"
					+ " after " + budget + " steps on a text of " + text.length() + " characters); simplify the pattern,"
					+ " e.g. avoid nested quantifiers such as (a+)+");
		} catch (StackOverflowError e) {
			throw new RuleException("rule '" + c.rule.name() + "': the regular expression recurses too deeply on a text"
					+ " of " + text.length() + " characters; use possessive or lazy quantifiers, e.g. (?:a|b)*+");
		}
	}

	private static void add(Compiled c, String text, int start, int end, Spans candidates) {
		if (start >= end || splitsPair(text, start) || splitsPair(text, end)) {
			return;
		}
		if (c.rule.wholeWord() && !(isBoundary(text, start) && isBoundary(text, end))) {
			return;
		}
		candidates.add(start, end, c.order);
	}

	/** A word boundary: not between two word characters (letters, marks, digits, underscore). */
	private static boolean isBoundary(String text, int offset) {
		if (offset == 0 || offset == text.length()) {
			return true;
		}
		return !(isWord(text.codePointBefore(offset)) && isWord(text.codePointAt(offset)));
	}

	private static boolean isWord(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
				|| Character.getType(codePoint) == Character.COMBINING_SPACING_MARK || codePoint == '_';
	}

	private static boolean splitsPair(String text, int offset) {
		return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
				&& Character.isLowSurrogate(text.charAt(offset));
	}
}
