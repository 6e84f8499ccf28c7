package io.labelbench.hub;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A version as the Spark NLP hub writes it, {@code {"parts":[5,5,3]}}. An entry built for {@code [3,5]} runs on
 * Spark 3.5.x: compatibility compares only as many parts as the entry's version has.
 */
public record Version(List<Integer> parts) implements Comparable<Version> {

	public Version {
		parts = List.copyOf(parts);
	}

	public static Version parse(String dotted) {
		List<Integer> parts = new ArrayList<>();
		for (String part : dotted.split("\\.")) {
			try {
				parts.add(Integer.parseInt(part.replaceAll("[^0-9].*$", "")));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("not a version: " + dotted);
			}
		}
		return new Version(parts);
	}

	/** The version of a {@code {"parts":[…]}} node, or {@code null} when it is missing or malformed. */
	static Version fromJson(JsonNode node) {
		JsonNode parts = node == null ? null : node.get("parts");
		if (parts == null || !parts.isArray() || parts.isEmpty()) {
			return null;
		}
		List<Integer> values = new ArrayList<>();
		for (JsonNode part : parts) {
			if (!part.canConvertToInt()) {
				return null;
			}
			values.add(part.intValue());
		}
		return new Version(values);
	}

	/**
	 * Whether an entry of this version runs on {@code running}: equal or lower, compared on this version's own
	 * length; an entry more specific than the running version is not taken (as in Spark NLP's downloader).
	 */
	public boolean runsOn(Version running) {
		if (parts.size() > running.parts.size()) {
			return false;
		}
		for (int i = 0; i < parts.size(); i++) {
			int available = running.parts.get(i);
			if (parts.get(i) != available) {
				return parts.get(i) < available;
			}
		}
		return true;
	}

	@Override
	public int compareTo(Version other) {
		for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
			int a = i < parts.size() ? parts.get(i) : 0;
			int b = i < other.parts.size() ? other.parts.get(i) : 0;
			if (a != b) {
				return Integer.compare(a, b);
			}
		}
		return 0;
	}

	@Override
	public String toString() {
		return String.join(".", parts.stream().map(String::valueOf).toList());
	}
}
