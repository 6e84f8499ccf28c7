package io.labelbench.config;

import java.util.List;

/**
 * A control tag ({@code Labels}, {@code Choices}, {@code TextArea}…): its name, the object names of its
 * {@code toName} (a comma-separated list in the attribute) and the values it offers. {@code dynamic} is set
 * when the values come from task data ({@code value="$field"}).
 */
public record ControlTag(ConfigElement element, String name, List<String> toNames, List<LabelValue> values,
		boolean dynamic) {

	public String type() {
		return element.key();
	}

	/** Whether the values are a closed list that results can be checked against. */
	public boolean hasClosedValues() {
		return !dynamic && (Tags.LABEL_CONTROLS.contains(type()) || "choices".equals(type()));
	}
}
