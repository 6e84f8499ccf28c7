package io.labelbench.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs a set of rules over texts. Overlap policy: where matches overlap, the longest wins, then the one that
 * starts first, then the rule listed first; the result never has two overlapping spans. A regex that reads
 * more than {@link #STEPS_PER_CHAR} characters per character of text (catastrophic backtracking) is stopped
 * with a {@link RuleException} naming the rule.
 */
public final class RuleEngine {

	static final long STEPS_PER_CHAR = 1_000;
	static final long MIN_STEPS = 1_000_000;

	private record Compiled(Rule rule, int order, Pattern pattern, DictionaryMatcher dictionary) {
	}

	private record Candidate(RuleMatch match, int order) {
	}

	private final List<Compiled> compiled = new ArrayList<>();

	public RuleEngine(List<Rule> rules) throws RuleException {
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (rule.type() == Rule.Type.REGEX) {
				try {
					int flags = rule.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
					compiled.add(new Compiled(rule, i, Pattern.compile(rule.pattern(), flags), null));
				} catch (PatternSyntaxException e) {
					throw new RuleException("rule '" + rule.name() + "': invalid regular expression: "
							+ e.getDescription() + " near index " + e.getIndex());
				}
			} else {
				compiled.add(new Compiled(rule, i, null, new DictionaryMatcher(rule.terms(), rule.caseSensitive(), rule.wholeWord())));
			}
		}
	}

	public List<RuleMatch> apply(String text) throws RuleException {
		List<Candidate> candidates = new ArrayList<>();
		for (Compiled c : compiled) {
			if (c.pattern != null) {
				regexMatches(c, text, candidates);
			} else {
				if (c.rule.wholeWord()) {
					// word boundaries are already checked by the matcher
					c.dictionary.findWholeWords(text, (start, end, term) -> candidates.add(candidate(c, text, start, end)));
				} else {
					c.dictionary.find(text, (start, end, term) -> add(c, text, start, end, candidates));
				}
			}
		}
		candidates.sort(Comparator.comparingInt((Candidate k) -> k.match.start() - k.match.end())
				.thenComparingInt(k -> k.match.start()).thenComparingInt(Candidate::order));
		List<RuleMatch> kept = new ArrayList<>();
		boolean[] taken = new boolean[text.length()];
		for (Candidate candidate : candidates) {
			RuleMatch match = candidate.match;
			boolean free = true;
			for (int i = match.start(); i < match.end() && free; i++) {
				free = !taken[i];
			}
			if (free) {
				for (int i = match.start(); i < match.end(); i++) {
					taken[i] = true;
				}
				kept.add(match);
			}
		}
		kept.sort(Comparator.comparingInt(RuleMatch::start));
		return kept;
	}

	private static void regexMatches(Compiled c, String text, List<Candidate> candidates) throws RuleException {
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

	private static void add(Compiled c, String text, int start, int end, List<Candidate> candidates) {
		if (start >= end || splitsPair(text, start) || splitsPair(text, end)) {
			return;
		}
		if (c.rule.wholeWord() && !(isBoundary(text, start) && isBoundary(text, end))) {
			return;
		}
		candidates.add(candidate(c, text, start, end));
	}

	private static Candidate candidate(Compiled c, String text, int start, int end) {
		return new Candidate(new RuleMatch(start, end, text.substring(start, end), c.rule.label(), c.rule.name()), c.order);
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
