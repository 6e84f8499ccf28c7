package io.labelbench.project.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into CoNLL tokens with BIO tags so that every entity boundary is a token boundary: runs of letters and
 * digits are tokens, every other visible character is a token of its own, and a run is also cut where an entity
 * starts or ends inside it. Sentences end after ".", "?" or "!" outside an entity.
 */
final class ConllTokens {
	private ConllTokens() {
	}

	/** An entity of the text: UTF-16 offsets, end exclusive. */
	record Span(int start, int end, String label) {
	}

	record Token(String text, String tag) {
	}

	/** The sentences of {@code text}, each a list of tagged tokens; {@code spans} must not overlap. */
	static List<List<Token>> sentences(String text, List<Span> spans) {
		String[] tags = new String[text.length()];
		boolean[] cut = new boolean[text.length() + 1];
		for (Span span : spans) {
			for (int i = span.start(); i < span.end(); i++) {
				tags[i] = (i == span.start() ? "B-" : "I-") + span.label();
			}
			cut[span.start()] = true;
			cut[span.end()] = true;
		}
		List<List<Token>> sentences = new ArrayList<>();
		List<Token> sentence = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				i++;
				continue;
			}
			int end = i + 1;
			if (Character.isLetterOrDigit(c)) {
				while (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && !cut[end]) {
					end++;
				}
			} else if (Character.isHighSurrogate(c) && end < text.length()) {
				end++;
			}
			String tag = tags[i] == null ? "O" : tags[i].startsWith("I-") && cut[i] ? "B-" + tags[i].substring(2)
					: tags[i];
			sentence.add(new Token(text.substring(i, end), tag));
			boolean stop = (c == '.' || c == '?' || c == '!') && end - i == 1 && tag.equals("O");
			if (stop) {
				sentences.add(sentence);
				sentence = new ArrayList<>();
			}
			i = end;
		}
		if (!sentence.isEmpty()) {
			sentences.add(sentence);
		}
		return sentences;
	}
}
