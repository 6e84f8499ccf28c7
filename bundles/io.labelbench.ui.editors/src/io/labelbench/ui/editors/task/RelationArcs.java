package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.Assertions;
import io.labelbench.core.model.Region;

/**
 * Draws, over a task text, what is not a span of its own: relations as labelled arcs above the lines from one span
 * to the other (a relation between lines leaves its span's line to the right and enters the other's from the
 * left), and each entity's assertion status as a small tag below the span, the span underlined dashed when it is
 * "absent" and dotted for the other statuses but "present". The line spacing leaves room for both: the arcs of a
 * line live in the lower part of the gap above it, the tags of a line in the upper part of the gap below it. Arcs
 * and tags can be hit by the mouse.
 */
final class RelationArcs {

	/** Arcs over overlapping ranges (their labels included) stack in this many rows, then share the top one. */
	private static final int MAX_LEVEL = 2;
	/** How far the lowest label stays above the line, so that the arrow heads show below it. */
	private static final int STUB = 8;
	private static final RGB INK = new RGB(0x37, 0x47, 0x4F);
	private static final String NEGATED = "absent";
	private static final String AFFIRMED = "present";

	private record Hit(Rectangle box, Region region) {
	}

	/** One entity span as drawn: its first line's top and x range, its last line's top and x range. */
	private record Place(int top, int left, int right, int lastTop, int lastLeft, int lastRight) {
		int center() {
			return (left + right) / 2;
		}
	}

	private final StyledText text;
	private final LabelColors colors;
	private final Font small;
	private final int labelHeight;
	private final int fontHeight;
	private List<Region> relations = List.of();
	private List<Region> assertions = List.of();
	private Map<String, Region> entitiesById = Map.of();
	private Assertions assertionLabels = new Assertions(Set.of());
	/** The drawn spans and the shown assertions by place: thousands of each must not be paired by scanning. */
	private Map<String, Region> entitiesByPlace = Map.of();
	private Map<String, Region> assertionsByPlace = Map.of();
	private AnnotationDiff diff;
	private Predicate<Region> rejected = region -> false;
	private Set<ObjectNode> selected = Set.of();
	private final List<Hit> hits = new ArrayList<>();

	RelationArcs(StyledText text, LabelColors colors) {
		this.text = text;
		this.colors = colors;
		FontData[] data = text.getFont().getFontData();
		for (FontData each : data) {
			each.setHeight(Math.max(6, each.getHeight() - 3));
		}
		small = new Font(text.getDisplay(), data);
		GC gc = new GC(text);
		gc.setFont(small);
		labelHeight = gc.getFontMetrics().getHeight() + 2;
		gc.setFont(text.getFont());
		fontHeight = gc.getFontMetrics().getHeight();
		gc.dispose();
		text.addDisposeListener(e -> small.dispose());
		text.addPaintListener(e -> paint(e.gc));
	}

	/** The room above a line the arcs need: a row of labels per level. */
	int arcRoom() {
		return (MAX_LEVEL + 1) * (labelHeight + 1) + STUB + 2;
	}

	/** The gap between lines: tags of the line above, then arcs of the line below. */
	int lineSpacing() {
		return labelHeight + 2 + arcRoom();
	}

	/** What to draw: the relations and assertions of {@code regions} whose ends are among the drawn {@code spans}. */
	void show(List<Region> regions, List<Region> spans, Assertions assertions, AnnotationDiff diff,
			Predicate<Region> rejected, Set<ObjectNode> selected) {
		this.diff = diff;
		this.rejected = rejected;
		this.selected = selected;
		this.assertionLabels = assertions;
		Map<String, Region> byId = new HashMap<>();
		Map<String, Region> byPlace = new HashMap<>();
		for (Region span : spans) {
			if (span.id() != null) {
				byId.putIfAbsent(span.id(), span);
			}
			byPlace.putIfAbsent(placeOf(span), span);
		}
		entitiesById = byId;
		entitiesByPlace = byPlace;
		List<Region> shownRelations = new ArrayList<>();
		List<Region> shownAssertions = new ArrayList<>();
		Map<String, Region> statuses = new HashMap<>();
		for (Region region : regions) {
			if (region.kind() == Region.Kind.RELATION && byId.containsKey(region.fromId())
					&& byId.containsKey(region.toId())) {
				shownRelations.add(region);
			} else if (assertions.isAssertion(region) && byPlace.containsKey(placeOf(region))) {
				shownAssertions.add(region);
				statuses.putIfAbsent(placeOf(region), region);
			}
		}
		relations = shownRelations;
		this.assertions = shownAssertions;
		assertionsByPlace = statuses;
		text.redraw();
	}

	private static String placeOf(Region span) {
		return span.toName() + " " + span.start() + " " + span.end();
	}

	/** The entity span an assertion qualifies, among the drawn spans. */
	Region entityOf(Region assertion) {
		return entitiesByPlace.get(placeOf(assertion));
	}

