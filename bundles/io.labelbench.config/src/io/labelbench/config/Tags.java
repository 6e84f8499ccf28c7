package io.labelbench.config;

import java.util.Set;

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

	private Tags() {
	}

	public static boolean isControl(String key) {
		return LABEL_CONTROLS.contains(key) || CHOICE_CONTROLS.contains(key) || OPEN_CONTROLS.contains(key);
	}

	public static boolean isKnown(String key) {
		return OBJECTS.contains(key) || isControl(key) || OTHER.contains(key);
	}
}
