package io.labelbench.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Starter labeling configs a new project can begin with; each is a resource next to this class and validates
 * without errors.
 */
public enum ConfigTemplate {
	NER("ner.xml"), CLASSIFICATION("classification.xml"), ASSERTION_RELATIONS("assertion-relations.xml"),
	VISUAL_NER("visual-ner.xml");

	private final String resource;

	ConfigTemplate(String resource) {
		this.resource = resource;
	}

	/** The config's text (UTF-8). */
	public String text() {
		try (InputStream in = ConfigTemplate.class.getResourceAsStream("templates/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("template missing from the bundle: templates/" + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether the template labels boxes on PDF pages and images rather than spans of text. */
	public boolean isVisual() {
		return this == VISUAL_NER;
	}
}
