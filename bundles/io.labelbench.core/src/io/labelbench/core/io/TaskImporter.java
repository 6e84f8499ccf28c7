package io.labelbench.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.check.TaskChecker;
import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.json.Json;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;

/**
 * Imports tasks into a project in two streaming passes. The first pass reads every source to the end and
 * stops at the first fault (malformed JSON, wrong types, duplicate ids, an id already used by a different
 * task) with nothing written. The second pass writes each task atomically. A journal in {@code .labelbench/}
 * fixes the ids given to tasks without one, so an import that was cancelled or killed can simply be run
 * again: tasks already written are recognised as unchanged and the rest are written.
 */
public final class TaskImporter {

	public static final int MAX_REPORTED_PROBLEMS = 100;
	static final String JOURNAL_FOLDER = "imports";

	private final LabelbenchProject project;
	private final ResultSchema schema;

	public TaskImporter(LabelbenchProject project) {
		this(project, null);
	}

	/** @param schema the project's config for checking imported results, or {@code null} */
	public TaskImporter(LabelbenchProject project, ResultSchema schema) {
		this.project = project;
		this.schema = schema;
	}

	public ImportResult importFiles(List<Path> sources, ImportOptions options, Progress progress) throws IOException {
		TaskStore store = project.tasks();
		progress.begin("Checking " + describe(sources), -1);
		Plan plan = plan(sources, options, progress);

		Path journal = journalFile(sources);
		long firstNewId = readJournal(journal);
		if (firstNewId <= 0) {
			firstNewId = Math.max(store.maxNumericId(), plan.maxExplicitId) + 1;
			writeJournal(journal, sources, firstNewId);
		}
		progress.begin("Importing " + plan.count + " tasks", plan.count);
		TaskChecker checker = new TaskChecker(schema);
		List<String> problems = new ArrayList<>();
		int problemCount = 0;
		int imported = 0;
		int unchanged = 0;
		long nextNewId = firstNewId;
		for (Path source : sources) {
			try (TaskSource tasks = TaskSource.open(source, options)) {
				Task task;
				while ((task = tasks.next()) != null) {
					progress.checkCanceled();
					if (options.renumber() || task.id() == null) {
						task.setId(TaskId.of(nextNewId++));
					}
					if (sameAsStored(store, task)) {
						unchanged++;
					} else {
						store.write(task);
						imported++;
					}
					for (TaskProblem problem : checker.check(task)) {
						if (problemCount++ < MAX_REPORTED_PROBLEMS) {
							problems.add(tasks.position() + ": " + problem);
						}
					}
					progress.worked(1);
				}
			}
		}
		Files.deleteIfExists(journal);
		return new ImportResult(imported, unchanged, List.copyOf(problems), problemCount, plan.skipped);
	}

	/**
	 * What the first pass learnt: how many tasks, the highest numeric id the sources bring, and the entries of
	 * folders left out.
	 */
	private record Plan(int count, long maxExplicitId, List<SkippedFile> skipped) {
	}

	/** The first pass: reads everything, writes nothing, stops at the first fault. */
	private Plan plan(List<Path> sources, ImportOptions options, Progress progress) throws IOException {
		TaskStore store = project.tasks();
		Map<String, String> seen = new HashMap<>();
		int count = 0;
		long maxExplicitId = 0;
		List<SkippedFile> skipped = new ArrayList<>();
		for (Path source : sources) {
			try (TaskSource tasks = TaskSource.open(source, options)) {
				skipped.addAll(tasks.skipped());
				Task task;
				while ((task = tasks.next()) != null) {
					progress.checkCanceled();
					TaskId id = task.id();
					if (id != null && !options.renumber()) {
						String previous = seen.put(id.fileName(), tasks.position());
						if (previous != null) {
							throw new TaskFormatException(tasks.position(),
									"duplicate task id " + id + " (also at " + previous + ")");
						}
						if (id.numeric()) {
							maxExplicitId = Math.max(maxExplicitId, id.number());
						}
						if (store.exists(id) && !sameAsStored(store, task)) {
							throw new TaskFormatException(tasks.position(), "task " + id
									+ " already exists in the project with different content;"
									+ " import with renumbering to add these tasks under new ids");
						}
					}
					count++;
					progress.worked(1);
				}
			}
		}
		return new Plan(count, maxExplicitId, List.copyOf(skipped));
	}

	private static boolean sameAsStored(TaskStore store, Task task) throws IOException {
		try {
			return store.read(task.id()).equals(task);
		} catch (NoSuchFileException e) {
			return false;
		} catch (TaskFormatException e) {
			return false; // a damaged stored copy is replaced by the import
		}
	}

	private static String describe(List<Path> sources) {
		return sources.size() == 1 ? sources.get(0).getFileName().toString() : sources.size() + " sources";
	}

	/** The journal is keyed by what is imported: the same files, unchanged, map to the same journal. */
	private Path journalFile(List<Path> sources) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path source : sources) {
				Path absolute = source.toAbsolutePath().normalize();
				digest.update(absolute.toString().getBytes(StandardCharsets.UTF_8));
				if (Files.isRegularFile(absolute)) {
					digest.update(Long.toString(Files.size(absolute)).getBytes(StandardCharsets.UTF_8));
					digest.update(Files.getLastModifiedTime(absolute).toString().getBytes(StandardCharsets.UTF_8));
				}
				digest.update((byte) 0);
			}
			String key = HexFormat.of().formatHex(digest.digest(), 0, 12);
			return project.metaFolder().resolve(JOURNAL_FOLDER).resolve(key + ".json");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static long readJournal(Path journal) {
		try {
			JsonNode node = Json.mapper().readTree(journal.toFile());
			JsonNode first = node == null ? null : node.get("firstNewId");
			return first != null && first.canConvertToLong() ? first.longValue() : 0;
		} catch (IOException e) {
			return 0; // no journal, or a damaged one: start afresh
		}
	}

	private static void writeJournal(Path journal, List<Path> sources, long firstNewId) throws IOException {
		ObjectNode json = Json.nodes().objectNode();
		json.put("firstNewId", firstNewId);
		sources.forEach(source -> json.withArray("sources").add(source.toAbsolutePath().toString()));
		AtomicFile.write(journal, out -> Json.mapper().writeValue(out, json));
	}
}
