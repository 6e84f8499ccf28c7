package io.labelbench.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The tag vocabulary of the Label Studio / GAL config dialect, by lower-case name. */
public final class Tags {

	/** Tags that show task data and that controls label. */
	public static final Set<String> OBJECTS = Set.of("text", "hypertext", "image", "paragraphs", "table", "audio",
			"audioplus", "video", "timeseries", "pdf", "list");

	/** Controls whose values are {@code <Label>} children. */
	public static final Set<String> LABEL_CONTROLS = Set.of("labels", "hypertextlabels", "paragraphlabels",
			"rectanglelabels", "polygonlabels", "ellipselabels", "keypointlabels", "brushlabels", "bitmasklabels",
			"timeserieslabels");

	/** Controls whose values are {@code <Choice>} children. */
	public static final Set<String> CHOICE_CONTROLS = Set.of("choices", "taxonomy");

	/** Controls without a closed list of values (free text, numbers, shapes without labels…). */
	public static final Set<String> OPEN_CONTROLS = Set.of("textarea", "rating", "number", "datetime", "ranker",
			"pairwise", "rectangle", "polygon", "ellipse", "keypoint", "brush", "bitmask", "magicwand",
			"videorectangle");

	/** Layout and helper tags that are neither objects nor controls. */
	public static final Set<String> OTHER = Set.of("view", "header", "style", "filter", "collapse", "panel", "label",
			"choice", "relation", "relations", "shortcut", "repeater", "bucket", "channel", "multichannel");

	/**
	 * Controls that create regions on an object and cannot work without {@code toName}; the others classify
	 * or describe the whole task, which Label Studio also accepts without {@code toName}.
	 */
	public static final Set<String> REGION_CONTROLS = Set.of("labels", "hypertextlabels", "paragraphlabels",
			"rectanglelabels", "polygonlabels", "ellipselabels", "keypointlabels", "brushlabels", "bitmasklabels",
			"timeserieslabels", "rectangle", "polygon", "ellipse", "keypoint", "brush", "bitmask", "magicwand",
			"videorectangle", "ranker", "pairwise");

	/** How tags are spelled in Label Studio's documentation where capitalising the key is not enough. */
	private static final Map<String, String> SPELLING = Map.ofEntries(Map.entry("hypertext", "HyperText"),
			Map.entry("hypertextlabels", "HyperTextLabels"), Map.entry("paragraphlabels", "ParagraphLabels"),
			Map.entry("rectanglelabels", "RectangleLabels"), Map.entry("polygonlabels", "PolygonLabels"),
			Map.entry("ellipselabels", "EllipseLabels"), Map.entry("keypointlabels", "KeyPointLabels"),
			Map.entry("brushlabels", "BrushLabels"), Map.entry("bitmasklabels", "BitmaskLabels"),
			Map.entry("timeserieslabels", "TimeSeriesLabels"), Map.entry("timeseries", "TimeSeries"),
			Map.entry("audioplus", "AudioPlus"), Map.entry("textarea", "TextArea"), Map.entry("datetime", "DateTime"),
			Map.entry("keypoint", "KeyPoint"), Map.entry("magicwand", "MagicWand"),
			Map.entry("videorectangle", "VideoRectangle"), Map.entry("multichannel", "MultiChannel"),
			Map.entry("pdf", "PDF"));

	private Tags() {
	}

	/** A tag key as it is written in configs, e.g. {@code rectanglelabels} -> {@code RectangleLabels}. */
	public static String spelling(String key) {
		String known = SPELLING.get(key);
		return known != null ? known : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
	}

	/** Every known tag, spelled as in configs, sorted. */
	public static Set<String> allSpelled() {
		Set<String> out = new TreeSet<>();
		for (Set<String> group : java.util.List.of(OBJECTS, LABEL_CONTROLS, CHOICE_CONTROLS, OPEN_CONTROLS, OTHER)) {
			group.forEach(key -> out.add(spelling(key)));
		}
		return out;
	}

	public static boolean isControl(String key) {
		return LABEL_CONTROLS.contains(key) || CHOICE_CONTROLS.contains(key) || OPEN_CONTROLS.contains(key);
	}

	public static boolean isKnown(String key) {
		return OBJECTS.contains(key) || isControl(key) || OTHER.contains(key);
	}
}
