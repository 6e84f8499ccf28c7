package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.Assertions;
import io.labelbench.core.edit.PageBox;
import io.labelbench.core.model.Region;

/**
 * One side of the visual task editor: a page picture, zoomed, in a scrolled pane, with the boxes of one annotation
 * on that page in their label colours. Differences from the other side are dashed in the colours of the text
 * editor's underlines. When editable, boxes are selected by a click (Ctrl+click adds), moved by dragging, resized
 * by their corner handles, and new ones are drawn by dragging on empty page. The middle button pans.
 */
final class PageCanvas {

	/** What a user does on the page. */
	interface Gestures {
		void selected(Region region, boolean add);

		void drawn(PageBox box);

		void reshaped(Region region, PageBox box);

		void doubleClicked(Region region);

		/** A click on the page outside every box, at a point (a box of no size). */
		void clickedPage(PageBox point);
	}

	private static final int HANDLE = 5;

	private final ScrolledComposite scroll;
	private final Canvas canvas;
	private final LabelColors colors;
	private final boolean editable;
	private Gestures gestures;
	private Image image;
	private int pageNumber = 1;
	private double zoom = 1;
	private List<Region> boxes = List.of();
	private AnnotationDiff diff;
	private Map<ObjectNode, List<String>> problems = Map.of();
	private Predicate<Region> rejected = region -> false;
	private Set<ObjectNode> selected = Set.of();
	private final BoxLabels labels;

	// a drag in progress: the region moved or resized (null while drawing), the corner (-1: moving), where it began
	private Region dragged;
	private int corner;
	private Point dragStart;
	private Rectangle dragBox;
	// a pan with the middle button: where it was grabbed (display coordinates) and the origin then
	private Point panFrom;
	private Point panOrigin;

