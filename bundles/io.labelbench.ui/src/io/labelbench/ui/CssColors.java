package io.labelbench.ui;

import org.eclipse.swt.graphics.RGB;

/**
 * Label colours as configs write them (CSS hex), shared by the task editors and the config editor so that
 * neither has to depend on the other for them.
 */
public final class CssColors {

	private CssColors() {
	}

	/** Whether white text reads better than black on this colour. */
	public static boolean isDark(RGB rgb) {
		return rgb.red * 0.299 + rgb.green * 0.587 + rgb.blue * 0.114 < 140;
	}

	/** #RGB or #RRGGBB; other colour forms give {@code null}. */
	public static RGB rgb(String css) {
		if (css == null || !css.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")) {
			return null;
		}
		String hex = css.length() == 4
				? "" + css.charAt(1) + css.charAt(1) + css.charAt(2) + css.charAt(2) + css.charAt(3) + css.charAt(3)
				: css.substring(1);
		int v = Integer.parseInt(hex, 16);
		return new RGB(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
	}
}
