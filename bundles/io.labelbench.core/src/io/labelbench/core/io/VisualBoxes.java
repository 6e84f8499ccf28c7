package io.labelbench.core.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/**
 * The labelled rectangles of one task as the box formats (COCO, Pascal VOC) need them: in pixels, page by page.
 * A {@code rectanglelabels} region stores its box in percent of the page and the page's size beside it
 * ({@code original_width}, {@code original_height}; PDF points for PDF pages), so each region carries what
 * converts it. A region that cannot be converted faithfully (no page size, a coordinate that is not a number, a
 * turned image, a box outside its page) is reported and left out rather than guessed.
 * <p>
 * Conversion: a box rotated by {@code value.rotation} (degrees clockwise about its top-left corner, as Label
 * Studio draws it) becomes the upright box enclosing it; boxes are clamped to the page, with a problem reported
 * when they reached beyond it by more than rounding; edges are rounded to hundredths of a pixel. A page's size
 * is rounded to whole pixels. A box with several labels is exported once per label.
 */
final class VisualBoxes {

	/** How far a box may reach past its page, in percent, before it is reported: producers' rounding. */
	static final double TOLERANCE_PERCENT = 0.0001;

	/** A labelled box in pixels of its page, edges from the page's top-left corner, clamped to the page. */
	record Box(String label, BigDecimal left, BigDecimal top, BigDecimal right, BigDecimal bottom) {

		BigDecimal width() {
			return right.subtract(left);
		}

		BigDecimal height() {
			return bottom.subtract(top);
		}
	}

	/**
	 * One page with boxes: an image of the export.
	 *
	 * @param folder    the folder of the document as the task names it ({@code files} for imported documents)
	 * @param document  the document's file name
	 * @param page      1-based page number
	 * @param multiPage whether the document has more than one page, so names need the page
	 */
	record PageImage(String folder, String document, int page, boolean multiPage, int width, int height,
			List<Box> boxes) {

		/** The document's name, with {@code #page=N} (RFC 8118's PDF fragment) for a page of a multi-page one. */
		String fileName() {
			return multiPage ? document + "#page=" + page : document;
		}
	}

	private static final String IMAGE_FIELD = "image";
	private static final String PAGES_FIELD = "pages";

	private final List<PageImage> images;

	private VisualBoxes(List<PageImage> images) {
		this.images = images;
	}

	/** The pages with boxes, in page order. */
	List<PageImage> images() {
		return images;
	}

	/**
	 * Reads the boxes of the task's {@linkplain ExportedAnnotation#of exported annotation}; regions of other
	 * types (text spans, choices) are ignored, so a text task has no images.
	 *
	 * @param problems receives every region that was left out or changed, as a per-task problem
	 */
	static VisualBoxes of(Task task, Consumer<TaskProblem> problems) {
		return of(task, problems, Set.of());
	}

	/** As {@link #of(Task, Consumer)}, with assertion statuses, which are no box labels, left out. */
	static VisualBoxes of(Task task, Consumer<TaskProblem> problems, Set<String> assertionLabels) {
		ExportedAnnotation source = ExportedAnnotation.of(task);
		if (source == null) {
			return new VisualBoxes(List.of());
		}
		Document document = Document.of(task);
		Map<Integer, PageBuilder> pages = new TreeMap<>();
		List<Region> results = source.annotation().results();
		for (int r = 0; r < results.size(); r++) {
			Region region = results.get(r);
			List<String> labels = region.labels();
			boolean status = !labels.isEmpty() && !assertionLabels.isEmpty() && assertionLabels.containsAll(labels);
			if (region.kind() == Region.Kind.RECTANGLE_LABELS && !status) {
				String where = source.where(r, region);
				convert(region, document, pages, message -> problems.accept(new TaskProblem(task.id(), where, message)));
			}
		}
		boolean multiPage = document.pageCount > 1 || pages.keySet().stream().anyMatch(page -> page > 1);
		List<PageImage> images = new ArrayList<>();
		pages.forEach((number, page) -> images.add(new PageImage(document.folder, document.name, number, multiPage,
				page.width(), page.height(), List.copyOf(page.boxes))));
		return new VisualBoxes(List.copyOf(images));
	}

