package io.labelbench.server.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelbench.server.nlp.TextPieces.Piece;

class TextPiecesTest {

	/** Every piece is its own slice of the text, in order, within the limit, and only whitespace lies between. */
	private static void assertExactCover(String text, List<Piece> pieces, int max) {
		int previousEnd = 0;
		for (Piece p : pieces) {
			assertEquals(text.substring(p.start(), p.end()), p.text());
			assertTrue(p.end() - p.start() <= max, p + " is longer than " + max);
			assertFalse(p.text().isBlank());
			assertTrue(text.substring(previousEnd, p.start()).isBlank(), "text lost before " + p);
			assertFalse(Character.isLowSurrogate(text.charAt(p.start())), "starts inside a surrogate pair: " + p);
			assertFalse(p.end() < text.length() && Character.isLowSurrogate(text.charAt(p.end())),
					"ends inside a surrogate pair: " + p);
			assertFalse(p.end() < text.length() && text.charAt(p.end() - 1) == '\r' && text.charAt(p.end()) == '\n',
					"ends inside a CR LF: " + p);
			previousEnd = p.end();
		}
		assertTrue(text.substring(previousEnd).isBlank(), "text lost at the end");
	}

	@Test
	void aShortTextIsOnePieceAndABlankTextNone() {
		assertEquals(List.of(new Piece(0, 5, "Hello")), TextPieces.split("Hello", 100));
		assertEquals(List.of(new Piece(2, 9, "aspirin")), TextPieces.split("\r\naspirin \n", 100));
		assertEquals(List.of(), TextPieces.split(" \r\n\t ", 100));
		assertEquals(List.of(), TextPieces.split(null, 100));
	}

	@Test
	void piecesEndAtTheLastSentenceEndThatFits() {
		String text = "😀 Give aspirin 81 mg. Take it daily!\r\n\"Stop on day 3.\" Then rest";
		List<Piece> pieces = TextPieces.split(text, 40);
		assertExactCover(text, pieces, 40);
		assertEquals(List.of("😀 Give aspirin 81 mg. Take it daily!", "\"Stop on day 3.\" Then rest"),
				pieces.stream().map(Piece::text).toList());
		// offsets in UTF-16 units: the emoji counts 2, the CR LF 2
		assertEquals(0, pieces.get(0).start());
		assertEquals(39, pieces.get(1).start());
		assertEquals(text.indexOf("\"Stop"), pieces.get(1).start());
	}

	@Test
	void aBlankLineEndsAPieceAsASentenceEndDoes() {
		String text = "Heading without a stop\r\n\r\nbody text goes on and on";
		List<Piece> pieces = TextPieces.split(text, 40);
		assertExactCover(text, pieces, 40);
		assertEquals("Heading without a stop", pieces.get(0).text());
	}

	@Test
	void aTextWithoutSentenceEndsIsCutAtWhitespaceNeverInsideACrLf() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; b.length() < 5_000; i++) {
			b.append("word").append(i).append(i % 7 == 0 ? "\r\n" : " ");
		}
		String text = b.toString();
		List<Piece> pieces = TextPieces.split(text, 100);
		assertExactCover(text, pieces, 100);
		for (Piece p : pieces) {
			assertTrue(p.text().matches("word\\d+(\\s+word\\d+)*"), "cut inside a word: " + p);
		}
	}

	@Test
	void aTextWithoutAnyWhitespaceIsCutAtTheLimitButNeverInsideASurrogatePair() {
		String text = "a" + "😀".repeat(50); // every limit of an even length falls inside a pair
		List<Piece> pieces = TextPieces.split(text, 10);
		assertExactCover(text, pieces, 10);
		assertEquals(9, pieces.get(0).end());
		assertEquals(text, String.join("", pieces.stream().map(Piece::text).toList()));
	}

	@Test
	void aSentenceEndRightAtTheLimitIsUsed() {
		String first = "Take 81 mg daily.";
		String text = first + " Then more text follows here";
		List<Piece> pieces = TextPieces.split(text, first.length());
		assertEquals(first, pieces.get(0).text());
		assertExactCover(text, pieces, first.length());
		// one character less and the sentence no longer fits: the cut falls back to the last whitespace
		List<Piece> shorter = TextPieces.split(text, first.length() - 1);
		assertEquals("Take 81 mg", shorter.get(0).text());
		assertExactCover(text, shorter, first.length() - 1);
	}

	@Test
	void offsetsOfAPieceShiftBackIntoTheWholeText() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 400; i++) {
			b.append(i % 3 == 0 ? "😀 " : "").append("Give amoxicillin ").append(i).append(" mg PO.")
					.append(i % 5 == 0 ? "\r\n" : " ");
		}
		String text = b.toString();
		List<Piece> pieces = TextPieces.split(text, 500);
		assertTrue(pieces.size() > 10);
		assertExactCover(text, pieces, 500);
		for (Piece p : pieces) {
			assertTrue(p.text().endsWith("PO."), "not cut at a sentence end: " + p);
			int local = p.text().indexOf("amoxicillin");
			assertEquals("amoxicillin", text.substring(p.start() + local, p.start() + local + "amoxicillin".length()));
		}
	}
}
