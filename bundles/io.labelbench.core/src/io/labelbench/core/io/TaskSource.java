package io.labelbench.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.labelbench.core.json.Json;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.TaskReader;
import io.labelbench.core.model.Task;

/**
 * Tasks read one at a time from one import source: a GAL / Label Studio JSON export or JSON Lines file, a
 * plain-text file, a CSV / TSV file with a header row, or a folder of such files.
 */
abstract class TaskSource implements Closeable {

	private static final Pattern DOCUMENT = Pattern.compile(".*\\.(pdf|png|jpe?g|tiff?)");

	/** Largest plain-text file taken as one task. */
	static final long MAX_TEXT_FILE_BYTES = 64L * 1024 * 1024;

	final Path path;

	TaskSource(Path path) {
		this.path = path;
	}

	/** The next task, or {@code null} at the end. */
	abstract Task next() throws IOException;

	/** Where the last task came from, for messages: {@code file:line} or {@code file}. */
	abstract String position();

	/** Entries of a folder source that hold no tasks to import, with the reason; empty for a file. */
	List<SkippedFile> skipped() {
		return List.of();
	}

	static TaskSource open(Path path, ImportOptions options) throws IOException {
		if (Files.isDirectory(path)) {
			return new Folder(path, options);
		}
		if (!Files.isRegularFile(path)) {
			throw new TaskFormatException(path, 0, 0, "no such file or folder");
		}
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".txt")) {
			return new TextFile(path);
		}
		if (name.endsWith(".csv") || name.endsWith(".tsv")) {
			return new Table(path, name.endsWith(".tsv") ? '\t' : ',', options.textColumn());
		}
		return new JsonTasks(path);
	}

	private static final class JsonTasks extends TaskSource {
		private final TaskReader reader;

		JsonTasks(Path path) throws IOException {
			super(path);
			reader = TaskReader.open(path);
		}

		@Override
		Task next() throws IOException {
			return reader.next();
		}

		@Override
		String position() {
			return path + ":" + reader.lastTaskPosition();
		}

		@Override
		public void close() throws IOException {
			reader.close();
		}
	}

	/**
	 * Every task file of a folder (not its sub-folders), in file-name order, each read as its own kind. Links are
	 * followed only to files inside the folder (by real path), so a link to {@code /etc/passwd} never becomes a
	 * task; every entry left out is reported with the reason.
	 */
	private static final class Folder extends TaskSource {
		private final Iterator<Path> files;
		private final ImportOptions options;
		private final List<SkippedFile> skipped = new ArrayList<>();
		private TaskSource current;

		Folder(Path path, ImportOptions options) throws IOException {
			super(path);
			this.options = options;
			Path realFolder = path.toRealPath();
			List<Path> entries;
			try (Stream<Path> list = Files.list(path)) {
				entries = list.sorted().toList();
			}
			List<Path> accepted = new ArrayList<>();
			Map<Path, Path> byRealPath = new HashMap<>();
			for (Path entry : entries) {
				String reason = skipReason(entry, realFolder, byRealPath);
				if (reason == null) {
					accepted.add(entry);
				} else {
					skipped.add(new SkippedFile(entry, reason));
				}
			}
			files = accepted.iterator();
		}

		/** Why an entry is not imported, or {@code null} when it is a task file to import. */
		private static String skipReason(Path entry, Path realFolder, Map<Path, Path> byRealPath) {
			if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
				return "a folder (folders inside the imported folder are not imported)";
			}
			Path real;
			try {
				real = entry.toRealPath();
			} catch (IOException e) {
				return "a link to nothing (" + linkTarget(entry) + ")";
			}
			if (!real.startsWith(realFolder)) {
				return "a link to " + real + ", outside the imported folder";
			}
			if (Files.isDirectory(real)) {
				return "a link to a folder (folders inside the imported folder are not imported)";
			}
			if (!Files.isRegularFile(real)) {
				return "not a regular file";
			}
			String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.startsWith(".")) {
				return "a hidden file";
			}
			if (!(name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".csv")
					|| name.endsWith(".tsv"))) {
				return DOCUMENT.matcher(name).matches()
						? "a PDF or image: documents are imported when named one by one, not from a folder"
						: "not a task file (.json, .jsonl, .txt, .csv or .tsv)";
			}
			Path first = byRealPath.putIfAbsent(real, entry);
			return first == null ? null : "the same file as " + first.getFileName();
		}

		private static String linkTarget(Path link) {
			try {
				return String.valueOf(Files.readSymbolicLink(link));
			} catch (IOException | UnsupportedOperationException e) {
				return "unreadable";
			}
		}

		@Override
		List<SkippedFile> skipped() {
			return List.copyOf(skipped);
		}

		@Override
		Task next() throws IOException {
			while (true) {
				if (current != null) {
					Task task = current.next();
					if (task != null) {
						return task;
					}
					current.close();
					current = null;
				}
				if (!files.hasNext()) {
					return null;
				}
				current = TaskSource.open(files.next(), options);
			}
		}

		@Override
		String position() {
			return current == null ? String.valueOf(path) : current.position();
		}

		@Override
		public void close() throws IOException {
			if (current != null) {
				current.close();
			}
		}
	}

	/** One task per text file; {@code data.title} keeps the file name. */
	private static final class TextFile extends TaskSource {
		private final Iterator<Path> files;
		private Path current;

		TextFile(Path path) {
			super(path);
			files = List.of(path).iterator();
		}

		@Override
		Task next() throws IOException {
			if (!files.hasNext()) {
				return null;
			}
			current = files.next();
			if (Files.size(current) > MAX_TEXT_FILE_BYTES) {
				throw new TaskFormatException(current, 0, 0, "text file larger than "
						+ MAX_TEXT_FILE_BYTES / (1024 * 1024) + " MB (the limit for one task)");
			}
			StringBuilder content = new StringBuilder((int) Files.size(current));
			try (Reader reader = new StrictUtf8Reader(current, Files.newInputStream(current))) {
				char[] buffer = new char[16 * 1024];
				for (int n; (n = reader.read(buffer)) >= 0;) {
					content.append(buffer, 0, n);
				}
			}
			String text = content.toString();
			ObjectNode json = Json.nodes().objectNode();
			json.putObject(Task.DATA).put("text", text).put("title", current.getFileName().toString());
			return new Task(json);
		}

		@Override
		String position() {
			return String.valueOf(current);
		}

		@Override
		public void close() {
			// nothing held open
		}
	}

	/** One task per row; every column goes into {@code data}, the text column as {@code data.text}. */
	private static final class Table extends TaskSource {
		private final MappingIterator<Map<String, String>> rows;
		private final String textColumn;

		Table(Path path, char separator, String textColumn) throws IOException {
			super(path);
			this.textColumn = textColumn;
			CsvMapper mapper = new CsvMapper();
			mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
			CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
			// decoded here rather than by Jackson, so that a file that is not UTF-8 is named with line, column and byte
			Reader text = new StrictUtf8Reader(path, Files.newInputStream(path));
			MappingIterator<Map<String, String>> opened = null;
			CsvSchema header = null;
			try {
				opened = mapper.readerForMapOf(String.class).with(schema).readValues(text);
				header = (CsvSchema) opened.getParserSchema();
			} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
				text.close();
				String problem = String.valueOf(e.getOriginalMessage());
				if (!problem.startsWith("Empty header")) {
					throw new TaskFormatException(path, 1, 0,
							"malformed header row: " + problem.lines().findFirst().orElse(""), e);
				}
			} catch (IOException | RuntimeException e) {
				text.close();
				throw e;
			}
			if (header == null || header.getColumnNames().stream().allMatch(String::isBlank)) {
				if (opened != null) {
					opened.close();
				}
				boolean empty = Files.size(path) == 0;
				throw new TaskFormatException(path, empty ? 0 : 1, 0,
						(empty ? "empty file" : "no header row") + ": expected a header row naming the columns");
			}
			rows = opened;
			if (header.column(textColumn) == null) {
				List<String> names = header.getColumnNames();
				rows.close();
				throw new TaskFormatException(path, 1, 0, "no column '" + textColumn + "' in the header (columns: "
						+ String.join(", ", names) + "); choose the text column");
			}
		}

		@Override
		Task next() throws IOException {
			try {
				if (!rows.hasNextValue()) {
					return null;
				}
				Map<String, String> row = rows.nextValue();
				ObjectNode json = Json.nodes().objectNode();
				ObjectNode data = json.putObject(Task.DATA);
				data.put("text", row.get(textColumn));
				row.forEach((column, value) -> {
					if (!column.equals(textColumn) && !column.equals("text")) {
						data.put(column, value);
					}
				});
				return new Task(json);
			} catch (RuntimeJsonMappingException | com.fasterxml.jackson.core.JsonProcessingException e) {
				var at = rows.getCurrentLocation();
				throw new TaskFormatException(path, at == null ? 0 : at.getLineNr(), 0,
						"malformed row: " + e.getMessage().lines().findFirst().orElse(""), e);
			}
		}

		@Override
		String position() {
			var at = rows.getCurrentLocation();
			return path + ":" + (at == null ? "" : at.getLineNr());
		}

		@Override
		public void close() throws IOException {
			rows.close();
		}
	}
}
