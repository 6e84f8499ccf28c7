package io.labelbench.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns offsets into line and column and collects diagnostics, clamping every range into the text. */
final class Reporter {

	/** More findings than this in one file only slow the editor down; the first ones are what matter. */
	static final int LIMIT = 500;

	private final int length;
	private final int[] lineStarts;
	private final int lines;
	final List<Diagnostic> diagnostics = new ArrayList<>();

	private Reporter(int length, int[] lineStarts, int lines) {
		this.length = length;
		this.lineStarts = lineStarts;
		this.lines = lines;
	}

	/** A reporter for the same text with no findings yet (the line table is shared, it never changes). */
	Reporter fork() {
		return new Reporter(length, lineStarts, lines);
	}

	Reporter(String text) {
		length = text.length();
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			// \r\n, \r and \n each end one line, as XML's end-of-line handling does
			if (c == '\n' || c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n')) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		lineStarts = starts;
		lines = count;
	}

	int line(int offset) {
		int index = Arrays.binarySearch(lineStarts, 0, lines, offset);
		return (index >= 0 ? index : -index - 2) + 1;
	}

	int column(int offset) {
		return offset - lineStarts[line(offset) - 1] + 1;
	}

	void report(String code, Severity severity, String message, int start, int end) {
		report(code, severity, message, start, end, Map.of());
	}

	void report(String code, Severity severity, String message, int start, int end, Map<String, String> fix) {
		if (diagnostics.size() >= LIMIT) {
			return;
		}
		int s = Math.max(0, Math.min(start, length));
		int e = Math.max(s, Math.min(end, length));
		diagnostics.add(new Diagnostic(code, severity, message, line(s), column(s), s, e, fix));
	}
}
