package io.labelbench.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small, error-tolerant XML scanner for labeling configs. It is written by hand rather than on JAXP so
 * that it knows the offset of every tag and attribute, survives any input (fuzzing, half-typed text in the
 * editor) with diagnostics instead of exceptions, and is safe by construction: a DOCTYPE is reported and
 * skipped, never processed, so no external entity is read and no entity is expanded (XXE, billion laughs).
 */
final class ConfigParser {

	static final String MALFORMED = "xml.malformed";
	static final String DOCTYPE = "xml.doctype";
	static final String ENTITY = "xml.entity";

	private final String s;
	private final int n;
	private final Reporter reporter;
	private final List<ConfigElement> roots = new ArrayList<>(1);
	private final List<ConfigElement> all = new ArrayList<>();
	private final Deque<ConfigElement> open = new ArrayDeque<>();
	private boolean rootClosed;
	/** Set when an unterminated construct swallowed the rest of the text: unclosed tags are a consequence. */
	private boolean swallowed;
	private int i;

	ConfigParser(String text, Reporter reporter) {
		this.s = text;
		this.n = text.length();
		this.reporter = reporter;
	}

	List<ConfigElement> roots() {
		return roots;
	}

	/** Every element in document order. */
	List<ConfigElement> elements() {
		return all;
	}

	void parse() {
		if (n > 0 && s.charAt(0) == '\uFEFF') {
			i = 1;
		}
		while (i < n) {
			char c = s.charAt(i);
			if (c == '<') {
				markup();
			} else if (c == '&') {
				int refStart = i;
				reference();
				outsideRootText(refStart, i);
			} else {
				text();
			}
		}
		while (!open.isEmpty()) {
			ConfigElement e = open.pop();
			e.end = n;
			if (swallowed) {
				continue;
			}
			error(MALFORMED, "<" + e.tag() + "> is never closed: </" + e.tag() + "> is missing", e.nameStart(),
					e.nameEnd());
		}
		if (roots.isEmpty() && reporter.diagnostics.isEmpty()) {
			error(MALFORMED, "the config has no root element (expected <View>)", 0, n);
		}
	}

	private void error(String code, String message, int start, int end) {
		reporter.report(code, Severity.ERROR, message, start, end);
	}

	private void text() {
		int start = i;
		int firstBad = -1;
		while (i < n) {
			char c = s.charAt(i);
			if (c == '<' || c == '&') {
				break;
			}
			if (firstBad < 0 && !validChar(i)) {
				firstBad = i;
			}
			if (c == ']' && s.startsWith("]]>", i)) {
				error(MALFORMED, "']]>' is only allowed to end a CDATA section; write ]]&gt;", i, i + 3);
			}
			i++;
		}
		if (firstBad >= 0) {
			error(MALFORMED, "character U+" + String.format("%04X", (int) s.charAt(firstBad))
					+ " is not allowed in XML", firstBad, firstBad + 1);
		}
		outsideRootText(start, i);
	}

	private void outsideRootText(int start, int end) {
		if (!open.isEmpty()) {
			return;
		}
		int a = start;
		while (a < end && isSpace(s.charAt(a))) {
			a++;
		}
		if (a < end) {
			int b = end;
			while (b > a && isSpace(s.charAt(b - 1))) {
				b--;
			}
			error(MALFORMED, roots.isEmpty() ? "text before the root element" : "text after the root element", a, b);
		}
	}

	/** Reports the first character XML forbids in {@code [from, to)} (comments, CDATA, PIs). */
	private void checkChars(int from, int to) {
		for (int k = from; k < to; k++) {
			if (!validChar(k)) {
				error(MALFORMED, "character U+" + String.format("%04X", (int) s.charAt(k)) + " is not allowed in XML", k,
						k + 1);
				return;
			}
		}
	}

