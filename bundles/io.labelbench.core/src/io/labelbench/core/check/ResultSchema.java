package io.labelbench.core.check;

import java.util.Map;
import java.util.Set;

/**
 * What a project's labeling config defines, as far as checking task results needs it. The config bundle
 * implements it from a parsed {@code labeling-config.xml}; core stays free of XML.
 */
public interface ResultSchema {

	/** Whether a control tag with this {@code name} exists (the {@code from_name} of a result). */
	boolean hasControl(String name);

	/** Whether the control {@code controlName} labels the object tag {@code objectName} (its {@code toName}). */
	boolean controlTargets(String controlName, String objectName);

	/**
	 * The label or choice values the control offers; empty when they are open-ended (values taken from task
	 * data, text areas) and must not be checked.
	 */
	Set<String> valuesOf(String controlName);

	/**
	 * The task data field an object tag shows ({@code text} for {@code <Text value="$text"/>}), or {@code null}
	 * when the object is unknown or its value is not a {@code $field}.
	 */
	default String dataFieldOf(String objectName) {
		return null;
	}

	/**
	 * The object tags whose task data must be a string (Text, HyperText, and Image, Audio, Video or PDF with a
	 * {@code value}), by name, with the data field each shows: {@code text -> text} for
	 * {@code <Text name="text" value="$text"/>}. Empty when unknown.
	 */
	default Map<String, String> textDataFields() {
		return Map.of();
	}

	/** The values of the config's {@code <Relation>} tags; empty when relations may carry any label or none. */
	default Set<String> relationLabels() {
		return Set.of();
	}

	/**
	 * The labels with {@code assertion="true"}: an assertion status ("absent", "possible" …) set on the span of an
	 * entity chunk as a region of its own with the same offsets, as Generative AI Lab exports it. Empty when the
	 * config has none.
	 */
	default Set<String> assertionLabels() {
		return Set.of();
	}
}
