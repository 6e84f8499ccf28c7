package io.labelbench.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a stretch of text, as assertion and relation rules count them: a word is a maximal run of letters,
 * digits and combining marks; every other character that is not white space is a token of its own ("r/o" is three
 * tokens, "1.5" three). Windows and distances count words only, so punctuation neither widens nor narrows them.
 */
public final class Tokens {

	/** One token: {@code [start, end)} in UTF-16 units of the text, lower-cased for matching. */
	public record Token(int start, int end, String text, boolean word) {
	}

	private final List<Token> tokens;
	/** wordsBefore[k]: how many of tokens 0 … k-1 are words. */
	private final int[] wordsBefore;

	private Tokens(List<Token> tokens) {
		this.tokens = tokens;
		wordsBefore = new int[tokens.size() + 1];
		for (int k = 0; k < tokens.size(); k++) {
			wordsBefore[k + 1] = wordsBefore[k] + (tokens.get(k).word() ? 1 : 0);
		}
	}

	/** The tokens of {@code text[start, end)}. */
	public static Tokens of(CharSequence text, int start, int end) {
		List<Token> tokens = new ArrayList<>();
		int i = start;
		while (i < end) {
			int c = Character.codePointAt(text, i);
			int next = i + Character.charCount(c);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				i = next;
				continue;
			}
			if (isWordChar(c)) {
				int j = next;
				while (j < end && isWordChar(Character.codePointAt(text, j))) {
					j += Character.charCount(Character.codePointAt(text, j));
				}
				tokens.add(new Token(i, j, text.subSequence(i, j).toString().toLowerCase(Locale.ROOT), true));
				i = j;
			} else {
				tokens.add(new Token(i, next, text.subSequence(i, next).toString(), false));
				i = next;
			}
		}
		return new Tokens(tokens);
	}

	/** The tokens of a whole text. */
	public static Tokens of(CharSequence text) {
		return of(text, 0, text.length());
	}

	public List<Token> list() {
		return tokens;
	}

	public int size() {
		return tokens.size();
	}

	public Token get(int k) {
		return tokens.get(k);
	}

	/** The index of the first token that ends after {@code offset} (the token at or after it); size() if none. */
	public int indexAt(int offset) {
		int low = 0;
		int high = tokens.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (tokens.get(mid).end() <= offset) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return low;
	}

	/** The number of words lying wholly inside {@code [from, to)}. */
	public int wordsBetween(int from, int to) {
		if (to <= from) {
			return 0;
		}
		int first = indexAt(from);
		if (first < tokens.size() && tokens.get(first).start() < from) {
			first++; // a token cut by from is not between
		}
		int last = indexAt(to); // first token ending after to: not wholly inside
		return Math.max(0, wordsBefore[last] - wordsBefore[Math.min(first, last)]);
	}

	static boolean isWordChar(int c) {
		int type = Character.getType(c);
		return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}
}
