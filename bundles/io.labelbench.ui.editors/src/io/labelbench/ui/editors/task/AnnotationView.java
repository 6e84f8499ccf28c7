package io.labelbench.ui.editors.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.Assertions;
import io.labelbench.core.model.Region;

/**
 * One side of the task editor: the task text, read-only, with the spans of one annotation in their label
 * colours. Overlapping spans are flattened so the innermost shows; differences from the other side are
 * underlined, regions with problems get a dashed red box, the selected ones a solid box. Relations and assertion
 * statuses are drawn by {@link RelationArcs}. Hovering a span, an arc or a status tells its labels, confidence,
 * difference and problems.
 */
final class AnnotationView {

	private final StyledText text;
	private final LabelColors colors;
	private List<Region> spans = List.of();
	private AnnotationDiff diff;
	private Map<ObjectNode, List<String>> problems = Map.of();
	private Predicate<Region> rejected = region -> false;
	private final RelationArcs arcs;

	AnnotationView(Composite parent, LabelColors colors) {
		this.colors = colors;
		text = new StyledText(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP | SWT.READ_ONLY);
		arcs = new RelationArcs(text, colors);
		text.setMargins(6, 6 + arcs.arcRoom(), 6, 6);
		text.setLineSpacing(arcs.lineSpacing());
		text.addListener(SWT.MouseHover, event -> {
			Region region = hit(event.x, event.y);
			text.setToolTipText(region == null ? null : describe(region));
		});
		text.addListener(SWT.MouseExit, event -> text.setToolTipText(null));
	}

	StyledText text() {
		return text;
	}

	/** Shows {@code content} unless it is already shown (setting 1 MB of text again costs a layout). */
	void showText(String content) {
		if (!text.getText().equals(content)) {
			text.setText(content);
		}
	}

	/** The relation, assertion status or span at a point of the text, or {@code null}. */
	Region hit(int x, int y) {
		Region drawn = arcs.hit(x, y);
		return drawn != null ? drawn : regionAt(text.getOffsetAtPoint(new Point(x, y)));
	}

	RelationArcs arcs() {
		return arcs;
	}

	/**
	 * Draws {@code regions} (spans outside the text are skipped: they are listed as problems, never moved), the
	 * assertion statuses among them as tags of their entities, relations as arcs. {@code selected} regions get a
	 * solid box.
	 */
	void render(List<Region> regions, AnnotationDiff diff, Map<ObjectNode, List<String>> problems,
			Predicate<Region> rejected, Set<ObjectNode> selected, Assertions assertions) {
		this.diff = diff;
		this.problems = problems;
		this.rejected = rejected;
		int length = text.getCharCount();
		List<Region> drawable = new ArrayList<>();
		for (Region region : regions) {
			Integer start = region.start();
			Integer end = region.end();
			if (start != null && end != null && start >= 0 && start < end && end <= length
					&& !assertions.isAssertion(region)) {
				drawable.add(region);
			}
		}
		spans = drawable;
		text.setStyleRanges(flatten(drawable, selected));
		arcs.show(regions, drawable, assertions, diff, rejected, selected);
	}

	/**
	 * Non-overlapping style ranges in order: between any two span boundaries, the span that starts last
	 * (the shortest on a tie) is drawn, so a nested span stays visible inside its container.
	 */
	private StyleRange[] flatten(List<Region> regions, Set<ObjectNode> selected) {
		record Boundary(int offset, boolean opens, int index) {
		}
		List<Boundary> boundaries = new ArrayList<>(regions.size() * 2);
		for (int i = 0; i < regions.size(); i++) {
			boundaries.add(new Boundary(regions.get(i).start(), true, i));
			boundaries.add(new Boundary(regions.get(i).end(), false, i));
		}
		boundaries.sort(Comparator.comparingInt(Boundary::offset));
		Comparator<Integer> topFirst = Comparator.<Integer>comparingInt(i -> -regions.get(i).start())
				.thenComparingInt(i -> regions.get(i).end()).thenComparingInt(i -> i);
		TreeSet<Integer> active = new TreeSet<>(topFirst);
		List<StyleRange> ranges = new ArrayList<>();
		int from = 0;
		for (Boundary boundary : boundaries) {
			if (!active.isEmpty() && boundary.offset() > from) {
				Region top = regions.get(active.first());
				StyleRange last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
				StyleRange style = styleOf(top, selected);
				if (last != null && last.start + last.length == from && last.similarTo(style)) {
					last.length += boundary.offset() - from;
				} else {
					style.start = from;
					style.length = boundary.offset() - from;
					ranges.add(style);
				}
			}
			from = boundary.offset();
			if (boundary.opens()) {
				active.add(boundary.index());
			} else {
				active.remove(boundary.index());
			}
		}
		return ranges.toArray(StyleRange[]::new);
	}

