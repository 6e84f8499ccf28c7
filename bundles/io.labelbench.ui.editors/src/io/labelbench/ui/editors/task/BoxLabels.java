package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.Assertions;
import io.labelbench.core.model.Region;

/**
 * What the visual editor writes on a page over the boxes: each box's label with its assertion status
 * ("PROBLEM · absent") above its top left corner, and relations as arrows from one box's centre to the other's
 * with their label in the middle. A click on a relation's label selects the relation, one on the label of a box
 * with a status selects the status (to accept, reject or delete it alone).
 */
final class BoxLabels {

	private static final RGB INK = new RGB(0x37, 0x47, 0x4F);

	private record Hit(Rectangle box, Region region) {
	}

	private final LabelColors colors;
	private List<Region> boxes = List.of();
	private List<Region> assertions = List.of();
	private List<Region> relations = List.of();
	private Map<String, Region> byId = Map.of();
	private AnnotationDiff diff;
	private Predicate<Region> rejected = region -> false;
	private Set<ObjectNode> selected = Set.of();
	private final List<Hit> hits = new ArrayList<>();

	BoxLabels(LabelColors colors) {
		this.colors = colors;
	}

	/** Takes the regions of an annotation and the boxes drawn of them on the shown page. */
	void show(List<Region> regions, List<Region> drawnBoxes, Assertions assertionLabels, AnnotationDiff diff,
			Predicate<Region> rejected, Set<ObjectNode> selected) {
		this.boxes = drawnBoxes;
		this.diff = diff;
		this.rejected = rejected;
		this.selected = selected;
		Map<String, Region> ids = new HashMap<>();
		drawnBoxes.stream().filter(box -> box.id() != null).forEach(box -> ids.putIfAbsent(box.id(), box));
		byId = ids;
		List<Region> statuses = new ArrayList<>();
		List<Region> arrows = new ArrayList<>();
		for (Region region : regions) {
			if (assertionLabels.isAssertion(region)) {
				statuses.add(region);
			} else if (region.kind() == Region.Kind.RELATION && ids.containsKey(region.fromId())
					&& ids.containsKey(region.toId())) {
				arrows.add(region);
			}
		}
		assertions = statuses;
		relations = arrows;
	}

	/** "PROBLEM · absent", or the box's label alone. */
	String labelOf(Region box) {
		Region assertion = assertionOf(box);
		String label = AnnotationView.firstLabel(box);
		return assertion == null ? label : label + " \u00b7 " + AnnotationView.firstLabel(assertion);
	}

	private Region assertionOf(Region box) {
		for (Region assertion : assertions) {
			if (Assertions.samePlace(assertion, box)) {
				return assertion;
			}
		}
		return null;
	}

	/** Paints labels and arrows; {@code where} tells where a box is drawn on the canvas. */
	void paint(GC gc, Function<Region, Rectangle> where) {
		hits.clear();
		for (Region box : boxes) {
			Rectangle r = where.apply(box);
			String text = labelOf(box);
			Point extent = gc.textExtent(text);
			int top = Math.max(0, r.y - extent.y - 2);
			gc.setBackground(colors.background(AnnotationView.firstLabel(box)));
			gc.setForeground(colors.foreground(AnnotationView.firstLabel(box)));
			Rectangle tag = new Rectangle(r.x, top, extent.x + 4, extent.y + 2);
			gc.fillRectangle(tag);
			gc.drawText(text, r.x + 2, top + 1, true);
			Region assertion = assertionOf(box);
			if (assertion != null) {
				if (selected.contains(assertion.json())) {
					gc.setLineWidth(2);
					gc.drawRectangle(tag);
				}
				hits.add(new Hit(tag, assertion));
			}
		}
		for (Region relation : relations) {
			Rectangle from = where.apply(byId.get(relation.fromId()));
			Rectangle to = where.apply(byId.get(relation.toId()));
			Color ink = inkOf(relation);
			boolean chosen = selected.contains(relation.json());
			int x1 = from.x + from.width / 2;
			int y1 = from.y + from.height / 2;
			int x2 = to.x + to.width / 2;
			int y2 = to.y + to.height / 2;
			gc.setForeground(ink);
			gc.setBackground(ink);
			gc.setLineWidth(chosen ? 3 : 2);
			gc.drawLine(x1, y1, x2, y2);
			double angle = Math.atan2(y2 - y1, x2 - x1);
			gc.fillPolygon(new int[] { x2, y2, (int) (x2 - 9 * Math.cos(angle - 0.4)), (int) (y2 - 9 * Math.sin(angle - 0.4)),
					(int) (x2 - 9 * Math.cos(angle + 0.4)), (int) (y2 - 9 * Math.sin(angle + 0.4)) });
			String label = relation.labels().isEmpty() ? "\u2014" : String.join(", ", relation.labels());
			Point extent = gc.textExtent(label);
			Rectangle box = new Rectangle((x1 + x2) / 2 - extent.x / 2 - 3, (y1 + y2) / 2 - extent.y / 2 - 1,
					extent.x + 6, extent.y + 2);
			gc.setBackground(chosen ? ink : colors.color(new RGB(255, 255, 255)));
			gc.fillRectangle(box);
			gc.setLineWidth(1);
			gc.drawRectangle(box);
			gc.setForeground(chosen ? colors.color(new RGB(255, 255, 255)) : ink);
			gc.drawText(label, box.x + 3, box.y + 1, true);
			hits.add(new Hit(box, relation));
		}
	}

	/** The relation, or the status, whose label is at a canvas point, or {@code null}. */
	Region itemAt(int x, int y) {
		for (int i = hits.size() - 1; i >= 0; i--) {
			if (hits.get(i).box().contains(x, y)) {
				return hits.get(i).region();
			}
		}
		return null;
	}

	/** The label box of a relation or a status at the last paint, or {@code null}. */
	Rectangle labelBox(Region region) {
		return hits.stream().filter(hit -> hit.region().json() == region.json()).map(Hit::box).findFirst()
				.orElse(null);
	}

	private Color inkOf(Region region) {
		if (rejected.test(region)) {
			return colors.color(DiffMarks.REJECTED);
		}
		AnnotationDiff.Difference difference = diff == null ? null : diff.of(region);
		return colors.color(difference != null && difference.kind() != AnnotationDiff.Kind.SAME
				? DiffMarks.of(difference.kind()) : INK);
	}
}
