package io.labelbench.hub;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/**
 * One line of a hub's {@code metadata.json}: the fields Spark NLP's downloader reads, and the optional fields
 * Labelbench adds ({@code task}, {@code domain}, {@code labels}, {@code embeddings}, {@code description},
 * {@code size}, {@code metrics}). The line is kept whole in {@link #json()}.
 */
public record HubEntry(String name, String language, Version libVersion, Version sparkVersion, Instant time,
		boolean zipped, String category, String checksum, String annotator, ObjectNode json) {

	/** The entry of a metadata line, or {@code null} for entries the real downloader skips as well. */
	static HubEntry of(ObjectNode json) {
		String name = Json.text(json, "name");
		Version lib = Version.fromJson(json.get("libVersion"));
		Version spark = Version.fromJson(json.get("sparkVersion"));
		if (name == null || lib == null || spark == null || !json.path("readyToUse").asBoolean(false)) {
			return null;
		}
		Instant time;
		try {
			time = Instant.parse(json.path("time").asText(""));
		} catch (DateTimeParseException e) {
			return null;
		}
		return new HubEntry(name, json.path("language").asText("en"), lib, spark, time,
				json.path("isZipped").asBoolean(true), json.path("category").asText("ml"),
				json.path("checksum").asText("").toUpperCase(Locale.ROOT), Json.text(json, "annotator"), json);
	}

	/**
	 * The file name stem under which the hub keeps the model and the local cache its folder, as Spark NLP forms
	 * it: {@code name_lang_libVersion_sparkVersion_epochMillis}.
	 */
	public String key() {
		return name + "_" + language + "_" + libVersion + "_" + sparkVersion + "_" + time.toEpochMilli();
	}

	/** ner, classification, assertion, relation, embeddings … from our field or, failing that, the annotator. */
	public String task() {
		String task = Json.text(json, "task");
		return task != null ? task : ModelMetadata.taskOfClass(annotator == null ? "" : annotator);
	}

	/** Clinical, Finance, Legal, Visual, Rules or General. */
	public String domain() {
		String domain = Json.text(json, "domain");
		return domain == null ? "General" : domain;
	}

	public List<String> labels() {
		List<String> labels = new ArrayList<>();
		json.path("labels").forEach(label -> labels.add(label.asText()));
		return labels;
	}

	/**
	 * For assertion and relation models, the NER labels of the chunks they work on, as the catalog lists them
	 * (optional field {@code entityLabels}); the downloaded model's own metadata is authoritative.
	 */
	public List<String> entityLabels() {
		List<String> labels = new ArrayList<>();
		json.path("entityLabels").forEach(label -> labels.add(label.asText()));
		return labels;
	}

	/** The embeddings model this one needs, or {@code null}. */
	public String embeddings() {
		return Json.text(json, "embeddings");
	}

	public String description() {
		String text = Json.text(json, "description");
		return text == null ? "" : text;
	}

	/** Size of the zip in bytes, -1 when the catalog does not say. */
	public long size() {
		JsonNode size = json.get("size");
		return size != null && size.canConvertToLong() ? size.longValue() : -1;
	}

	/** Held-out metrics recorded when the model was published: precision, recall, f1; empty when none. */
	public JsonNode metrics() {
		return json.path("metrics");
	}
}