	private boolean validChar(int at) {
		char c = s.charAt(at);
		if (c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r' || c > 0xDFFF && c < 0xFFFE) {
			return true;
		}
		if (Character.isHighSurrogate(c)) {
			return at + 1 < n && Character.isLowSurrogate(s.charAt(at + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return at > 0 && Character.isHighSurrogate(s.charAt(at - 1));
		}
		return false;
	}

	private void markup() {
		if (s.startsWith("<!--", i)) {
			comment();
		} else if (s.startsWith("<![CDATA[", i)) {
			int start = i;
			int close = s.indexOf("]]>", i + 9);
			if (close < 0) {
				error(MALFORMED, "CDATA section is never closed with ]]>", start, start + 9);
			swallowed = true;
				i = n;
			} else {
				checkChars(start + 9, close);
				i = close + 3;
				if (open.isEmpty()) {
					error(MALFORMED, "CDATA outside the root element", start, i);
				}
			}
		} else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
			doctype();
		} else if (s.startsWith("<!", i)) {
			int start = i;
			skipDeclaration();
			error(MALFORMED, "unexpected markup declaration", start, i);
		} else if (s.startsWith("<?", i)) {
			processingInstruction();
		} else if (s.startsWith("</", i)) {
			endTag();
		} else {
			startTag();
		}
	}

	private void comment() {
		int start = i;
		int close = s.indexOf("--", i + 4);
		if (close < 0) {
			error(MALFORMED, "comment is never closed with -->", start, start + 4);
			swallowed = true;
			i = n;
			return;
		}
		if (close + 2 >= n || s.charAt(close + 2) != '>') {
			// XML forbids "--" inside a comment; keep looking for the real end so one fault is one finding
			error(MALFORMED, "'--' is not allowed inside a comment", close, close + 2);
			int end = s.indexOf("-->", close + 2);
			i = end < 0 ? n : end + 3;
			return;
		}
		checkChars(start + 4, close);
		i = close + 3;
	}

	private void doctype() {
		int start = i;
		skipDeclaration();
		reporter.report(DOCTYPE, Severity.ERROR,
				"DOCTYPE is not allowed in a labeling config: it is ignored and no entity is defined or read", start, i);
	}

	/** Skips {@code <!…>} honouring quotes and an internal subset in brackets, without interpreting anything. */
	private void skipDeclaration() {
		int depth = 0;
		char quote = 0;
		i += 2;
		while (i < n) {
			char c = s.charAt(i++);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			} else if (c == '"' || c == '\'') {
				quote = c;
			} else if (c == '[') {
				depth++;
			} else if (c == ']') {
				depth = Math.max(0, depth - 1);
			} else if (c == '>' && depth == 0) {
				return;
			}
		}
	}

	private void processingInstruction() {
		int start = i;
		int close = s.indexOf("?>", i + 2);
		int nameEnd = nameEnd(i + 2);
		String target = s.substring(i + 2, nameEnd);
		i = close < 0 ? n : close + 2;
		if (close >= 0) {
			checkChars(nameEnd, close);
		}
		if (close < 0) {
			error(MALFORMED, "processing instruction is never closed with ?>", start, start + 2);
			swallowed = true;
		} else if (target.isEmpty()) {
			error(MALFORMED, "processing instruction without a target", start, i);
		} else if (target.equalsIgnoreCase("xml") && start != 0 && !(start == 1 && s.charAt(0) == '\uFEFF')) {
			error(MALFORMED, "the XML declaration is only allowed at the very start", start, nameEnd);
		}
	}

	private void endTag() {
		int start = i;
		int nameStart = i + 2;
		int nameEnd = nameEnd(nameStart);
		String name = s.substring(nameStart, nameEnd);
		int j = nameEnd;
		while (j < n && isSpace(s.charAt(j))) {
			j++;
		}
		if (name.isEmpty()) {
			error(MALFORMED, "'</' must be followed by a tag name", start, Math.min(n, start + 2));
			i = j < n && s.charAt(j) == '>' ? j + 1 : nameStart;
			return;
		}
		if (j >= n || s.charAt(j) != '>') {
			error(MALFORMED, "end tag </" + name + " is not closed with '>'", start, Math.max(nameEnd, Math.min(j + 1, n)));
			i = j;
		} else {
			i = j + 1;
		}
		ConfigElement match = null;
		for (ConfigElement e : open) {
			if (e.tag().equals(name)) {
				match = e;
				break;
			}
		}
		if (match == null) {
			ConfigElement top = open.peek();
			String hint = top != null && top.tag().equalsIgnoreCase(name)
					? ": XML names are case-sensitive, expected </" + top.tag() + ">"
					: top == null ? "" : ", expected </" + top.tag() + ">";
			error(MALFORMED, "end tag </" + name + "> has no matching start tag" + hint, nameStart, nameEnd);
			return;
		}
		ConfigElement top = open.peek();
		if (top != match) {
			error(MALFORMED, "expected </" + top.tag() + "> (opened at line " + reporter.line(top.start())
					+ ") before </" + name + ">", nameStart, nameEnd);
		}
		while (!open.isEmpty()) {
			ConfigElement e = open.pop();
			e.end = e == match ? i : start;
			if (e == match) {
				e.endTagStart = start;
				break;
			}
		}
		if (open.isEmpty()) {
			rootClosed = true;
		}
	}

