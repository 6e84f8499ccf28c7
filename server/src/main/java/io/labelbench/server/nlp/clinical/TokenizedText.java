package io.labelbench.server.nlp.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.labelbench.rules.engine.Entity;

/**
 * A text cut into tokens and sentences, and its entities mapped onto them: what the assertion and relation
 * features are computed from, in training and in the server alike. No Spark: it runs per text in the server's
 * request thread.
 * <p>
 * Tokens are runs of letters and digits (joined by inner ".", "'", "-", so "2.5", "X-ray", "p.o" stay whole) or
 * single other characters. A sentence ends after ".", "!" or "?" followed by a capital, a digit or the end of the
 * text, and at every line break.
 */
public final class TokenizedText {

	/** A token: {@code [start, end)} in UTF-16 units, its lower-cased text, its sentence. */
	public record Token(int start, int end, String lower, int sentence) {
	}

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-][\\p{L}\\p{N}]+)*|\\S");
	private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "vs", "e.g", "i.e", "approx",
			"st");

	private final String text;
	private final List<Token> tokens;

	private TokenizedText(String text, List<Token> tokens) {
		this.text = text;
		this.tokens = tokens;
	}

	public static TokenizedText of(String text) {
		List<Token> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		int sentence = 0;
		int previousEnd = 0;
		boolean endAfterPrevious = false;
		while (m.find()) {
			String word = m.group();
			boolean lineBreak = text.substring(previousEnd, m.start()).indexOf('\n') >= 0;
			if (!tokens.isEmpty() && (lineBreak || endAfterPrevious && startsSentence(word))) {
				sentence++;
			}
			tokens.add(new Token(m.start(), m.end(), word.toLowerCase(Locale.ROOT), sentence));
			endAfterPrevious = endsSentence(tokens);
			previousEnd = m.end();
		}
		return new TokenizedText(text, List.copyOf(tokens));
	}

	private static boolean endsSentence(List<Token> tokens) {
		String last = tokens.get(tokens.size() - 1).lower();
		if (!(last.equals(".") || last.equals("!") || last.equals("?"))) {
			return false;
		}
		// "Dr. Smith", "e.g. Aspirin": the full stop of an abbreviation does not end the sentence
		return !last.equals(".") || tokens.size() < 2 || !ABBREVIATIONS.contains(tokens.get(tokens.size() - 2).lower());
	}

	private static boolean startsSentence(String word) {
		int c = word.codePointAt(0);
		return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '(' || c == '-' || c == '•';
	}

	public String text() {
		return text;
	}

	public List<Token> tokens() {
		return tokens;
	}

	/**
	 * The tokens an entity covers, {@code [first, last + 1)}; an entity inside one token covers that token. Null for
	 * an entity that covers no token (only spaces, or beyond the text).
	 */
	public int[] tokenSpan(Entity entity) {
		int first = -1;
		int last = -1;
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			boolean overlaps = t.start() < entity.end() && entity.start() < t.end()
					|| entity.start() == entity.end() && t.start() <= entity.start() && entity.start() < t.end();
			if (overlaps) {
				if (first < 0) {
					first = i;
				}
				last = i;
			} else if (t.start() >= entity.end() && first >= 0) {
				break;
			}
		}
		return first < 0 ? null : new int[] { first, last + 1 };
	}
}