	private static void convert(Region region, Document document, Map<Integer, PageBuilder> pages,
			Consumer<String> report) {
		ObjectNode value = region.value();
		if (value == null) {
			report.accept("rectangle has no value");
			return;
		}
		List<String> labels = region.labels();
		if (labels.isEmpty()) {
			report.accept("rectangle has no label");
			return;
		}
		Double pageWidth = number(region.json(), "original_width");
		Double pageHeight = number(region.json(), "original_height");
		if (pageWidth == null || pageHeight == null || pageWidth <= 0 || pageHeight <= 0) {
			report.accept("rectangle has no page size (original_width and original_height above 0), which converting"
					+ " its percent to pixels needs");
			return;
		}
		JsonNode imageRotation = region.json().get("image_rotation");
		if (imageRotation != null && !imageRotation.isNull()
				&& !(imageRotation.isNumber() && imageRotation.doubleValue() == 0)) {
			report.accept("image_rotation " + imageRotation + " is not supported: the box is on a turned page");
			return;
		}
		Double x = number(value, "x");
		Double y = number(value, "y");
		Double width = number(value, "width");
		Double height = number(value, "height");
		if (x == null || y == null || width == null || height == null) {
			report.accept("rectangle has no numeric value.x, value.y, value.width and value.height");
			return;
		}
		if (width < 0 || height < 0) {
			report.accept("rectangle has a negative width or height");
			return;
		}
		JsonNode rotationNode = value.get("rotation");
		Double rotation = rotationNode == null || rotationNode.isNull() ? Double.valueOf(0) : number(value, "rotation");
		if (rotation == null) {
			report.accept("value.rotation " + rotationNode + " is not a number");
			return;
		}
		Integer page = pageNumber(value.get("pageNumber"));
		if (page == null) {
			report.accept("value.pageNumber " + value.get("pageNumber") + " is not a page number (1, 2, …)");
			return;
		}
		if (document.pageCount > 0 && page > document.pageCount) {
			report.accept("page " + page + " is beyond the document's " + document.pageCount + " pages");
			return;
		}
		PageBuilder builder = pages.get(page);
		if (builder != null && (builder.originalWidth != pageWidth || builder.originalHeight != pageHeight)) {
			report.accept("page " + page + " is " + size(pageWidth, pageHeight) + " here but "
					+ size(builder.originalWidth, builder.originalHeight) + " in an earlier rectangle");
			return;
		}
		if (builder == null) {
			builder = new PageBuilder(pageWidth, pageHeight);
		}

		double[] edges = enclosingEdges(x * pageWidth / 100, y * pageHeight / 100, width * pageWidth / 100,
				height * pageHeight / 100, rotation);
		double slackX = pageWidth * TOLERANCE_PERCENT / 100;
		double slackY = pageHeight * TOLERANCE_PERCENT / 100;
		boolean beyond = edges[0] < -slackX || edges[1] < -slackY || edges[2] > pageWidth + slackX
				|| edges[3] > pageHeight + slackY;
		BigDecimal left = pixels(edges[0], builder.width());
		BigDecimal top = pixels(edges[1], builder.height());
		BigDecimal right = pixels(edges[2], builder.width());
		BigDecimal bottom = pixels(edges[3], builder.height());
		if (right.compareTo(left) <= 0 || bottom.compareTo(top) <= 0) {
			report.accept(beyond ? "rectangle lies outside page " + page + " (" + size(pageWidth, pageHeight) + ")"
					: "rectangle is empty (under a hundredth of a pixel wide or high)");
			return;
		}
		if (beyond) {
			report.accept("rectangle reaches beyond page " + page + " (" + size(pageWidth, pageHeight)
					+ "); exported clamped to the page");
		}
		for (String label : labels) {
			builder.boxes.add(new Box(label, left, top, right, bottom));
		}
		pages.putIfAbsent(page, builder);
	}

