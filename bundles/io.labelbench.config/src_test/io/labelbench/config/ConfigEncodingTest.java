package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs are read in the encoding their byte order mark or XML declaration names, with exact positions. */
class ConfigEncodingTest {

	/** A config with a bad toName on line 3, column 29, and a non-ASCII label to decode right. */
	private static final String BODY = "<View>\n  <Labels name=\"label\"\n    toName=\"text\" extra=\"x\" toName2=\"y\">\n"
			+ "    <Label value=\"Médicament\"/>\n  </Labels>\n  <Text name=\"txt\" value=\"$text\"/>\n</View>\n";

	@TempDir
	Path dir;

	private static byte[] bytes(byte[] prefix, String text, Charset charset) {
		byte[] body = text.getBytes(charset);
		byte[] all = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, all, 0, prefix.length);
		System.arraycopy(body, 0, all, prefix.length, body.length);
		return all;
	}

	private static Diagnostic badToName(List<Diagnostic> diagnostics) {
		return diagnostics.stream().filter(d -> d.message().contains("'text'")).findFirst()
				.orElseThrow(() -> new AssertionError(diagnostics.toString()));
	}

	private void assertReadLikeUtf8(byte[] bytes, int line) throws IOException {
		Path file = Files.write(dir.resolve("labeling-config.xml"), bytes);
		LabelingConfig config = LabelingConfig.read(file);
		assertEquals("Médicament", config.control("label").values().get(0).value());
		List<Diagnostic> diagnostics = new ConfigValidator().validate(config);
		assertTrue(diagnostics.stream().noneMatch(d -> d.code().equals(ConfigEncoding.CODE)), diagnostics.toString());
		List<Diagnostic> utf8 = new ConfigValidator().validate(
				LabelingConfig.parse(new String(bytes(new byte[0], textOf(bytes), StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
		Diagnostic expected = badToName(utf8);
		Diagnostic actual = badToName(diagnostics);
		assertEquals(line, actual.line());
		assertEquals(13, actual.column());
		assertEquals(expected.line(), actual.line());
		assertEquals(expected.column(), actual.column());
	}

	private static String textOf(byte[] bytes) {
		return ConfigEncoding.decode(bytes).text();
	}

	@Test
	void utf16LittleEndianWithByteOrderMark() throws IOException {
		byte[] bytes = bytes(new byte[] { (byte) 0xFF, (byte) 0xFE }, BODY, StandardCharsets.UTF_16LE);
		assertReadLikeUtf8(bytes, 3);
		assertEquals(BODY, textOf(bytes), "the mark is not part of the text, so line 1 columns are right");
	}

	@Test
	void utf16BigEndianWithByteOrderMark() throws IOException {
		assertReadLikeUtf8(bytes(new byte[] { (byte) 0xFE, (byte) 0xFF }, BODY, StandardCharsets.UTF_16BE), 3);
	}

	@Test
	void utf16WithDeclarationAndNoMark() throws IOException {
		String declared = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + BODY;
		assertReadLikeUtf8(bytes(new byte[0], declared, StandardCharsets.UTF_16LE), 4);
		assertReadLikeUtf8(bytes(new byte[0], declared, StandardCharsets.UTF_16BE), 4);
		Diagnostic d = badToName(new ConfigValidator().validate(
				LabelingConfig.decode(bytes(new byte[0], declared, StandardCharsets.UTF_16BE))));
		assertEquals(4, d.line(), "one line more for the declaration");
	}

	@Test
	void declaredSingleByteEncoding() {
		String declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + BODY;
		ConfigEncoding decoded = ConfigEncoding.decode(declared.getBytes(StandardCharsets.ISO_8859_1));
		assertNull(decoded.problem());
		assertEquals(declared, decoded.text());
		assertArrayEquals(declared.getBytes(StandardCharsets.ISO_8859_1), decoded.encode(decoded.text()));
	}

	@Test
	void utf8WithByteOrderMarkIsWrittenBackWithIt() {
		byte[] bytes = bytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, BODY, StandardCharsets.UTF_8);
		ConfigEncoding decoded = ConfigEncoding.decode(bytes);
		assertEquals(BODY, decoded.text());
		assertArrayEquals(bytes, decoded.encode(BODY));
		byte[] utf16 = bytes(new byte[] { (byte) 0xFF, (byte) 0xFE }, BODY, StandardCharsets.UTF_16LE);
		assertArrayEquals(utf16, ConfigEncoding.decode(utf16).encode(BODY));
	}

	@Test
	void invalidUtf8BytesAreAnErrorWithTheirPosition() throws IOException {
		// Latin-1 'é' (0xE9) in a config that declares nothing: not UTF-8
		byte[] bytes = BODY.getBytes(StandardCharsets.ISO_8859_1);
		Path file = Files.write(dir.resolve("labeling-config.xml"), bytes);
		List<Diagnostic> diagnostics = new ConfigValidator().validate(file);
		Diagnostic encoding = diagnostics.stream().filter(d -> d.code().equals(ConfigEncoding.CODE)).findFirst()
				.orElseThrow(() -> new AssertionError(diagnostics.toString()));
		assertTrue(encoding.isError());
		assertEquals(4, encoding.line());
		assertEquals(BODY.split("\n")[3].indexOf('é') + 1, encoding.column());
		assertTrue(encoding.message().contains("0xE9") && encoding.message().contains("UTF-8"), encoding.message());
		// the rest is still validated
		assertEquals(3, badToName(diagnostics).line());
	}

	@Test
	void unknownDeclaredEncodingIsReported() {
		byte[] bytes = ("<?xml version=\"1.0\" encoding=\"X-NOPE-42\"?>\n" + BODY).getBytes(StandardCharsets.UTF_8);
		List<Diagnostic> diagnostics = new ConfigValidator().validate(LabelingConfig.decode(bytes));
		Diagnostic d = diagnostics.stream().filter(x -> x.code().equals(ConfigEncoding.CODE)).findFirst().orElseThrow();
		assertEquals(1, d.line());
		assertEquals("<?xml version=\"1.0\" encoding=\"".length() + 1, d.column());
	}
}