	private StyleRange styleOf(Region region, Set<ObjectNode> selected) {
		String label = firstLabel(region);
		StyleRange style = new StyleRange();
		style.background = colors.background(label);
		style.foreground = colors.foreground(label);
		AnnotationDiff.Difference difference = diff == null ? null : diff.of(region);
		if (difference != null && difference.kind() != AnnotationDiff.Kind.SAME) {
			style.underline = true;
			style.underlineColor = colors.color(DiffMarks.of(difference.kind()));
			style.underlineStyle = switch (difference.kind()) {
			case MISSING -> SWT.UNDERLINE_SQUIGGLE;
			case LABEL -> SWT.UNDERLINE_DOUBLE;
			default -> SWT.UNDERLINE_SINGLE;
			};
		}
		if (rejected.test(region)) {
			style.strikeout = true;
			style.background = null;
			style.foreground = colors.color(DiffMarks.REJECTED);
		}
		if (selected.contains(region.json())) {
			style.borderStyle = SWT.BORDER_SOLID;
		} else if (problems.containsKey(region.json())) {
			style.borderStyle = SWT.BORDER_DASH;
			style.borderColor = colors.color(DiffMarks.PROBLEM);
		}
		return style;
	}

	/** The innermost drawn span at {@code offset}, or {@code null}. */
	Region regionAt(int offset) {
		Region best = null;
		for (Region region : spans) {
			if (region.start() <= offset && offset < region.end()
					&& (best == null || region.end() - region.start() < best.end() - best.start())) {
				best = region;
			}
		}
		return best;
	}

	/**
	 * "PROBLEM · absent · "chest pain" · confidence 0.98 · other label in the completion · problem…"; for a relation
	 * "aspirin (DRUG) → 100 mg (STRENGTH): DRUG-STRENGTH …".
	 */
	String describe(Region region) {
		if (region.kind() == Region.Kind.RELATION) {
			Region from = arcs.end(region.fromId());
			Region to = arcs.end(region.toId());
			return NLS.bind(Messages.TaskEditor_relationItem, new Object[] { endOf(from), endOf(to), "" })
					+ describe(region, diff, rejected, problems).replaceFirst(" \u00b7 \"\"", "");
		}
		Region entity = arcs.isAssertion(region) ? arcs.entityOf(region) : region;
		Region assertion = arcs.isAssertion(region) ? region : arcs.assertionOf(region);
		String described = describe(region, diff, rejected, problems);
		if (entity != null && assertion != null) {
			String status = String.join(", ", entity.labels()) + " \u00b7 " + firstLabel(assertion);
			described = status + described.substring(String.join(", ", region.labels()).length());
		}
		return described;
	}

	private static String endOf(Region span) {
		return span == null ? "?" : shorten(span.text()) + " (" + firstLabel(span) + ")";
	}

	/** What a hover over a region tells: labels, text, confidence, how it differs, problems. */
	static String describe(Region region, AnnotationDiff diff, Predicate<Region> rejected,
			Map<ObjectNode, List<String>> problems) {
		StringBuilder out = new StringBuilder(String.join(", ", region.labels()));
		out.append(" \u00b7 \"").append(shorten(region.text())).append('"');
		JsonNode confidence = region.value() == null ? null : region.value().get("confidence");
		if (confidence == null) {
			confidence = region.json().has("confidence") ? region.json().get("confidence") : region.json().get("score");
		}
		if (confidence != null && confidence.isNumber()) {
			out.append(" \u00b7 ").append(NLS.bind(Messages.TaskEditor_confidence,
					confidence.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
		}
		AnnotationDiff.Difference difference = diff == null ? null : diff.of(region);
		if (difference != null && difference.kind() != AnnotationDiff.Kind.SAME) {
			out.append(" \u00b7 ").append(describe(difference.kind()));
		}
		if (rejected.test(region)) {
			out.append(" \u00b7 ").append(Messages.TaskEditor_rejected);
		}
		for (String problem : problems.getOrDefault(region.json(), List.of())) {
			out.append("\n\u26a0 ").append(problem);
		}
		return out.toString();
	}

	static String describe(AnnotationDiff.Kind kind) {
		return switch (kind) {
		case MISSING -> Messages.TaskEditor_diffMissing;
		case ADDED -> Messages.TaskEditor_diffAdded;
		case LABEL -> Messages.TaskEditor_diffLabel;
		case BOUNDARY -> Messages.TaskEditor_diffBoundary;
		case SAME -> Messages.TaskEditor_diffSame;
		};
	}

	static String firstLabel(Region region) {
		List<String> labels = region.labels();
		return labels.isEmpty() ? "" : labels.get(0);
	}

	static String shorten(String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replace("\r", " ").replace("\n", " ");
		return oneLine.length() > 40 ? oneLine.substring(0, 40) + "\u2026" : oneLine;
	}

	static String score(BigDecimal score) {
		return score == null ? "\u2013" : score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

}
