package io.labelbench.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;

/**
 * Exports a project's tasks, predictions included, streaming one task at a time. The output file appears only
 * when the export is complete: a cancelled, failed or killed export leaves any earlier file untouched. The task
 * formats write every task; the box formats (COCO, Pascal VOC) write the rectangles of visual tasks only. An
 * export into the project's own storage (tasks, config, settings, files) is refused before anything is written.
 */
public final class TaskExporter {

	/** Problems beyond this many are counted, not listed. */
	public static final int MAX_REPORTED_PROBLEMS = 100;

	private final LabelbenchProject project;
	private final Set<String> assertionLabels;

	/** An exporter that cannot tell assertion statuses from entity labels (no config). */
	public TaskExporter(LabelbenchProject project) {
		this(project, null);
	}

	/**
	 * @param schema the project's config: its assertion labels are statuses, which CoNLL, COCO and Pascal VOC
	 *               leave out (and count) instead of writing them as entities; {@code null} when unknown
	 */
	public TaskExporter(LabelbenchProject project, ResultSchema schema) {
		this.project = project;
		this.assertionLabels = schema == null ? Set.of() : Set.copyOf(schema.assertionLabels());
	}

	/**
	 * Exports all tasks. Regions a format cannot hold faithfully (a COCO or Pascal VOC box without its page size)
	 * are left out and come back as problems, one per region, rather than failing the export.
	 */
	public ExportResult export(ExportFormat format, Path out, Progress progress) throws IOException {
		refuseTargetInsideProject(project, out);
		TaskStore store = project.tasks();
		List<TaskId> ids = store.ids();
		progress.begin("Exporting " + ids.size() + " tasks as " + format.id(), ids.size());
		ProblemList problems = new ProblemList();
		int[] exported = { ids.size() };
		LeftOut leftOut = new LeftOut(assertionLabels, format == ExportFormat.COCO || format == ExportFormat.VOC);
		AtomicFile.write(out, stream -> {
			leftOut.reset(); // a retried write counts afresh
			switch (format) {
			case GAL, LABEL_STUDIO, JSONL -> writeJson(format, store, ids, stream, progress);
			case CONLL -> writeConll(store, ids, stream, progress, leftOut);
			case CSV, TSV -> writeTable(format == ExportFormat.TSV ? '\t' : ',', store, ids, stream, progress);
			case COCO -> exported[0] = CocoWriter.write(store, ids, stream, progress, problems, leftOut);
			case VOC -> exported[0] = VocWriter.write(store, ids, stream, progress, problems, leftOut);
			}
		});
		return new ExportResult(exported[0], ids.size() - exported[0], List.copyOf(problems.listed), problems.count,
				leftOut.relations, leftOut.assertions);
	}

	/**
	 * Counts what a single-answer format (CoNLL, COCO, Pascal VOC) has no place for in the answer it writes of a
	 * task: its relations and its assertion status regions. For the box formats only those between or on boxes
	 * count; the spans of text tasks are left out with their task, which the result says already.
	 */
	static final class LeftOut {
		final Set<String> assertionLabels;
		private final boolean boxes;
		int relations;
		int assertions;

		LeftOut(Set<String> assertionLabels, boolean boxes) {
			this.assertionLabels = assertionLabels;
			this.boxes = boxes;
		}

		void reset() {
			relations = 0;
			assertions = 0;
		}

		void count(Task task) {
			ExportedAnnotation source = ExportedAnnotation.of(task);
			if (source == null) {
				return;
			}
			List<Region> results = source.annotation().results();
			Set<String> boxIds = new HashSet<>();
			for (Region region : results) {
				if (region.kind() == Region.Kind.RECTANGLE_LABELS && region.id() != null) {
					boxIds.add(region.id());
				}
			}
			for (Region region : results) {
				if (region.kind() == Region.Kind.RELATION) {
					if (!boxes || boxIds.contains(region.fromId()) || boxIds.contains(region.toId())) {
						relations++;
					}
				} else if (isAssertion(region) && (boxes ? region.kind() == Region.Kind.RECTANGLE_LABELS
						: region.kind() != Region.Kind.CHOICES && region.start() != null)) {
					assertions++;
				}
			}
		}

		/** Whether every label of the region is an assertion status. */
		boolean isAssertion(Region region) {
			List<String> labels = region.labels();
			return !assertionLabels.isEmpty() && !labels.isEmpty() && assertionLabels.containsAll(labels);
		}
	}

	/** What an export must never overwrite: the files and folders the project keeps its content in. */
	private static final List<String> STORAGE = List.of(TaskStore.FOLDER + "/", LabelbenchProject.CONFIG_FILE,
			LabelbenchProject.META_FOLDER + "/", LabelbenchProject.FILES_FOLDER + "/", "rules/", ".project");

	/**
	 * Refuses a folder as target, and a target in the project's storage (or the project folder itself), compared
	 * after resolving links and {@code ..}, so that no spelling of a task, config or settings file gets overwritten.
	 * Every command that writes a file the user names about a project (exports, reports) checks it.
	 */
	public static void refuseTargetInsideProject(LabelbenchProject project, Path out) throws IOException {
		Path target = realPath(out);
		Path root = realPath(project.folder());
		for (String stored : STORAGE) {
			Path storage = root.resolve(stored.endsWith("/") ? stored.substring(0, stored.length() - 1) : stored);
			if (target.startsWith(storage) || target.equals(root)) {
				throw new FileSystemException(out.toString(), null, "inside the project (" + (target.equals(root)
						? "its folder" : stored) + "): writing there would overwrite the project's own files;"
						+ " choose a file outside tasks/, files/, .labelbench/ and labeling-config.xml");
			}
		}
		if (Files.isDirectory(out)) {
			throw new FileSystemException(out.toString(), null, "is a folder; name the file to export to");
		}
	}

