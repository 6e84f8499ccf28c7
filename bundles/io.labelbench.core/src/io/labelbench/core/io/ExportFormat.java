package io.labelbench.core.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@link TaskExporter} writes. */
public enum ExportFormat {
	/** GAL JSON: an array of tasks with {@code predictions} and {@code completions}, as stored. */
	GAL("gal", "json"),
	/** Label Studio JSON: the same, with completions under Label Studio's key {@code annotations}. */
	LABEL_STUDIO("labelstudio", "json"),
	/** One GAL task per line. */
	JSONL("jsonl", "jsonl"),
	/** CoNLL 2003 with BIO tags from span labels (see {@link ConllWriter} for the tokenization). */
	CONLL("conll", "conll"),
	/** One row per task: id, data fields, predictions and completions as JSON. */
	CSV("csv", "csv"),
	TSV("tsv", "tsv"),
	/** COCO object detection: the boxes of visual tasks in one JSON document (see {@link CocoWriter}). */
	COCO("coco", "json"),
	/** Pascal VOC: the boxes of visual tasks, one XML file per page, in a zip (see {@link VocWriter}). */
	VOC("voc", "zip");

	private final String id;
	private final String extension;

	ExportFormat(String id, String extension) {
		this.id = id;
		this.extension = extension;
	}

	/** The name used on the command line. */
	public String id() {
		return id;
	}

	public String extension() {
		return extension;
	}

	public static ExportFormat parse(String text) {
		String wanted = text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		for (ExportFormat format : values()) {
			if (format.id.equals(wanted)) {
				return format;
			}
		}
		throw new IllegalArgumentException("unknown export format '" + text + "' (" + ids() + ")");
	}

	/** The command-line names of all formats, as {@code gal, labelstudio, …}. */
	public static String ids() {
		return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
	}
}
