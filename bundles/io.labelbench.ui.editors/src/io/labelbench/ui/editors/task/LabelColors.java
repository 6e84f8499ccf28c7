package io.labelbench.ui.editors.task;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.ui.CssColors;

/**
 * The colour of each label: the config's {@code background} when it is #RGB or #RRGGBB, otherwise one
 * picked from the label's name so that it stays the same from run to run. Owns its colours.
 */
public final class LabelColors {

	/** Distinct, readable colours for labels the config gives none. */
	private static final RGB[] FALLBACK = { new RGB(0xEF, 0x9A, 0x9A), new RGB(0x90, 0xCA, 0xF9),
			new RGB(0xA5, 0xD6, 0xA7), new RGB(0xFF, 0xCC, 0x80), new RGB(0xCE, 0x93, 0xD8), new RGB(0x80, 0xDE, 0xEA),
			new RGB(0xE6, 0xEE, 0x9C), new RGB(0xBC, 0xAA, 0xA4) };

	private final Map<String, RGB> configured = new HashMap<>();
	private final Map<RGB, Color> colors = new HashMap<>();

	public LabelColors(LabelingConfig config) {
		update(config);
	}

	/** Takes the colours of a (changed) config. */
	public void update(LabelingConfig config) {
		configured.clear();
		if (config != null) {
			for (ControlTag control : config.controlTags()) {
				for (LabelValue value : control.values()) {
					RGB rgb = rgb(value.background());
					if (value.value() != null && rgb != null) {
						configured.putIfAbsent(value.value(), rgb);
					}
				}
			}
		}
	}

	public RGB rgbOf(String label) {
		RGB rgb = configured.get(label);
		return rgb != null ? rgb : FALLBACK[Math.floorMod(label == null ? 0 : label.hashCode(), FALLBACK.length)];
	}

	public Color background(String label) {
		return colors.computeIfAbsent(rgbOf(label), Color::new);
	}

	/** Black or white, whichever reads better on the label's colour. */
	public Color foreground(String label) {
		return colors.computeIfAbsent(isDark(rgbOf(label)) ? new RGB(255, 255, 255) : new RGB(0, 0, 0), Color::new);
	}

	public Color color(RGB rgb) {
		return colors.computeIfAbsent(rgb, Color::new);
	}

	public static boolean isDark(RGB rgb) {
		return CssColors.isDark(rgb);
	}

	/** #RGB or #RRGGBB; other colour forms give {@code null}. */
	public static RGB rgb(String css) {
		return CssColors.rgb(css);
	}

	public void dispose() {
		colors.values().forEach(Color::dispose);
		colors.clear();
	}
}
