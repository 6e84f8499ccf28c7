package io.labelbench.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/**
 * Writes tasks as CoNLL 2003: {@code -DOCSTART- -X- -X- O} before each task, one token a line as
 * {@code token -X- -X- TAG}, a blank line between sentences.
 * <p>
 * Tokenization: a token is a run of letters, marks and digits (with inner apostrophes, periods and hyphens
 * between letters or digits, as in {@code don't}, {@code 3.5} or {@code twice-daily}), or any other single
 * non-space character. A line break ends a sentence, and so does a {@code .}, {@code !} or {@code ?} token.
 * Tags: the spans of the task's {@linkplain ExportedAnnotation#of exported annotation}. A token is
 * {@code B-L} when it is the first token overlapping a span labelled {@code L}, {@code I-L} for the following
 * tokens of that span, and {@code O} elsewhere; where spans overlap, the one starting first (the longer one on
 * a tie) wins. Assertion statuses are not entities: their labels are no tags (the exporter counts what it left out).
 */
final class ConllWriter {

	static final Pattern TOKEN = Pattern.compile(
			"[\\p{L}\\p{M}\\p{N}]+(?:['’.\\-][\\p{L}\\p{M}\\p{N}]+)*|[^\\s]", Pattern.UNICODE_CHARACTER_CLASS);

	private record Span(int start, int end, String label) {
	}

	private ConllWriter() {
	}

	/** @param assertionLabels statuses, never tags: their regions qualify an entity and are left out */
	static void write(Task task, Writer out, Set<String> assertionLabels) throws IOException {
		out.write("-DOCSTART- -X- -X- O\n\n");
		String text = task.text();
		if (text == null) {
			return;
		}
		List<Span> spans = spansOf(task, text.length(), assertionLabels);
		Matcher tokens = TOKEN.matcher(text);
		int lastEnd = 0;
		boolean sentenceOpen = false;
		Span current = null;
		while (tokens.find()) {
			if (sentenceOpen && text.substring(lastEnd, tokens.start()).indexOf('\n') >= 0) {
				out.write('\n');
				sentenceOpen = false;
			}
			Span owner = ownerOf(spans, tokens.start(), tokens.end());
			String tag = owner == null ? "O" : (owner == current ? "I-" : "B-") + owner.label;
			current = owner;
			out.write(tokens.group());
			out.write(" -X- -X- ");
			out.write(tag);
			out.write('\n');
			sentenceOpen = true;
			lastEnd = tokens.end();
			String token = tokens.group();
			if (owner == null && (token.equals(".") || token.equals("!") || token.equals("?"))) {
				out.write('\n');
				sentenceOpen = false;
				current = null;
			}
		}
		if (sentenceOpen) {
			out.write('\n');
		}
	}

	private static Span ownerOf(List<Span> spans, int start, int end) {
		for (Span span : spans) {
			if (span.start < end && start < span.end) {
				return span;
			}
		}
		return null;
	}

	/** Spans in precedence order, overlapping later ones dropped. */
	private static List<Span> spansOf(Task task, int length, Set<String> assertionLabels) {
		ExportedAnnotation source = ExportedAnnotation.of(task);
		List<Span> all = new ArrayList<>();
		if (source != null) {
			for (Region region : source.annotation().results()) {
				Integer start = region.start();
				Integer end = region.end();
				List<String> labels = new ArrayList<>(region.labels());
				labels.removeAll(assertionLabels);
				if (start != null && end != null && start >= 0 && start < end && end <= length && !labels.isEmpty()
						&& region.kind() != Region.Kind.CHOICES) {
					all.add(new Span(start, end, labels.get(0).replaceAll("\\s+", "_")));
				}
			}
		}
		all.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
		List<Span> kept = new ArrayList<>();
		int coveredUntil = -1;
		for (Span span : all) {
			if (span.start >= coveredUntil) {
				kept.add(span);
				coveredUntil = span.end;
			}
		}
		return kept;
	}
}
