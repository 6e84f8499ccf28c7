package io.labelbench.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.model.Region;

/**
 * A box on a page as GAL and Label Studio store it in {@code rectanglelabels}: x, y, width and height in percent
 * of the page, page numbers from 1.
 */
public record PageBox(int pageNumber, double x, double y, double width, double height) {

	/** Tolerance for boxes computed from points and rounded on the way. */
	private static final double EPSILON = 1e-6;

	/** The box of a rectangle region, or {@code null} when it has no numeric x, y, width and height. */
	public static PageBox of(Region region) {
		ObjectNode value = region.value();
		if (value == null) {
			return null;
		}
		for (String field : new String[] { "x", "y", "width", "height" }) {
			if (!value.path(field).isNumber()) {
				return null;
			}
		}
		JsonNode page = value.get("pageNumber");
		return new PageBox(page != null && page.canConvertToInt() ? page.intValue() : 1, value.get("x").doubleValue(),
				value.get("y").doubleValue(), value.get("width").doubleValue(), value.get("height").doubleValue());
	}

	/** Whether the box has an area and lies on the page. */
	public boolean isOnPage() {
		return pageNumber >= 1 && x >= -EPSILON && y >= -EPSILON && width > 0 && height > 0
				&& x + width <= 100 + EPSILON && y + height <= 100 + EPSILON;
	}

	/** Intersection over union with another box; 0 on other pages. */
	public double iou(PageBox other) {
		if (other.pageNumber != pageNumber) {
			return 0;
		}
		double ix = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
		double iy = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
		if (ix <= 0 || iy <= 0) {
			return 0;
		}
		double intersection = ix * iy;
		return intersection / (width * height + other.width * other.height - intersection);
	}

	void writeTo(ObjectNode value) {
		value.put("x", x);
		value.put("y", y);
		value.put("width", width);
		value.put("height", height);
		value.put("pageNumber", pageNumber);
	}
}
