package io.labelbench.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * The models a hub offers, read from its {@code public/models/metadata.json} (one JSON object a line). Entries
 * without versions or not ready to use are skipped and counted, as Spark NLP's downloader filters them. A line
 * that is not a JSON object is an error naming the file, line and column: Spark NLP's own reader fails on it
 * too, and skipping it would make a broken catalog look like a hub with fewer (or no) models.
 */
public final class ModelCatalog {

	/** Limit on the catalog's size: a real hub's metadata is a few MB. */
	static final long MAX_METADATA_BYTES = 64L * 1024 * 1024;

	private final HubLocation hub;
	private final List<HubEntry> entries;
	private final int skipped;

	private ModelCatalog(HubLocation hub, List<HubEntry> entries, int skipped) {
		this.hub = hub;
		this.entries = List.copyOf(entries);
		this.skipped = skipped;
	}

	public static ModelCatalog read(HubLocation hub) throws IOException {
		try (InputStream in = hub.open(HubLocation.METADATA, 0).stream()) {
			return parse(hub, in);
		}
	}

	static ModelCatalog parse(HubLocation hub, InputStream in) throws IOException {
		List<HubEntry> entries = new ArrayList<>();
		int skipped = 0;
		long bytes = 0;
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int lineNumber = 0;
		while ((line = reader.readLine()) != null) {
			lineNumber++;
			bytes += line.length() + 1;
			if (bytes > MAX_METADATA_BYTES) {
				throw new IOException(hub + ": catalog larger than " + MAX_METADATA_BYTES / (1024 * 1024) + " MB");
			}
			if (line.isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = Json.mapper().readTree(line);
			} catch (JsonProcessingException e) {
				int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
				throw new IOException(hub.describe(HubLocation.METADATA) + ":" + lineNumber + ":" + column
						+ ": not a JSON object (" + e.getOriginalMessage() + ")");
			}
			if (!(node instanceof ObjectNode object)) {
				throw new IOException(hub.describe(HubLocation.METADATA) + ":" + lineNumber + ":1: not a JSON object but "
						+ node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
			}
			HubEntry entry = HubEntry.of(object);
			if (entry == null) {
				skipped++;
			} else {
				entries.add(entry);
			}
		}
		return new ModelCatalog(hub, entries, skipped);
	}

	public HubLocation hub() {
		return hub;
	}

	public List<HubEntry> entries() {
		return entries;
	}

	/** Lines the catalog had that are not usable entries. */
	public int skipped() {
		return skipped;
	}

	/**
	 * The entry the Spark NLP downloader would pick for {@code name} and {@code language} on the given versions:
	 * among compatible entries the highest Spark version, then library version, then the newest.
	 */
	public Optional<HubEntry> select(String name, String language, Version lib, Version spark) {
		return entries.stream()
				.filter(e -> e.name().equals(name) && e.language().equals(language) && e.libVersion().runsOn(lib)
						&& e.sparkVersion().runsOn(spark))
				.max(Comparator.comparing(HubEntry::sparkVersion).thenComparing(HubEntry::libVersion)
						.thenComparing(HubEntry::time));
	}

	/** For each model name and language, the entry {@link #select} picks; in catalog order. */
	public List<HubEntry> newestCompatible(Version lib, Version spark) {
		Map<String, HubEntry> chosen = new LinkedHashMap<>();
		for (HubEntry entry : entries) {
			String id = entry.name() + "\u0000" + entry.language();
			if (!chosen.containsKey(id)) {
				select(entry.name(), entry.language(), lib, spark).ifPresent(best -> chosen.put(id, best));
			}
		}
		return List.copyOf(chosen.values());
	}
}
