package io.labelbench.prompts.llm;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the strings an LLM returned in the text it was given, for exact offsets: the model returns words, never
 * offsets it could get right.
 * <p>
 * <b>Repeated strings: every occurrence.</b> A string the model returns labels each place it stands in the text as
 * a whole word, however often the model repeated it: annotators label every mention of an entity, models list a
 * repeated mention once or as often as they please, and a rule that depended on the count would make the result
 * depend on that whim. A string is matched case-sensitively when it occurs so, else ignoring case (models
 * capitalise); a run of white space in it matches any run of white space (models turn line breaks into spaces).
 * A string that is nowhere in the text is invented and is dropped.
 */
final class TextLocator {

	/** Scripts written without spaces between words: there a match needs no word boundary. */
	private static final Set<UnicodeScript> UNSPACED = Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
			UnicodeScript.KATAKANA, UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR);

	private TextLocator() {
	}

	/** The {@code [start, end)} of every whole-word occurrence of the phrase in the text, in text order. */
	static List<int[]> occurrences(String text, String phrase) {
		String p = phrase.strip();
		if (p.isEmpty()) {
			return List.of();
		}
		StringBuilder regex = new StringBuilder();
		for (String word : p.split("\\s+")) {
			regex.append(regex.length() == 0 ? "" : "\\s+").append(Pattern.quote(word));
		}
		List<int[]> found = find(text, Pattern.compile(regex.toString()));
		return found.isEmpty()
				? find(text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
				: found;
	}

	private static List<int[]> find(String text, Pattern pattern) {
		List<int[]> out = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		int from = 0;
		while (from <= text.length() && m.find(from)) {
			if (wholeWord(text, m.start(), m.end())) {
				out.add(new int[] { m.start(), m.end() });
				from = m.end();
			} else {
				from = m.start() + Character.charCount(text.codePointAt(m.start()));
			}
		}
		return out;
	}

	private static boolean wholeWord(String text, int start, int end) {
		boolean startOk = start == 0 || !(wordChar(text.codePointBefore(start)) && wordChar(text.codePointAt(start)));
		boolean endOk = end == text.length() || !(wordChar(text.codePointBefore(end)) && wordChar(text.codePointAt(end)));
		return startOk && endOk;
	}

	private static boolean wordChar(int codePoint) {
		return Character.isLetterOrDigit(codePoint) && !UNSPACED.contains(UnicodeScript.of(codePoint));
	}
}