	/** The status of a drawn entity span, or {@code null}. */
	Region assertionOf(Region entity) {
		return assertionsByPlace.get(placeOf(entity));
	}

	/** The relation or assertion drawn at a point of the text, or {@code null}. */
	Region hit(int x, int y) {
		for (int i = hits.size() - 1; i >= 0; i--) {
			if (hits.get(i).box().contains(x, y)) {
				return hits.get(i).region();
			}
		}
		return null;
	}

	/** The label box drawn last for a relation or an assertion at the last paint, or {@code null}. */
	Rectangle labelBox(Region region) {
		Rectangle box = null;
		for (Hit hit : hits) {
			if (hit.region().json() == region.json()) {
				box = hit.box();
			}
		}
		return box;
	}

	/** The end span of a relation ({@code from_id} or {@code to_id}), or {@code null}. */
	Region end(String id) {
		return entitiesById.get(id);
	}

	private void paint(GC gc) {
		hits.clear();
		gc.setAntialias(SWT.ON);
		gc.setFont(small);
		// only what has an end on the lines shown: placing a span far away lays out the text up to it
		int first = text.getOffsetAtLine(text.getTopIndex());
		int lastLine = text.getLineIndex(text.getClientArea().height);
		int last = lastLine + 1 < text.getLineCount() ? text.getOffsetAtLine(lastLine + 1) : text.getCharCount();
		Predicate<Region> shown = span -> span.end() >= first && span.start() <= last;
		for (Region assertion : assertions) {
			if (shown.test(assertion)) {
				paintAssertion(gc, assertion, place(entityOf(assertion)));
			}
		}
		Map<Integer, List<int[]>> levelsByLine = new HashMap<>();
		List<Region> shortestFirst = new ArrayList<>();
		for (Region relation : relations) {
			if (shown.test(entitiesById.get(relation.fromId())) || shown.test(entitiesById.get(relation.toId()))) {
				shortestFirst.add(relation);
			}
		}
		shortestFirst.sort(Comparator.comparingInt(this::width));
		List<Runnable> labels = new ArrayList<>();
		for (Region relation : shortestFirst) {
			paintRelation(gc, relation, levelsByLine, labels);
		}
		labels.forEach(Runnable::run); // over every line, so that no arc crosses a label
	}

	private int width(Region relation) {
		Place from = place(entitiesById.get(relation.fromId()));
		Place to = place(entitiesById.get(relation.toId()));
		return from.top() == to.top() ? Math.abs(from.center() - to.center()) : Integer.MAX_VALUE;
	}

	private Place place(Region span) {
		int start = span.start();
		int last = Math.max(start, span.end() - 1);
		Rectangle first = text.getTextBounds(start, start);
		Rectangle end = text.getTextBounds(last, last);
		Point lineEnd = text.getLocationAtOffset(lineEndOf(start, last, first.y));
		int right = lineEnd.y == first.y ? Math.max(lineEnd.x, first.x + first.width) : first.x + first.width;
		int lastLeft = end.y == first.y ? first.x : text.getLeftMargin() - text.getHorizontalPixel();
		return new Place(first.y, first.x, right, end.y, lastLeft, end.x + end.width);
	}

	/** The last offset of the span on the visual line that starts it. */
	private int lineEndOf(int start, int last, int top) {
		int offset = start;
		while (offset < last && text.getTextBounds(offset + 1, offset + 1).y == top) {
			offset++;
		}
		return Math.min(offset + 1, text.getCharCount());
	}

	private void paintAssertion(GC gc, Region assertion, Place place) {
		String status = AnnotationView.firstLabel(assertion);
		Color ink = inkOf(assertion);
		gc.setForeground(ink);
		int underline = place.lastTop() + fontHeight;
		if (!AFFIRMED.equals(status)) {
			gc.setLineWidth(selected.contains(assertion.json()) ? 2 : 1);
			gc.setLineStyle(NEGATED.equals(status) ? SWT.LINE_DASH : SWT.LINE_DOT);
			gc.drawLine(place.lastLeft(), underline, place.lastRight(), underline);
			gc.setLineStyle(SWT.LINE_SOLID);
		}
		Point extent = gc.textExtent(status);
		Rectangle box = new Rectangle(place.lastLeft(), underline + 1, extent.x + 4, labelHeight);
		paintLabel(gc, box, status, ink, selected.contains(assertion.json()));
		hits.add(new Hit(box, assertion));
	}

