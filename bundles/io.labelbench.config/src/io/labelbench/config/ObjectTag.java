package io.labelbench.config;

/** An object tag ({@code Text}, {@code Image}…): its name and the value it shows. */
public record ObjectTag(ConfigElement element, String name, String value) {

	/** The tag's lower-case type ({@code text}, {@code hypertext}…). */
	public String type() {
		return element.key();
	}

	/**
	 * The task field of a {@code $field} value (or of {@code valueList} when there is no value), or
	 * {@code null} for a literal value or none.
	 */
	public String dataField() {
		return value != null && value.length() > 1 && value.charAt(0) == '$' ? value.substring(1) : null;
	}
}
