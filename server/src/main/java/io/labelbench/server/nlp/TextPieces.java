package io.labelbench.server.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into pieces of bounded length for the Spark NLP pipeline, whose time grows faster than the
 * length of one document (a 2 MB text took minutes where the same text in 2 KB pieces took seconds).
 * <p>
 * A piece ends at the last sentence end that fits ({@code . ! ? … 。 ！ ？}, closing quotes or brackets allowed
 * after it, then whitespace) or at a blank line. Only when a whole piece's length holds no sentence end is it cut
 * at the last whitespace, and when it holds no whitespace either, at the length limit, moved back so that it never
 * separates a surrogate pair or a CR LF. Whitespace between pieces belongs to no piece, so no piece is blank and
 * every piece starts and ends with a visible character (except after a hard cut).
 * <p>
 * Offsets are UTF-16 code units: {@code text.substring(p.start(), p.end()).equals(p.text())}, and an offset
 * {@code i} within a piece is {@code p.start() + i} in the text. Spark NLP detects sentences inside a piece, so an
 * entity can only be cut in two where a piece was cut inside a sentence (the whitespace and hard-cut fallbacks);
 * each half is then still an exact span of the text.
 */
public final class TextPieces {

	/** Pieces of at most this many UTF-16 units: about a page, well below where the pipeline slows down. */
	public static final int DEFAULT_MAX_LENGTH = 4_000;

	private static final String SENTENCE_ENDS = ".!?…。！？";
	private static final String CLOSERS = "\"')]}»”’」』";

	/** {@code text} is {@code [start, end)} of the whole text. */
	public record Piece(int start, int end, String text) {
	}

	private TextPieces() {
	}

	/** The pieces of {@code text}, in order; none for a null or blank text. */
	public static List<Piece> split(String text, int maxLength) {
		if (maxLength < 2) {
			throw new IllegalArgumentException("pieces need at least 2 characters, not " + maxLength);
		}
		List<Piece> pieces = new ArrayList<>();
		if (text == null) {
			return pieces;
		}
		int length = text.length();
		int pos = skipWhitespace(text, 0);
		while (pos < length) {
			int end;
			if (length - pos <= maxLength) {
				end = trimEnd(text, pos, length);
			} else {
				end = cut(text, pos, pos + maxLength);
			}
			pieces.add(new Piece(pos, end, text.substring(pos, end)));
			pos = skipWhitespace(text, end);
		}
		return pieces;
	}

	/** Where the piece starting at {@code pos} ends, at most at {@code limit} (which is inside the text). */
	private static int cut(String text, int pos, int limit) {
		int lastSentenceEnd = -1;
		int lastWordEnd = -1;
		// a candidate end i has whitespace at i and a visible character before it
		for (int i = pos + 1; i <= limit; i++) {
			if (!Character.isWhitespace(text.charAt(i)) || Character.isWhitespace(text.charAt(i - 1))) {
				continue;
			}
			lastWordEnd = i;
			if (endsSentence(text, pos, i) || blankLineAt(text, i)) {
				lastSentenceEnd = i;
			}
		}
		if (lastSentenceEnd > pos) {
			return lastSentenceEnd;
		}
		if (lastWordEnd > pos) {
			return lastWordEnd;
		}
		int end = limit;
		if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		if (text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
			end--;
		}
		return end;
	}

	/** The text before {@code i} ends with a sentence-ending mark, possibly followed by closing quotes. */
	private static boolean endsSentence(String text, int pos, int i) {
		int j = i - 1;
		while (j > pos && CLOSERS.indexOf(text.charAt(j)) >= 0) {
			j--;
		}
		return SENTENCE_ENDS.indexOf(text.charAt(j)) >= 0;
	}

	/** The whitespace starting at {@code i} holds two line breaks (a CR LF counts once). */
	private static boolean blankLineAt(String text, int i) {
		int breaks = 0;
		for (int k = i; k < text.length() && Character.isWhitespace(text.charAt(k)); k++) {
			char c = text.charAt(k);
			if (c == '\n' || c == '\r' && (k + 1 >= text.length() || text.charAt(k + 1) != '\n')) {
				if (++breaks == 2) {
					return true;
				}
			}
		}
		return false;
	}

	private static int skipWhitespace(String text, int i) {
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int trimEnd(String text, int start, int end) {
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return end;
	}
}
