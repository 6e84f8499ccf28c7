package io.labelbench.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.labelbench.core.json.TaskFormatException;

/**
 * Reads UTF-8 text and refuses anything else where it starts: the first byte that is not UTF-8 is a
 * {@link TaskFormatException} naming the file, its line and column and its byte offset, instead of a decoder's
 * bare "Input length = 1". A leading byte-order mark is dropped.
 */
final class StrictUtf8Reader extends Reader {

	private final Path file;
	private final InputStream in;
	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
	private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
	/** Bytes the decoder consumed before the current content of {@link #bytes}. */
	private long consumed;
	private long line = 1;
	private long column = 1;
	private boolean endOfInput;
	private boolean started;

	StrictUtf8Reader(Path file, InputStream in) {
		this.file = file;
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!chars.hasRemaining() && !fill()) {
			return -1;
		}
		int n = Math.min(length, chars.remaining());
		chars.get(buffer, offset, n);
		return n;
	}

	/** Decodes more characters; {@code false} at the end of the input. */
	private boolean fill() throws IOException {
		chars.clear();
		try {
			while (chars.position() == 0 && !(endOfInput && !bytes.hasRemaining())) {
				if (!endOfInput) {
					readMore();
				}
				int before = bytes.position();
				CoderResult result = decoder.decode(bytes, chars, endOfInput);
				consumed += bytes.position() - before;
				if (result.isError()) {
					countPositions();
					throw notUtf8(bytes.get(bytes.position()) & 0xFF);
				}
			}
			countPositions();
		} finally {
			chars.flip();
		}
		if (!started && chars.hasRemaining()) {
			started = true;
			if (chars.get(chars.position()) == '\uFEFF') {
				chars.get();
			}
		}
		return chars.hasRemaining() || !(endOfInput && !bytes.hasRemaining()) && fill();
	}

	/** Keeps the bytes not decoded yet (a character cut at the buffer's end) and reads more after them. */
	private void readMore() throws IOException {
		bytes.compact();
		int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n < 0) {
			endOfInput = true;
		} else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	/** Moves line and column over the characters just decoded into {@link #chars} (a byte-order mark is none). */
	private void countPositions() {
		for (int i = 0; i < chars.position(); i++) {
			char c = chars.get(i);
			if (c == '\n') {
				line++;
				column = 1;
			} else if (!Character.isLowSurrogate(c) && !(c == '\uFEFF' && !started && i == 0)) {
				column++;
			}
		}
	}

	private TaskFormatException notUtf8(int badByte) {
		String problem;
		if (consumed == 0 && (badByte == 0xFF || badByte == 0xFE)) {
			problem = "not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8";
		} else {
			problem = String.format("not UTF-8: byte 0x%02X at byte offset %d; save the file as UTF-8", badByte, consumed);
		}
		return new TaskFormatException(file, line, column, problem);
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