	/** Left, top, right, bottom of the upright box enclosing a box turned clockwise about its top-left corner. */
	private static double[] enclosingEdges(double x, double y, double width, double height, double degrees) {
		if (degrees % 360 == 0) {
			return new double[] { x, y, x + width, y + height };
		}
		double cos = Math.cos(Math.toRadians(degrees));
		double sin = Math.sin(Math.toRadians(degrees));
		double[][] corners = { { 0, 0 }, { width, 0 }, { width, height }, { 0, height } };
		double[] edges = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (double[] corner : corners) {
			double cx = x + corner[0] * cos - corner[1] * sin;
			double cy = y + corner[0] * sin + corner[1] * cos;
			edges[0] = Math.min(edges[0], cx);
			edges[1] = Math.min(edges[1], cy);
			edges[2] = Math.max(edges[2], cx);
			edges[3] = Math.max(edges[3], cy);
		}
		return edges;
	}

	/** A coordinate clamped to 0..limit and rounded to hundredths of a pixel. */
	private static BigDecimal pixels(double coordinate, int limit) {
		double clamped = Math.max(0, Math.min(limit, coordinate));
		return BigDecimal.valueOf(clamped).setScale(2, RoundingMode.HALF_UP);
	}

	/** A field's value when it is a JSON number (text such as {@code "12.5"} is not), else {@code null}. */
	private static Double number(JsonNode parent, String field) {
		JsonNode node = parent.get(field);
		return node != null && node.isNumber() && Double.isFinite(node.doubleValue()) ? node.doubleValue() : null;
	}

	/** {@code value.pageNumber}: 1 when absent (an image), {@code null} when not a whole number from 1. */
	private static Integer pageNumber(JsonNode node) {
		if (node == null || node.isNull()) {
			return 1;
		}
		return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1 ? node.intValue() : null;
	}

	private static String size(double width, double height) {
		return BigDecimal.valueOf(width).stripTrailingZeros().toPlainString() + " x "
				+ BigDecimal.valueOf(height).stripTrailingZeros().toPlainString();
	}

	/** The boxes found so far on one page, and the page size the first of them gave. */
	private static final class PageBuilder {
		final double originalWidth;
		final double originalHeight;
		final List<Box> boxes = new ArrayList<>();

		PageBuilder(double originalWidth, double originalHeight) {
			this.originalWidth = originalWidth;
			this.originalHeight = originalHeight;
		}

		int width() {
			return (int) Math.max(1, Math.round(originalWidth));
		}

		int height() {
			return (int) Math.max(1, Math.round(originalHeight));
		}
	}

	/**
	 * The document a task's boxes are on: {@code data.image} as {@code io.labelbench.visual.VisualImporter} writes it
	 * ({@code files/<name>}; a URL works too), and {@code data.pages} when known (0 otherwise). A task without
	 * {@code data.image} is named {@code task-<id>}.
	 */
	private record Document(String folder, String name, int pageCount) {

		static Document of(Task task) {
			JsonNode pages = task.data().get(PAGES_FIELD);
			int pageCount = pages != null && pages.isIntegralNumber() && pages.canConvertToInt() ? pages.intValue() : 0;
			String image = task.dataText(IMAGE_FIELD);
			if (image == null || image.isBlank()) {
				return new Document("", "task-" + task.id(), pageCount);
			}
			String path = image.replace('\\', '/');
			if (path.contains("://")) {
				int query = indexOfAny(path, "?#");
				path = query < 0 ? path : path.substring(0, query);
			}
			int slash = path.lastIndexOf('/');
			String folderPath = slash < 0 ? "" : path.substring(0, slash);
			String folder = folderPath.substring(folderPath.lastIndexOf('/') + 1);
			String name = path.substring(slash + 1);
			return new Document(folder, name.isEmpty() ? "task-" + task.id() : name, pageCount);
		}

		private static int indexOfAny(String text, String characters) {
			for (int i = 0; i < text.length(); i++) {
				if (characters.indexOf(text.charAt(i)) >= 0) {
					return i;
				}
			}
			return -1;
		}
	}
}
