package io.labelbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: find the one diagnostic of a code and compare its range with a piece of the text. */
final class Configs {

	/** A small valid NER config the tests mutate. */
	static final String NER = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" background="#E91E63"/>
			    <Label value="DOSAGE" background="#2196F3"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	private Configs() {
	}

	static List<Diagnostic> of(List<Diagnostic> all, String code) {
		return all.stream().filter(d -> d.code().equals(code)).collect(Collectors.toList());
	}

	static Diagnostic only(List<Diagnostic> all, String code) {
		List<Diagnostic> found = of(all, code);
		assertEquals(1, found.size(), () -> "expected one " + code + " in " + all);
		return found.get(0);
	}

	/**
	 * Asserts the diagnostic covers {@code target}, found inside the first occurrence of {@code context}
	 * (so that a name occurring twice can be pinned down), and that line and column agree with the offset.
	 */
	static void assertRange(String text, Diagnostic d, String context, String target) {
		int at = text.indexOf(context);
		assertTrue(at >= 0, "context not in text: " + context);
		int inner = context.indexOf(target);
		assertTrue(inner >= 0, "target not in context");
		int start = at + inner;
		assertEquals(start, d.startOffset(), () -> "start of " + d);
		assertEquals(start + target.length(), d.endOffset(), () -> "end of " + d);
		assertEquals(target, text.substring(d.startOffset(), d.endOffset()));
		String before = text.substring(0, start);
		int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
		int column = start - (before.lastIndexOf('\n') + 1) + 1;
		assertEquals(line, d.line(), "line");
		assertEquals(column, d.column(), "column");
	}

	static List<Diagnostic> errors(List<Diagnostic> all) {
		return all.stream().filter(Diagnostic::isError).collect(Collectors.toList());
	}
}
