package io.labelbench.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into sentences, the unit in which assertion scopes and relations are looked for. A sentence ends at
 * a line break, or after '.', '!' or '?' (and closing quotes or brackets) followed by white space and then not a
 * lower-case letter; a period after a common abbreviation ("Dr.", "e.g.", "approx.") or a single letter does not end
 * one, nor does one between digits ("1.5"). Sentences are trimmed of white space; empty ones are left out.
 */
public final class Sentences {

	/** One sentence: {@code [start, end)} in UTF-16 units of the text. */
	public record Sentence(int start, int end) {
		public boolean contains(int from, int to) {
			return start <= from && to <= end;
		}
	}

	private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "e.g",
			"i.e", "eg", "ie", "approx", "fig", "b.i.d", "t.i.d", "q.i.d", "p.o", "q.d",
			"a.m", "p.m");

	private Sentences() {
	}

	public static List<Sentence> of(String text) {
		List<Sentence> sentences = new ArrayList<>();
		int start = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				add(text, start, i, sentences);
				start = i + 1;
			} else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
				int end = i + 1;
				while (end < length && isCloser(text.charAt(end))) {
					end++;
				}
				add(text, start, end, sentences);
				start = end;
				i = end - 1;
			}
		}
		add(text, start, length, sentences);
		return sentences;
	}

	/** The index of the sentence that holds {@code [from, to)}, or -1 when it spans two or lies between them. */
	public static int indexOf(List<Sentence> sentences, int from, int to) {
		// the last sentence starting at or before from
		int low = 0;
		int high = sentences.size() - 1;
		int found = -1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			if (sentences.get(mid).start() <= from) {
				found = mid;
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return found >= 0 && sentences.get(found).contains(from, to) ? found : -1;
	}

	private static boolean endsSentence(String text, int i) {
		int next = i + 1;
		while (next < text.length() && isCloser(text.charAt(next))) {
			next++;
		}
		if (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
			return false; // "1.5", "e.g.,", "www.x.org"
		}
		int after = next;
		while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
			after++;
		}
		if (after < text.length() && Character.isLowerCase(text.charAt(after))) {
			return false;
		}
		if (text.charAt(i) != '.') {
			return true;
		}
		int wordStart = i;
		while (wordStart > 0 && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
			wordStart--;
		}
		String word = text.substring(wordStart, i).toLowerCase(Locale.ROOT);
		return !(word.length() == 1 || ABBREVIATIONS.contains(word));
	}

	private static boolean isCloser(char c) {
		return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019';
	}

	private static void add(String text, int start, int end, List<Sentence> sentences) {
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (start < end) {
			sentences.add(new Sentence(start, end));
		}
	}
}
