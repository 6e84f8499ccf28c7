package io.labelbench.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What PDF and image tasks need in a labeling config: an {@code Image} object on the task's {@code image} field
 * and a {@code RectangleLabels} control on it. {@link #withImageBoxes} adds what is missing, reusing the labels of
 * the config's text controls so that the same entities can be boxed on pages.
 */
public final class VisualConfig {

	/** The task field visual imports write the document into. */
	public static final String IMAGE_FIELD = "image";

	private VisualConfig() {
	}

	/** Whether the config has an Image object on which a RectangleLabels control draws boxes. */
	public static boolean hasImageBoxes(LabelingConfig config) {
		return imageWithBoxes(config) != null;
	}

	/** Whether the config has an Image object at all. */
	public static boolean hasImage(LabelingConfig config) {
		return config.objectTags().stream().anyMatch(o -> o.type().equals("image"));
	}

	private static String imageWithBoxes(LabelingConfig config) {
		for (ControlTag control : config.controlTags()) {
			if (control.type().equals("rectanglelabels")) {
				for (String to : control.toNames()) {
					ObjectTag object = config.object(to);
					if (object != null && object.type().equals("image")) {
						return to;
					}
				}
			}
		}
		return null;
	}

	/**
	 * The config text with an Image object (unless there is one) and a RectangleLabels control on it added
	 * before the root's end tag, offering the labels of the config's other label controls (or one {@code LABEL}
	 * when it has none). A config that has both already, or that is not well-formed, is returned unchanged.
	 */
	public static String withImageBoxes(String text) {
		LabelingConfig config = LabelingConfig.parse(text);
		ConfigElement root = config.root();
		if (root == null || root.endTagStart() < 0 || !config.parseDiagnostics().isEmpty() || hasImageBoxes(config)) {
			return text;
		}
		Set<String> names = new java.util.HashSet<>(config.objectNames());
		names.addAll(config.controlNames());
		StringBuilder added = new StringBuilder();
		String image = config.objectTags().stream().filter(o -> o.type().equals("image")).map(ObjectTag::name)
				.findFirst().orElse(null);
		if (image == null) {
			image = unique(names, IMAGE_FIELD);
			added.append("  <Image name=\"").append(image).append("\" value=\"$").append(IMAGE_FIELD).append("\"/>\n");
		}
		added.append("  <RectangleLabels name=\"").append(unique(names, "box")).append("\" toName=\"").append(image)
				.append("\">\n");
		Map<String, String> labels = new LinkedHashMap<>();
		for (ControlTag control : config.controlTags()) {
			if (Tags.LABEL_CONTROLS.contains(control.type()) && !control.dynamic()) {
				for (LabelValue value : control.values()) {
					if (value.value() != null && !value.assertion()) {
						labels.putIfAbsent(value.value(), value.background());
					}
				}
			}
		}
		if (labels.isEmpty()) {
			labels.put("LABEL", null);
		}
		labels.forEach((value, background) -> {
			added.append("    <Label value=\"").append(escape(value)).append('"');
			if (background != null) {
				added.append(" background=\"").append(escape(background)).append('"');
			}
			added.append("/>\n");
		});
		added.append("  </RectangleLabels>\n");
		int at = root.endTagStart();
		return text.substring(0, at) + added + text.substring(at);
	}

	private static String unique(Set<String> names, String base) {
		String name = base;
		for (int i = 2; names.contains(name); i++) {
			name = base + i;
		}
		names.add(name);
		return name;
	}

	private static String escape(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}
}
