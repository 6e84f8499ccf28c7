package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * 10,000 configs mutated with a fixed seed (characters and tags deleted, duplicated, swapped, markup
 * characters inserted): the validator must never throw, never spend a second on one input, and keep every
 * range inside the text with line and column matching the offset.
 */
class FuzzTest {

	private static final String[] INSERTS = { "<", ">", "/", "\"", "'", "&", "&amp;", "&e;", "<!--", "-->", "=",
			"<!DOCTYPE x [<!ENTITY e \"y\">]>", "&#xFFFFFFFFFF;", "&#+5;", "&#x1F600;", "<![CDATA[", "]]>", "<?", "?>", "$", ",", "\u0000", "\uD800", "\n",
			"\r", " ", "</View>", "<Label value=\"DRUG\"/>", "model=\"m6\"", "hotkey=\"a\"" };

	@Test
	void tenThousandMutantsNeverBreakTheValidator() {
		Random random = new Random(20261124);
		List<String> seeds = new ArrayList<>(RealConfigsTest.ALL.values());
		seeds.add(Configs.NER);
		ModelInfo hub = ModelInfo.of(Map.of("ner_posology", new ModelInfo.Model(Set.of("B-DRUG", "B-DOSAGE"), "glove"),
				"m6", new ModelInfo.Model(Set.of("X"), "bert", 100)));
		ConfigValidator validator = new ConfigValidator(hub, Map.of("Gone", 3), false);
		long slowest = 0;
		for (int round = 0; round < 10_000; round++) {
			String text = mutate(seeds.get(random.nextInt(seeds.size())), random, 1 + random.nextInt(8));
			long start = System.nanoTime();
			List<Diagnostic> found;
			try {
				found = validator.validate(text);
			} catch (RuntimeException | StackOverflowError e) {
				throw new AssertionError("threw on mutant " + round + ":\n" + text, e);
			}
			long nanos = System.nanoTime() - start;
			slowest = Math.max(slowest, nanos);
			if (nanos > 1_000_000_000L) {
				fail("took " + nanos / 1_000_000 + " ms on mutant " + round + ":\n" + printable(text));
			}
			for (Diagnostic d : found) {
				assertTrue(d.startOffset() >= 0 && d.startOffset() <= d.endOffset() && d.endOffset() <= text.length(),
						() -> d + " outside of:\n" + text);
				String before = text.substring(0, d.startOffset());
				int lines = 1;
				int lineStart = 0;
				for (int i = 0; i < before.length(); i++) {
					char c = before.charAt(i);
					if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
						lines++;
						lineStart = i + 1;
					}
				}
				assertEquals(lines, d.line(), () -> d + " in:\n" + text);
				assertEquals(d.startOffset() - lineStart + 1, d.column(), () -> d + " in:\n" + text);
			}
			// the editor merges labels into configs as typed; it must either work or refuse cleanly
			try {
				String merged = PredefinedLabels.merge(text, "label", "ner_posology", List.of("DRUG", "NEW"));
				assertTrue(merged.length() >= text.length());
			} catch (IllegalArgumentException refused) {
				// malformed or no Text to bind to: refused with a message
				assertTrue(refused.getMessage() != null);
			}
		}
		assertTrue(slowest < 1_000_000_000L);
	}

	/**
	 * The parser agrees with the JDK's XML parser on which mutants are well-formed, so a config the editor
	 * calls clean is one Label Studio's XML parser accepts, and every broken one gets an XML diagnostic.
	 */
	@Test
	void wellFormednessAgreesWithJaxp() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		// the reference parser must not process DTDs either: it would then accept what we refuse, and fetch
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(null);
		Random random = new Random(7);
		List<String> seeds = new ArrayList<>(RealConfigsTest.ALL.values());
		List<String> disagreements = new ArrayList<>();
		for (int round = 0; round < 3000; round++) {
			String text = mutate(seeds.get(random.nextInt(seeds.size())), random, 1 + random.nextInt(3));
			boolean jaxp;
			int jaxpLine = -1;
			try {
				builder.parse(new InputSource(new StringReader(text)));
				jaxp = true;
			} catch (SAXException e) {
				// Xerces also fails with internal states ("Scanner State 24 not Recognized") on some inputs
				jaxp = false;
				jaxpLine = e instanceof SAXParseException p ? p.getLineNumber() : -1;
				builder.reset();
			}
			List<Diagnostic> found = LabelingConfig.parse(text).parseDiagnostics();
			boolean ours = found.stream().noneMatch(Diagnostic::isError);
			// the first finding is never after the line where the reference parser gave up: it is the fault
			// itself or the unclosed tag that causes it
			if (!jaxp && !ours && jaxpLine > 0 && found.get(0).line() > jaxpLine && disagreements.size() < 5) {
				disagreements.add("JAXP fails at line " + jaxpLine + ", we first report " + found.get(0) + ":\n"
						+ printable(text));
			}
			if (jaxp != ours && disagreements.size() < 5) {
				disagreements.add((jaxp ? "JAXP accepts, we refuse " + LabelingConfig.parse(text).parseDiagnostics()
						: "JAXP refuses, we accept") + ":\n" + printable(text));
			}
		}
		assertEquals(List.of(), disagreements);
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach(c -> out.append(c < 0x20 && c != '\n' || c >= 0xD800 && c < 0xE000
				? String.format("\\u%04X", c) : String.valueOf((char) c)));
		return out.toString();
	}

	private static String mutate(String seed, Random random, int mutations) {
		StringBuilder text = new StringBuilder(seed);
		for (int m = 0; m < mutations && text.length() > 0; m++) {
			int at = random.nextInt(text.length());
			switch (random.nextInt(7)) {
			case 0 -> text.deleteCharAt(at);
			case 1 -> text.insert(at, text.charAt(at));
			case 2 -> {
				int other = random.nextInt(text.length());
				char c = text.charAt(at);
				text.setCharAt(at, text.charAt(other));
				text.setCharAt(other, c);
			}
			case 3 -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
			case 4 -> { // delete a whole tag
				int open = text.lastIndexOf("<", at);
				int close = open < 0 ? -1 : text.indexOf(">", open);
				if (open >= 0 && close > open) {
					text.delete(open, close + 1);
				}
			}
			case 5 -> { // duplicate a whole tag somewhere else
				int open = text.lastIndexOf("<", at);
				int close = open < 0 ? -1 : text.indexOf(">", open);
				if (open >= 0 && close > open) {
					String tag = text.substring(open, close + 1);
					text.insert(random.nextInt(text.length() + 1), tag);
				}
			}
			default -> { // swap two tags
				int a = text.indexOf("<", at);
				int aEnd = a < 0 ? -1 : text.indexOf(">", a);
				int b = aEnd < 0 ? -1 : text.indexOf("<", aEnd);
				int bEnd = b < 0 ? -1 : text.indexOf(">", b);
				if (bEnd > b && b > aEnd && aEnd > a) {
					String first = text.substring(a, aEnd + 1);
					String second = text.substring(b, bEnd + 1);
					text.replace(b, bEnd + 1, first);
					text.replace(a, aEnd + 1, second);
				}
			}
			}
		}
		return text.toString();
	}
}