	PageCanvas(Composite parent, LabelColors colors, boolean editable) {
		this.colors = colors;
		this.editable = editable;
		this.labels = new BoxLabels(colors);
		scroll = new ScrolledComposite(parent, SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
		canvas = new Canvas(scroll, SWT.DOUBLE_BUFFERED);
		scroll.setContent(canvas);
		scroll.getHorizontalBar().setIncrement(20);
		scroll.getVerticalBar().setIncrement(20);
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		canvas.addListener(SWT.MouseDoubleClick, e -> {
			Region region = boxAt(e.x, e.y);
			if (region != null && gestures != null) {
				gestures.doubleClicked(region);
			}
		});
		canvas.addListener(SWT.MouseHover, e -> {
			Region relation = labels.itemAt(e.x, e.y);
			Region region = relation != null ? relation : boxAt(e.x, e.y);
			canvas.setToolTipText(region == null ? null : AnnotationView.describe(region, diff, rejected, problems));
		});
	}

	ScrolledComposite control() {
		return scroll;
	}

	Canvas canvas() {
		return canvas;
	}

	void setGestures(Gestures gestures) {
		this.gestures = gestures;
	}

	/** Shows a page picture (owned by the caller) of page {@code pageNumber} (from 1). */
	void setPage(Image image, int pageNumber) {
		this.image = image;
		this.pageNumber = pageNumber;
		resize();
	}

	void setZoom(double zoom) {
		this.zoom = Math.max(0.1, Math.min(8, zoom));
		resize();
	}

	double zoom() {
		return zoom;
	}

	/** The zoom at which the page fills the pane's width. */
	double fitWidthZoom() {
		int width = scroll.getClientArea().width - 4;
		return image == null || width <= 0 ? 1 : (double) width / image.getBounds().width;
	}

	private void resize() {
		Rectangle bounds = image == null ? new Rectangle(0, 0, 100, 100) : image.getBounds();
		canvas.setSize((int) Math.round(bounds.width * zoom), (int) Math.round(bounds.height * zoom));
		canvas.redraw();
	}

	/**
	 * Draws the boxes of {@code regions} that are on the shown page, each with its label and assertion status, and
	 * the relations between them.
	 */
	void render(List<Region> regions, AnnotationDiff diff, Map<ObjectNode, List<String>> problems,
			Predicate<Region> rejected, Set<ObjectNode> selected, Assertions assertions) {
		List<Region> onPage = new ArrayList<>();
		for (Region region : regions) {
			PageBox box = region.kind() == Region.Kind.RECTANGLE_LABELS ? PageBox.of(region) : null;
			if (box != null && box.pageNumber() == pageNumber && !assertions.isAssertion(region)) {
				onPage.add(region);
			}
		}
		this.boxes = onPage;
		this.diff = diff;
		this.problems = problems;
		this.rejected = rejected;
		this.selected = selected;
		labels.show(regions, onPage, assertions, diff, rejected, selected);
		canvas.redraw();
	}

	/** The box labels and relation arrows drawn over the page. */
	BoxLabels labels() {
		return labels;
	}

	/** The boxes on the shown page. */
	List<Region> boxes() {
		return boxes;
	}

	/** Where a box is drawn on the canvas. */
	Rectangle toCanvas(PageBox box) {
		Point page = canvas.getSize();
		return new Rectangle((int) Math.round(box.x() * page.x / 100), (int) Math.round(box.y() * page.y / 100),
				(int) Math.round(box.width() * page.x / 100), (int) Math.round(box.height() * page.y / 100));
	}

	/** The page box (percent) of a rectangle on the canvas, clipped to the page. */
	PageBox toPage(Rectangle rectangle) {
		Point size = canvas.getSize();
		double x0 = clamp(Math.min(rectangle.x, rectangle.x + rectangle.width) * 100.0 / size.x);
		double y0 = clamp(Math.min(rectangle.y, rectangle.y + rectangle.height) * 100.0 / size.y);
		double x1 = clamp(Math.max(rectangle.x, rectangle.x + rectangle.width) * 100.0 / size.x);
		double y1 = clamp(Math.max(rectangle.y, rectangle.y + rectangle.height) * 100.0 / size.y);
		return new PageBox(pageNumber, x0, y0, x1 - x0, y1 - y0);
	}

	private static double clamp(double percent) {
		return Math.max(0, Math.min(100, percent));
	}

	/** The smallest box at a canvas point, or {@code null}. */
	Region boxAt(int x, int y) {
		Region best = null;
		long bestArea = Long.MAX_VALUE;
		for (Region region : boxes) {
			Rectangle r = toCanvas(PageBox.of(region));
			long area = (long) r.width * r.height;
			if (r.contains(x, y) && area < bestArea) {
				best = region;
				bestArea = area;
			}
		}
		return best;
	}

	private void paint(Event event) {
		GC gc = event.gc;
		if (image != null) {
			Rectangle bounds = image.getBounds();
			Point size = canvas.getSize();
			gc.setInterpolation(SWT.HIGH);
			gc.drawImage(image, 0, 0, bounds.width, bounds.height, 0, 0, size.x, size.y);
		}
		gc.setAntialias(SWT.ON);
		for (Region region : boxes) {
			Rectangle r = region == dragged && dragBox != null ? dragBox : toCanvas(PageBox.of(region));
			String label = AnnotationView.firstLabel(region);
			boolean isRejected = rejected.test(region);
			Color color = isRejected ? colors.color(DiffMarks.REJECTED) : colors.background(label);
			gc.setAlpha(isRejected ? 30 : 60);
			gc.setBackground(color);
			gc.fillRectangle(r);
			gc.setAlpha(255);
			gc.setForeground(color);
			gc.setLineWidth(selected.contains(region.json()) ? 3 : 2);
			gc.setLineStyle(SWT.LINE_SOLID);
			gc.drawRectangle(r);
			RGB mark = mark(region);
			if (mark != null) {
				gc.setForeground(colors.color(mark));
				gc.setLineWidth(2);
				gc.setLineStyle(SWT.LINE_DASH);
				gc.drawRectangle(r.x - 3, r.y - 3, r.width + 6, r.height + 6);
				gc.setLineStyle(SWT.LINE_SOLID);
			}
			if (selected.contains(region.json()) && editable) {
				gc.setBackground(colors.color(new RGB(0, 0, 0)));
				for (Point handle : corners(r)) {
					gc.fillRectangle(handle.x - HANDLE / 2, handle.y - HANDLE / 2, HANDLE, HANDLE);
				}
			}
		}
		labels.paint(gc, region -> region == dragged && dragBox != null ? normalized(dragBox) : toCanvas(PageBox.of(region)));
		if (dragged == null && dragBox != null) {
			gc.setForeground(colors.color(new RGB(0, 0, 0)));
			gc.setLineWidth(1);
			gc.setLineStyle(SWT.LINE_DOT);
			gc.drawRectangle(normalized(dragBox));
		}
	}

	/** The colour of the dashed frame that marks a difference or a problem; {@code null} for none. */
	private RGB mark(Region region) {
		if (problems.containsKey(region.json())) {
			return DiffMarks.PROBLEM;
		}
		AnnotationDiff.Difference difference = diff == null ? null : diff.of(region);
		return difference == null ? null : DiffMarks.of(difference.kind());
	}

	private static Point[] corners(Rectangle r) {
		return new Point[] { new Point(r.x, r.y), new Point(r.x + r.width, r.y), new Point(r.x, r.y + r.height),
				new Point(r.x + r.width, r.y + r.height) };
	}

	private static Rectangle normalized(Rectangle r) {
		return new Rectangle(Math.min(r.x, r.x + r.width), Math.min(r.y, r.y + r.height), Math.abs(r.width),
				Math.abs(r.height));
	}

	private void mouseDown(Event event) {
		if (event.button == 2) {
			// pan: remember where the page was grabbed, in display coordinates (the canvas moves under the mouse)
			panFrom = canvas.toDisplay(event.x, event.y);
			panOrigin = scroll.getOrigin();
			return;
		}
		if (event.button != 1 || gestures == null) {
			return;
		}
		dragStart = new Point(event.x, event.y);
		dragBox = null;
		dragged = null;
		Region item = labels.itemAt(event.x, event.y); // a relation or a status: selected, never dragged
		if (item != null) {
			dragStart = null;
			gestures.selected(item, (event.stateMask & SWT.MOD1) != 0);
			return;
		}
		if (!editable) {
			gestures.selected(boxAt(event.x, event.y), false);
			return;
		}
		for (Region region : boxes) {
			if (selected.contains(region.json())) {
				Point[] handles = corners(toCanvas(PageBox.of(region)));
				for (int i = 0; i < handles.length; i++) {
					if (Math.abs(handles[i].x - event.x) <= HANDLE && Math.abs(handles[i].y - event.y) <= HANDLE) {
						dragged = region;
						corner = i;
						return;
					}
				}
			}
		}
		Region region = boxAt(event.x, event.y);
		if (region != null) {
			dragged = region;
			corner = -1;
			gestures.selected(region, (event.stateMask & SWT.MOD1) != 0);
		}
	}

	private void mouseMove(Event event) {
		if (panFrom != null && (event.stateMask & SWT.BUTTON2) != 0) {
			Point at = canvas.toDisplay(event.x, event.y);
			scroll.setOrigin(panOrigin.x - (at.x - panFrom.x), panOrigin.y - (at.y - panFrom.y));
			scroll.getHorizontalBar().notifyListeners(SWT.Selection, new Event());
			return;
		}
		if (dragStart == null || !editable || (event.stateMask & SWT.BUTTON1) == 0) {
			return;
		}
		int dx = event.x - dragStart.x;
		int dy = event.y - dragStart.y;
		if (dragged == null) {
			dragBox = new Rectangle(dragStart.x, dragStart.y, dx, dy);
		} else {
			Rectangle r = toCanvas(PageBox.of(dragged));
			dragBox = switch (corner) {
			case -1 -> new Rectangle(r.x + dx, r.y + dy, r.width, r.height);
			case 0 -> new Rectangle(r.x + dx, r.y + dy, r.width - dx, r.height - dy);
			case 1 -> new Rectangle(r.x, r.y + dy, r.width + dx, r.height - dy);
			case 2 -> new Rectangle(r.x + dx, r.y, r.width - dx, r.height + dy);
			default -> new Rectangle(r.x, r.y, r.width + dx, r.height + dy);
			};
		}
		canvas.redraw();
	}

	private void mouseUp(Event event) {
		if (event.button == 2) {
			panFrom = null;
			return;
		}
		if (dragStart == null || gestures == null) {
			return;
		}
		boolean moved = Math.abs(event.x - dragStart.x) > 2 || Math.abs(event.y - dragStart.y) > 2;
		Region region = dragged;
		Rectangle box = dragBox;
		dragStart = null;
		dragBox = null;
		dragged = null;
		if (!editable) {
			return;
		}
		if (region != null && moved && box != null) {
			Rectangle r = normalized(box);
			// a move keeps the size: shift it back onto the page instead of squeezing it at the edge
			if (corner == -1) {
				Point size = canvas.getSize();
				r.x = Math.max(0, Math.min(size.x - r.width, r.x));
				r.y = Math.max(0, Math.min(size.y - r.height, r.y));
			}
			gestures.reshaped(region, toPage(r));
		} else if (region == null && moved && box != null) {
			gestures.drawn(toPage(box));
		} else if (region == null) {
			gestures.clickedPage(toPage(new Rectangle(event.x, event.y, 0, 0)));
		}
		canvas.redraw();
	}

	/** Keeps another canvas scrolled to the same place. */
	void follow(PageCanvas other) {
		Runnable sync = () -> {
			if (!other.scroll.getOrigin().equals(scroll.getOrigin())) {
				other.scroll.setOrigin(scroll.getOrigin());
			}
		};
		scroll.getHorizontalBar().addListener(SWT.Selection, e -> sync.run());
		scroll.getVerticalBar().addListener(SWT.Selection, e -> sync.run());
	}
}
