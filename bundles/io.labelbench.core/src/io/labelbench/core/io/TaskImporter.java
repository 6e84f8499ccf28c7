package io.labelbench.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
import io.labelbench.core.store.ProcessLock;
import io.labelbench.core.store.TaskConflictException;
import io.labelbench.core.store.TaskStore;

/**
 * Imports tasks into a project in two streaming passes. The first pass reads every source to the end and
 * stops at the first fault (malformed JSON, wrong types, duplicate ids, an id already used by a different
 * task) with nothing written. The second pass writes each task atomically. A journal in {@code .labelbench/}
 * fixes the ids given to tasks without one, so an import that was cancelled or killed can simply be run
 * again: tasks already written are recognised as unchanged and the rest are written; the ids a journal gave out
 * are not given to other imports.
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

	/**
	 * Imports while holding the project's lock for new tasks, so that imports into one project from this and
	 * other processes (the workbench, command lines) run one after the other: each sees the ids the one before
	 * gave out. A task file that another writer creates meanwhile at an id this import gives out is never
	 * replaced: the import stops with a {@link io.labelbench.core.store.TaskConflictException}.
	 */
	public ImportResult importFiles(List<Path> sources, ImportOptions options, Progress progress) throws IOException {
		try (ProcessLock lock = project.tasks().lockForNewTasks(progress::isCanceled,
				() -> progress.begin("Waiting for another import into " + project.folder().getFileName(), -1))) {
			return importLocked(sources, options, progress);
		}
	}

	private ImportResult importLocked(List<Path> sources, ImportOptions options, Progress progress) throws IOException {
		TaskStore store = project.tasks();
		progress.begin("Checking " + describe(sources), -1);
		Plan plan = plan(sources, options, progress);

		Path journal = journalFile(sources);
		long firstNewId = readJournal(journal);
		if (firstNewId <= 0) {
			firstNewId = Math.max(firstFreeId(journal), plan.maxExplicitId + 1);
			writeJournal(journal, sources, firstNewId, plan.newIds);
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
					Stored stored = stored(store, task);
					if (stored == Stored.SAME) {
						unchanged++;
					} else if (stored == Stored.ABSENT) {
						store.create(task); // refused if another writer creates it meanwhile
						imported++;
					} else { // the first pass saw no such task: another writer created it meanwhile
						throw new TaskConflictException(store.file(task.id()), task.id());
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

	private enum Stored {
		ABSENT, SAME, DIFFERENT, DAMAGED
	}

	private static Stored stored(TaskStore store, Task task) throws IOException {
		try {
			Task storedTask = store.read(task.id());
			// a given id is a long node, the stored one reads back as an int node: compare as read back
			return storedTask.equals(task) || storedTask.json().equals(Json.mapper()
					.readTree(Json.mapper().writeValueAsBytes(task.json()))) ? Stored.SAME : Stored.DIFFERENT;
		} catch (NoSuchFileException e) {
			return Stored.ABSENT;
		} catch (TaskFormatException e) {
			return Stored.DAMAGED;
		}
	}

	/**
	 * What the first pass learnt: how many tasks, the highest numeric id the sources bring, how many tasks get a new
	 * id and the entries of folders left out.
	 */
	private record Plan(int count, long maxExplicitId, int newIds, List<SkippedFile> skipped) {
	}

	/** The first pass: reads everything, writes nothing, stops at the first fault. */
	private Plan plan(List<Path> sources, ImportOptions options, Progress progress) throws IOException {
		TaskStore store = project.tasks();
		Map<String, String> seen = new HashMap<>();
		int count = 0;
		int newIds = 0;
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
						Stored stored = stored(store, task);
						if (stored != Stored.ABSENT && stored != Stored.SAME) {
							throw new TaskFormatException(tasks.position(), "task " + id
									+ " already exists in the project with different content;"
									+ " import with renumbering to add these tasks under new ids");
						}
					} else {
						newIds++;
					}
					count++;
					progress.worked(1);
				}
			}
		}
		return new Plan(count, maxExplicitId, newIds, List.copyOf(skipped));
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
		return readJournalField(journal, "firstNewId");
	}

	private static long readJournalField(Path journal, String field) {
		try {
			JsonNode node = Json.mapper().readTree(journal.toFile());
			JsonNode value = node == null ? null : node.get(field);
			return value != null && value.canConvertToLong() ? value.longValue() : 0;
		} catch (IOException e) {
			return 0; // no journal, or a damaged one: start afresh
		}
	}

	/**
	 * The first id to give a new task: above every task and every id that an unfinished import (killed or
	 * cancelled, to be run again) has given out. Call it while holding {@link TaskStore#lockForNewTasks} and create
	 * the new tasks before releasing it.
	 */
	public long firstFreeId() throws IOException {
		return firstFreeId(null);
	}

	private long firstFreeId(Path ownJournal) throws IOException {
		return Math.max(project.tasks().maxNumericId(), reservedByOtherImports(ownJournal)) + 1;
	}

	/**
	 * The highest id that the journals of other imports (killed or cancelled, to be run again) have given out:
	 * a new import starts above it, so that running those again neither collides with it nor is refused.
	 */
	private long reservedByOtherImports(Path ownJournal) throws IOException {
		Path folder = project.metaFolder().resolve(JOURNAL_FOLDER);
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		long max = 0;
		try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*.json")) {
			for (Path journal : journals) {
				if (journal.equals(ownJournal) || AtomicFile.isTemporary(journal)) {
					continue;
				}
				long first = readJournal(journal);
				long reserved = readJournalField(journal, "reserved");
				if (first > 0) {
					max = Math.max(max, first + Math.max(reserved, 1) - 1);
				}
			}
		}
		return max;
	}

	private static void writeJournal(Path journal, List<Path> sources, long firstNewId, int reserved)
			throws IOException {
		ObjectNode json = Json.nodes().objectNode();
		json.put("firstNewId", firstNewId);
		json.put("reserved", reserved);
		sources.forEach(source -> json.withArray("sources").add(source.toAbsolutePath().toString()));
		AtomicFile.write(journal, out -> Json.mapper().writeValue(out, json));
	}
}