	private void paintRelation(GC gc, Region relation, Map<Integer, List<int[]>> levelsByLine, List<Runnable> labels) {
		Place from = place(entitiesById.get(relation.fromId()));
		Place to = place(entitiesById.get(relation.toId()));
		Color ink = inkOf(relation);
		boolean chosen = selected.contains(relation.json());
		AnnotationDiff.Difference difference = diff == null ? null : diff.of(relation);
		gc.setForeground(ink);
		gc.setBackground(ink);
		gc.setLineWidth(chosen ? 2 : 1);
		gc.setLineStyle(difference != null && difference.kind() == AnnotationDiff.Kind.MISSING ? SWT.LINE_DASH
				: SWT.LINE_SOLID);
		String label = relation.labels().isEmpty() ? "\u2014" : String.join(", ", relation.labels());
		int half = gc.textExtent(label).x / 2 + 5;
		int labelX;
		int peak;
		if (from.top() == to.top()) {
			int left = Math.min(from.center(), to.center());
			int right = Math.max(from.center(), to.center());
			labelX = (left + right) / 2;
			peak = peakOf(from.top(), level(levelsByLine, from.top(), Math.min(left, labelX - half),
					Math.max(right, labelX + half)));
			segments(gc, relation, new int[] { from.center(), from.top() - 1, from.center(), peak, to.center(), peak,
					to.center(), to.top() - 1 });
		} else {
			int edge = text.getClientArea().width - text.getRightMargin();
			int margin = text.getLeftMargin();
			labelX = Math.min((from.center() + edge) / 2, edge - half);
			peak = peakOf(from.top(), level(levelsByLine, from.top(), Math.min(from.center(), labelX - half), edge));
			segments(gc, relation, new int[] { from.center(), from.top() - 1, from.center(), peak, edge, peak });
			int toPeak = peakOf(to.top(), level(levelsByLine, to.top(), margin, to.center()));
			segments(gc, relation, new int[] { margin, toPeak, to.center(), toPeak, to.center(), to.top() - 1 });
		}
		gc.setLineStyle(SWT.LINE_SOLID);
		int tip = to.top() - 1;
		gc.fillPolygon(new int[] { to.center() - 4, tip - 6, to.center() + 4, tip - 6, to.center(), tip });
		Point extent = gc.textExtent(label);
		Rectangle box = new Rectangle(labelX - extent.x / 2 - 3, peak - labelHeight / 2, extent.x + 6, labelHeight);
		labels.add(() -> {
			gc.setLineStyle(SWT.LINE_SOLID);
			paintLabel(gc, box, label, ink, chosen);
			hits.add(new Hit(box, relation));
		});
	}

	/** Draws a polyline and makes each of its segments a target for the mouse. */
	private void segments(GC gc, Region relation, int[] points) {
		gc.drawPolyline(points);
		for (int i = 0; i + 3 < points.length; i += 2) {
			int x = Math.min(points[i], points[i + 2]);
			int y = Math.min(points[i + 1], points[i + 3]);
			// never below the segment: it ends on the top of a span, which must stay clickable
			hits.add(new Hit(new Rectangle(x - 3, y - 3, Math.abs(points[i] - points[i + 2]) + 6,
					Math.abs(points[i + 1] - points[i + 3]) + 3), relation));
		}
	}

	/** The lowest level on a line no arc over an overlapping range uses yet (capped: then they share the top). */
	private static int level(Map<Integer, List<int[]>> levelsByLine, int line, int left, int right) {
		List<int[]> used = levelsByLine.computeIfAbsent(line, key -> new ArrayList<>());
		int level = 0;
		for (int[] range : used) {
			if (range[0] <= right && left <= range[1]) {
				level = Math.max(level, range[2] + 1);
			}
		}
		level = Math.min(level, MAX_LEVEL);
		used.add(new int[] { left, right, level });
		return level;
	}

	private int peakOf(int lineTop, int level) {
		return lineTop - STUB - labelHeight / 2 - level * (labelHeight + 1);
	}

	private void paintLabel(GC gc, Rectangle box, String label, Color ink, boolean chosen) {
		gc.setBackground(chosen ? ink : text.getBackground());
		gc.fillRoundRectangle(box.x, box.y, box.width, box.height, 6, 6);
		gc.setForeground(ink);
		gc.setLineWidth(1);
		gc.drawRoundRectangle(box.x, box.y, box.width, box.height, 6, 6);
		gc.setForeground(chosen ? text.getBackground() : ink);
		gc.drawText(label, box.x + (box.width - gc.textExtent(label).x) / 2, box.y + 1, true);
		gc.setForeground(ink);
		gc.setBackground(ink);
	}

	/** Dark ink, the difference's colour when the other side differs, grey when rejected. */
	private Color inkOf(Region region) {
		if (rejected.test(region)) {
			return colors.color(DiffMarks.REJECTED);
		}
		AnnotationDiff.Difference difference = diff == null ? null : diff.of(region);
		if (difference != null && difference.kind() != AnnotationDiff.Kind.SAME) {
			return colors.color(DiffMarks.of(difference.kind()));
		}
		return colors.color(INK);
	}

	/** Whether {@code region} is an assertion this painter draws (for the tooltip of its entity). */
	boolean isAssertion(Region region) {
		return assertionLabels.isAssertion(region);
	}
}