	/** The real path of a file that may not exist yet: its nearest existing folder resolved, then the rest. */
	static Path realPath(Path path) throws IOException {
		Path existing = path.toAbsolutePath();
		Deque<Path> rest = new ArrayDeque<>();
		while (existing.getParent() != null && !Files.exists(existing)) {
			rest.push(existing.getFileName());
			existing = existing.getParent();
		}
		Path real = Files.exists(existing) ? existing.toRealPath() : existing;
		while (!rest.isEmpty()) {
			real = real.resolve(rest.pop());
		}
		return real.normalize();
	}

	/** The first {@link #MAX_REPORTED_PROBLEMS} problems, and how many there were. */
	private static final class ProblemList implements Consumer<TaskProblem> {
		final List<String> listed = new ArrayList<>();
		int count;

		@Override
		public void accept(TaskProblem problem) {
			if (count++ < MAX_REPORTED_PROBLEMS) {
				listed.add(problem.toString());
			}
		}
	}

	private static void writeJson(ExportFormat format, TaskStore store, List<TaskId> ids, java.io.OutputStream stream,
			Progress progress) throws IOException {
		try (JsonGenerator generator = Json.mapper().createGenerator(stream)) {
			if (format == ExportFormat.JSONL) {
				generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
			} else {
				generator.writeStartArray();
			}
			for (TaskId id : ids) {
				progress.checkCanceled();
				JsonNode json = store.read(id).json();
				if (format == ExportFormat.LABEL_STUDIO) {
					json = toLabelStudio((ObjectNode) json);
				}
				Json.mapper().writeTree(generator, json);
				progress.worked(1);
			}
			if (format != ExportFormat.JSONL) {
				generator.writeEndArray();
			} else if (!ids.isEmpty()) {
				generator.writeRaw('\n');
			}
		}
	}

	/** Label Studio keeps human annotations under {@code annotations}. */
	static ObjectNode toLabelStudio(ObjectNode task) {
		if (!task.has(Task.COMPLETIONS) || task.has(Task.ANNOTATIONS)) {
			return task;
		}
		ObjectNode renamed = Json.nodes().objectNode();
		task.fields().forEachRemaining(field -> renamed.set(
				field.getKey().equals(Task.COMPLETIONS) ? Task.ANNOTATIONS : field.getKey(), field.getValue()));
		return renamed;
	}

	private static void writeConll(TaskStore store, List<TaskId> ids, java.io.OutputStream stream, Progress progress,
			LeftOut leftOut) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
		for (TaskId id : ids) {
			progress.checkCanceled();
			Task task = store.read(id);
			ConllWriter.write(task, writer, leftOut.assertionLabels);
			leftOut.count(task);
			progress.worked(1);
		}
		writer.flush();
	}

	/** Completions and Label Studio annotations as one array, in file order (see {@link Task#completions()}). */
	private static JsonNode completionsOf(Task task) {
		List<String> fields = task.completionFields();
		if (fields.size() <= 1) {
			return task.json().path(fields.isEmpty() ? Task.COMPLETIONS : fields.get(0));
		}
		com.fasterxml.jackson.databind.node.ArrayNode all = Json.nodes().arrayNode();
		task.completions().forEach(completion -> all.add(completion.json()));
		return all;
	}

	/**
	 * Columns: {@code id}, every data field in order of first appearance (a first pass over the tasks collects
	 * them, reading only one task at a time), then {@code predictions} and {@code completions} as JSON text.
	 */
	private static void writeTable(char separator, TaskStore store, List<TaskId> ids, java.io.OutputStream stream,
			Progress progress) throws IOException {
		Set<String> fields = new LinkedHashSet<>();
		for (TaskId id : ids) {
			progress.checkCanceled();
			store.read(id).data().fieldNames().forEachRemaining(fields::add);
		}
		CsvSchema.Builder schema = CsvSchema.builder().addColumn("id");
		fields.forEach(schema::addColumn);
		schema.addColumn(Task.PREDICTIONS).addColumn(Task.COMPLETIONS);
		CsvMapper mapper = new CsvMapper();
		try (CsvGenerator csv = (CsvGenerator) mapper.getFactory().createGenerator(stream)) {
			csv.setSchema(schema.build().withHeader().withColumnSeparator(separator));
			try {
				for (TaskId id : ids) {
					progress.checkCanceled();
					Task task = store.read(id);
					csv.writeStartArray();
					csv.writeString(id.value());
					ObjectNode data = task.data();
					for (String field : fields) {
						JsonNode value = data.get(field);
						csv.writeString(value == null || value.isNull() ? ""
								: value.isValueNode() ? value.asText() : Json.mapper().writeValueAsString(value));
					}
					csv.writeString(Json.mapper().writeValueAsString(task.json().path(Task.PREDICTIONS)));
					csv.writeString(Json.mapper().writeValueAsString(completionsOf(task)));
					csv.writeEndArray();
					progress.worked(1);
				}
			} catch (UncheckedIOException e) {
				throw e.getCause();
			}
		}
	}
}
