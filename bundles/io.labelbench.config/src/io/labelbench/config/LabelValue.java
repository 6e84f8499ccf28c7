package io.labelbench.config;

/**
 * One value a control offers: a {@code <Label>}, {@code <Choice>} or {@code <Relation>} with the attributes
 * the pipeline reads ({@code model} names a model, {@code prompt} a zero-shot prompt). Attributes that are absent
 * are {@code null}.
 */
public record LabelValue(ConfigElement element, String value, String alias, String background, String hotkey,
		String model, boolean assertion, String prompt) {

	static LabelValue of(ConfigElement element) {
		return new LabelValue(element, element.get("value"), element.get("alias"), element.get("background"),
				element.get("hotkey"), blankToNull(element.get("model")), "true".equalsIgnoreCase(element.get("assertion")),
				blankToNull(element.get("prompt")));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
