package io.labelbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An element of a labeling config with its source ranges. Every tag and attribute is kept, known or not;
 * the text of the config itself is never rewritten by the parser, so unknown content round-trips unchanged.
 */
public final class ConfigElement {

	private final String tag;
	private final String key;
	private final ConfigElement parent;
	private final int start;
	private final int nameEnd;
	final List<ConfigAttribute> attributes = new ArrayList<>(4);
	final List<ConfigElement> children = new ArrayList<>(2);
	int startTagEnd;
	int end = -1;
	boolean selfClosing;
	int endTagStart = -1;

	ConfigElement(String tag, ConfigElement parent, int start) {
		this.tag = tag;
		this.key = tag.toLowerCase(Locale.ROOT);
		this.parent = parent;
		this.start = start;
		this.nameEnd = start + 1 + tag.length();
	}

	/** The tag name as written. */
	public String tag() {
		return tag;
	}

	/** The tag name in lower case: Label Studio matches tag names case-insensitively. */
	public String key() {
		return key;
	}

	public ConfigElement parent() {
		return parent;
	}

	/** Offset of the {@code <} of the start tag. */
	public int start() {
		return start;
	}

	/** Range of the tag name in the start tag. */
	public int nameStart() {
		return start + 1;
	}

	public int nameEnd() {
		return nameEnd;
	}

	/** Offset just after the start tag's {@code >} (or where the parser gave up on it). */
	public int startTagEnd() {
		return startTagEnd;
	}

	/** Offset just after the end tag, or after the start tag when self-closing. */
	public int end() {
		return end;
	}

	/** Offset of the {@code </} of the end tag, or -1 when self-closing or never closed. */
	public int endTagStart() {
		return endTagStart;
	}

	public boolean selfClosing() {
		return selfClosing;
	}

	public List<ConfigAttribute> attributes() {
		return Collections.unmodifiableList(attributes);
	}

	public List<ConfigElement> children() {
		return Collections.unmodifiableList(children);
	}

	/** The first attribute whose name matches case-insensitively, or {@code null}. */
	public ConfigAttribute attribute(String name) {
		for (ConfigAttribute attribute : attributes) {
			if (attribute.name().equalsIgnoreCase(name)) {
				return attribute;
			}
		}
		return null;
	}

	/** The value of {@link #attribute(String)}, or {@code null}. */
	public String get(String name) {
		ConfigAttribute attribute = attribute(name);
		return attribute == null ? null : attribute.value();
	}

	public boolean isInside(String ancestorKey) {
		for (ConfigElement e = parent; e != null; e = e.parent) {
			if (e.key.equals(ancestorKey)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "<" + tag + "> at " + start;
	}
}
