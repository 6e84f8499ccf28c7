package io.labelbench.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding of a labeling config as XML defines it: a byte order mark, else the byte pattern of
 * {@code <?xml} (UTF-16 without a mark), else the declaration's {@code encoding}, else UTF-8. Decoding never
 * throws: bytes that are not valid in the encoding become U+FFFD and the first of them is reported with the
 * line and column where it sits, so a bad file is an error that names its position, not an exception.
 *
 * @param text the decoded text without the byte order mark
 * @param charset the encoding the text was read with, and is to be written back with
 * @param byteOrderMark whether the file started with a byte order mark (written back when saving)
 * @param problem the first undecodable byte sequence or unknown declared encoding, or {@code null}
 */
public record ConfigEncoding(String text, Charset charset, boolean byteOrderMark, Problem problem) {

	public static final String CODE = "xml.encoding";

	/** What went wrong, at which offset of {@link ConfigEncoding#text}. */
	public record Problem(String message, int offset, int length) {
	}

	private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

	public static ConfigEncoding decode(byte[] bytes) {
		int bomLength = 0;
		Charset charset = null;
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			charset = StandardCharsets.UTF_8;
			bomLength = 3;
		} else if (startsWith(bytes, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			bomLength = 2;
		} else if (startsWith(bytes, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			bomLength = 2;
		} else if (startsWith(bytes, 0x00, '<', 0x00, '?')) {
			charset = StandardCharsets.UTF_16BE;
		} else if (startsWith(bytes, '<', 0x00, '?', 0x00)) {
			charset = StandardCharsets.UTF_16LE;
		}
		String unknown = null;
		if (charset == null) {
			charset = StandardCharsets.UTF_8;
			// the declaration itself is ASCII in every encoding that can have one here
			String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
			Matcher m = DECLARED.matcher(head);
			if (m.find()) {
				String name = m.group(1);
				try {
					Charset declared = Charset.forName(name);
					// UTF-16 declared, but the bytes are not UTF-16 (no mark, no pattern): trust the bytes
					if (!declared.name().startsWith("UTF-16") && !declared.name().startsWith("UTF-32")) {
						charset = declared;
					}
				} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
					unknown = name;
				}
			}
		}
		ConfigEncoding decoded = decode(bytes, bomLength, charset, bomLength > 0);
		if (unknown != null && decoded.problem == null) {
			int at = decoded.text.indexOf(unknown);
			return new ConfigEncoding(decoded.text, charset, false, new Problem(
					"unknown encoding \"" + unknown + "\" in the XML declaration: read as UTF-8", Math.max(0, at), unknown.length()));
		}
		return decoded;
	}

	/** The text in this file's encoding, with its byte order mark when it had one. */
	public byte[] encode(String newText) {
		try {
			ByteBuffer body = charset.newEncoder().encode(CharBuffer.wrap(newText));
			byte[] bom = !byteOrderMark ? new byte[0]
					: charset.equals(StandardCharsets.UTF_8) ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }
					: charset.equals(StandardCharsets.UTF_16BE) ? new byte[] { (byte) 0xFE, (byte) 0xFF }
					: new byte[] { (byte) 0xFF, (byte) 0xFE };
			byte[] out = new byte[bom.length + body.remaining()];
			System.arraycopy(bom, 0, out, 0, bom.length);
			body.get(out, bom.length, out.length - bom.length);
			return out;
		} catch (CharacterCodingException e) {
			// a character the declared encoding cannot hold: never write a lossy file
			throw new IllegalArgumentException("the config contains characters that " + charset.name()
					+ " cannot encode: change its encoding declaration to UTF-8", e);
		}
	}

	private static ConfigEncoding decode(byte[] bytes, int from, Charset charset, boolean bom) {
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
		CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
		Problem problem = null;
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isUnderflow()) {
				break;
			}
			if (result.isOverflow()) {
				out = grow(out);
				continue;
			}
			if (problem == null) {
				StringBuilder hex = new StringBuilder();
				for (int k = 0; k < result.length(); k++) {
					hex.append(k == 0 ? "" : " ").append(String.format("0x%02X", bytes[in.position() + k] & 0xFF));
				}
				problem = new Problem((result.length() == 1 ? "byte " : "bytes ") + hex + " at byte offset "
						+ in.position() + (result.length() == 1 ? " is" : " are") + " not valid " + charset.name()
						+ (charset.equals(StandardCharsets.UTF_8) && !bom
								? " (a config without a byte order mark or an encoding declaration is read as UTF-8)"
								: ""),
						out.position(), 1);
			}
			in.position(in.position() + result.length());
			if (!out.hasRemaining()) {
				out = grow(out);
			}
			out.put('\uFFFD');
		}
		while (decoder.flush(out).isOverflow()) {
			out = grow(out);
		}
		out.flip();
		return new ConfigEncoding(out.toString(), charset, bom, problem);
	}

	private static CharBuffer grow(CharBuffer full) {
		CharBuffer bigger = CharBuffer.allocate(full.capacity() * 2 + 16);
		full.flip();
		return bigger.put(full);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int k = 0; k < prefix.length; k++) {
			if ((bytes[k] & 0xFF) != prefix[k]) {
				return false;
			}
		}
		return true;
	}
}