	private void startTag() {
		int start = i;
		int nameEnd = nameEnd(i + 1);
		if (nameEnd == i + 1) {
			error(MALFORMED, "'<' must start a tag name here; write &lt; for a literal '<'", start, start + 1);
			i++;
			outsideRootText(start, i);
			return;
		}
		ConfigElement parent = open.peek();
		ConfigElement element = new ConfigElement(s.substring(i + 1, nameEnd), parent, start);
		if (parent == null) {
			if (rootClosed || !roots.isEmpty()) {
				error(MALFORMED, "only one root element is allowed", element.nameStart(), element.nameEnd());
			}
			roots.add(element);
		} else {
			parent.children.add(element);
		}
		all.add(element);
		i = nameEnd;
		attributes(element);
		element.startTagEnd = i;
		if (element.selfClosing) {
			element.end = i;
			if (parent == null) {
				rootClosed = true;
			}
		} else {
			open.push(element);
		}
	}

	private void attributes(ConfigElement element) {
		while (true) {
			int ws = i;
			while (i < n && isSpace(s.charAt(i))) {
				i++;
			}
			if (i >= n) {
				error(MALFORMED, "start tag <" + element.tag() + "> is not closed with '>'", element.nameStart(),
						element.nameEnd());
				return;
			}
			char c = s.charAt(i);
			if (c == '>') {
				i++;
				return;
			}
			if (c == '/') {
				if (i + 1 < n && s.charAt(i + 1) == '>') {
					element.selfClosing = true;
					i += 2;
					return;
				}
				error(MALFORMED, "'/' must be followed by '>'", i, i + 1);
				i++;
				continue;
			}
			if (c == '<') {
				error(MALFORMED, "start tag <" + element.tag() + "> is not closed with '>' before the next tag", i, i + 1);
				return;
			}
			int nameStart = i;
			int nameEnd = nameEnd(i);
			if (nameEnd == nameStart) {
				error(MALFORMED, "unexpected character '" + c + "' in start tag <" + element.tag() + ">", i, i + 1);
				i += Character.charCount(s.codePointAt(i));
				continue;
			}
			String name = s.substring(nameStart, nameEnd);
			if (ws == i) {
				error(MALFORMED, "attribute " + name + " must be separated from what precedes it by a space",
						nameStart, nameEnd);
			}
			i = nameEnd;
			while (i < n && isSpace(s.charAt(i))) {
				i++;
			}
			if (i >= n || s.charAt(i) != '=') {
				error(MALFORMED, "attribute " + name + " needs a value: " + name + "=\"…\"", nameStart, nameEnd);
				continue;
			}
			i++;
			while (i < n && isSpace(s.charAt(i))) {
				i++;
			}
			char quote = i < n ? s.charAt(i) : 0;
			if (quote != '"' && quote != '\'') {
				int bad = i;
				error(MALFORMED, "the value of attribute " + name + " must be in quotes", bad, Math.min(n, bad + 1));
				while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '<'
						&& !s.startsWith("/>", i)) {
					i++;
				}
				continue;
			}
			int valueStart = ++i;
			StringBuilder value = null;
			int plainFrom = valueStart;
			boolean closed = false;
			while (i < n) {
				char v = s.charAt(i);
				if (v == quote) {
					closed = true;
					break;
				}
				if (v == '<') {
					error(MALFORMED, "'<' is not allowed in an attribute value; write &lt;", i, i + 1);
					i++;
				} else if (v == '&') {
					if (value == null) {
						value = new StringBuilder();
					}
					value.append(s, plainFrom, i);
					value.append(reference());
					plainFrom = i;
				} else {
					if (!validChar(i)) {
						error(MALFORMED, "character U+" + String.format("%04X", (int) v) + " is not allowed in XML", i,
								i + 1);
					}
					i++;
				}
			}
			int valueEnd = i;
			if (!closed) {
				error(MALFORMED, "the value of attribute " + name + " is never closed with " + quote, valueStart - 1,
						valueStart);
				swallowed = true;
			} else {
				i++;
			}
			String text = value == null ? s.substring(valueStart, valueEnd)
					: value.append(s, plainFrom, valueEnd).toString();
			for (ConfigAttribute other : element.attributes) {
				if (other.name().equals(name)) {
					error(MALFORMED, "attribute " + name + " appears twice in <" + element.tag() + ">", nameStart, nameEnd);
					break;
				}
			}
			// XML normalises whitespace characters in attribute values to spaces
			element.attributes.add(new ConfigAttribute(name, text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '),
					nameStart, nameEnd, valueStart, valueEnd));
			if (!closed) {
				return;
			}
		}
	}

	/** Reads a reference at {@code &}; returns its replacement text (or the raw text after reporting). */
	private String reference() {
		int start = i;
		int j = i + 1;
		int limit = Math.min(n, i + 40);
		while (j < limit && s.charAt(j) != ';' && !isSpace(s.charAt(j)) && s.charAt(j) != '<' && s.charAt(j) != '&'
				&& s.charAt(j) != '"' && s.charAt(j) != '\'') {
			j++;
		}
		if (j >= limit || s.charAt(j) != ';' || j == i + 1) {
			error(MALFORMED, "'&' must be escaped as &amp;", start, start + 1);
			i = start + 1;
			return "&";
		}
		String name = s.substring(i + 1, j);
		i = j + 1;
		if (name.charAt(0) == '#') {
			boolean hex = name.length() > 1 && name.charAt(1) == 'x';
			String digits = name.substring(hex ? 2 : 1);
			long code = -1;
			// only plain digits (parseLong would also take signs); the length bound keeps it from overflowing
			if (!digits.isEmpty() && digits.length() <= 12
					&& digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
				code = Long.parseLong(digits, hex ? 16 : 10);
			}
			if (code == 0x9 || code == 0xA || code == 0xD || code >= 0x20 && code <= 0xD7FF
					|| code >= 0xE000 && code <= 0xFFFD || code >= 0x10000 && code <= 0x10FFFF) {
				return new String(Character.toChars((int) code));
			}
			error(MALFORMED, "&" + name + "; is not a valid character reference", start, i);
			return "";
		}
		switch (name) {
		case "amp":
			return "&";
		case "lt":
			return "<";
		case "gt":
			return ">";
		case "quot":
			return "\"";
		case "apos":
			return "'";
		default:
			error(ENTITY, "entity &" + name + "; is not defined: only &amp; &lt; &gt; &quot; &apos; and character"
					+ " references are allowed (DTD entities are never expanded)", start, i);
			return "";
		}
	}

	/** End of an XML Name starting at {@code from} (XML 1.0 fifth edition character classes). */
	private int nameEnd(int from) {
		int j = from;
		while (j < n) {
			int c = s.codePointAt(j);
			if (!(nameStartChar(c) || j > from && nameChar(c))) {
				break;
			}
			j += Character.charCount(c);
		}
		return j;
	}

	private static boolean nameStartChar(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0xC0 && c <= 0xD6
				|| c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF || c >= 0x370 && c <= 0x37D
				|| c >= 0x37F && c <= 0x1FFF || c == 0x200C || c == 0x200D || c >= 0x2070 && c <= 0x218F
				|| c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF || c >= 0xF900 && c <= 0xFDCF
				|| c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
	}

	private static boolean nameChar(int c) {
		return nameStartChar(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == 0xB7
				|| c >= 0x300 && c <= 0x36F || c == 0x203F || c == 0x2040;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}
}
