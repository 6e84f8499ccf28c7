package io.labelbench.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.TaskReader;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

/**
 * The tasks of a project, one JSON file per task in {@code tasks/<id>.json}. Tasks are read one at a time (a
 * project of 100,000 tasks is never in memory as a whole), every write is atomic, writes of different tasks
 * run concurrently and writes of one task are serialized (within this JVM, whichever store object they use).
 * Creating tasks under new ids is serialized across processes by {@link #lockForNewTasks}, and never replaces a
 * task another writer created meanwhile ({@link #create}).
 */
public final class TaskStore {

	public static final String FOLDER = "tasks";
	/** In the project's {@code .labelbench/}: held by whoever gives out ids and creates tasks. */
	public static final String NEW_TASKS_LOCK = "tasks.lock";
	private static final int LOCK_STRIPES = 64;
	/** The lock stripes of every store folder this JVM has used: all store objects of one folder share them. */
	private static final Map<Path, ReentrantLock[]> STRIPES = new ConcurrentHashMap<>();

	private final Path folder;
	private final ReentrantLock[] locks;

	public TaskStore(Path folder) {
		this.folder = folder;
		this.locks = STRIPES.computeIfAbsent(folder.toAbsolutePath().normalize(), key -> {
			ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];
			for (int i = 0; i < stripes.length; i++) {
				stripes[i] = new ReentrantLock();
			}
			return stripes;
		});
	}

	public Path folder() {
		return folder;
	}

	public Path file(TaskId id) {
		return folder.resolve(id.fileName());
	}

	/** The ids of all tasks in order (numbers first). Only names are read, not contents. */
	public List<TaskId> ids() throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<TaskId> ids = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
			for (Path file : files) {
				TaskId id = idOf(file);
				if (id != null) {
					ids.add(id);
				}
			}
		}
		Collections.sort(ids);
		return ids;
	}

	/** The id a task file stands for, or {@code null} for files that are not task files. */
	public static TaskId idOf(Path file) {
		String name = file.getFileName().toString();
		if (!name.endsWith(".json") || AtomicFile.isTemporary(file)) {
			return null;
		}
		try {
			return TaskId.parse(name.substring(0, name.length() - ".json".length()));
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	public boolean exists(TaskId id) {
		return Files.isRegularFile(file(id));
	}

	/** Reads one task; a damaged file is a {@link TaskFormatException} naming it. */
	public Task read(TaskId id) throws IOException {
		Path file = file(id);
		try (TaskReader reader = TaskReader.open(file)) {
			Task task = reader.next();
			if (task == null) {
				throw new TaskFormatException(file, 0, 0, "no task in file");
			}
			if (reader.next() != null) {
				throw new TaskFormatException(file, 0, 0, "more than one task in a task file");
			}
			TaskId inside = task.id();
			if (inside == null || !inside.fileName().equals(id.fileName())) {
				throw new TaskFormatException(file, 0, 0, "the file's name says task " + id + " but it holds task "
						+ inside);
			}
			return task;
		} catch (NoSuchFileException e) {
			throw new NoSuchFileException(file.toString(), null, "no task " + id);
		}
	}

	/** Writes a task atomically under its id's lock. */
	public void write(Task task) throws IOException {
		TaskId id = requireId(task);
		ReentrantLock lock = lockOf(id);
		lock.lock();
		try {
			writeUnlocked(id, task.json());
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Writes a new task; when a task of that id exists, even one another process created a moment ago, this fails
	 * with a {@link TaskConflictException} and the existing task is left as it is.
	 */
	public void create(Task task) throws IOException {
		TaskId id = requireId(task);
		ReentrantLock lock = lockOf(id);
		lock.lock();
		try {
			AtomicFile.create(file(id), contentOf(task.json()));
		} catch (FileAlreadyExistsException e) {
			throw new TaskConflictException(file(id), id);
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The lock for giving out new ids and creating tasks, shared by this JVM's threads and by other processes
	 * (the workbench and command lines): hold it from reading the highest id until the new tasks are written.
	 *
	 * @param canceled asked while another holder is waited for
	 * @param waiting  run once when the lock is held by another
	 */
	public ProcessLock lockForNewTasks(BooleanSupplier canceled, Runnable waiting) throws IOException {
		Path meta = folder.toAbsolutePath().normalize().resolveSibling(LabelbenchProject.META_FOLDER);
		return ProcessLock.acquire(meta.resolve(NEW_TASKS_LOCK), canceled, waiting);
	}

	/**
	 * Reads, changes and writes one task while holding its lock, so that concurrent updates of the same task
	 * (a pre-annotation job and an editor save) never lose each other's change.
	 */
	public Task update(TaskId id, UnaryOperator<Task> change) throws IOException {
		ReentrantLock lock = lockOf(id);
		lock.lock();
		try {
			Task changed = change.apply(read(id));
			if (!id.equals(requireId(changed))) {
				throw new IllegalArgumentException("an update must not change the task id " + id);
			}
			writeUnlocked(id, changed.json());
			return changed;
		} finally {
			lock.unlock();
		}
	}

	public void delete(TaskId id) throws IOException {
		ReentrantLock lock = lockOf(id);
		lock.lock();
		try {
			Files.deleteIfExists(file(id));
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Iterates all tasks in id order, reading each file when it is reached. A damaged file ends the iteration
	 * with an {@link UncheckedIOException} wrapping the {@link TaskFormatException}.
	 */
	public Iterable<Task> tasks() throws IOException {
		List<TaskId> ids = ids();
		return () -> new Iterator<>() {
			private int next;

			@Override
			public boolean hasNext() {
				return next < ids.size();
			}

			@Override
			public Task next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				try {
					return read(ids.get(next++));
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		};
	}

	/** The highest numeric id in the store, or 0. */
	public long maxNumericId() throws IOException {
		long max = 0;
		for (TaskId id : ids()) {
			if (id.numeric()) {
				max = Math.max(max, id.number());
			}
		}
		return max;
	}

	private void writeUnlocked(TaskId id, JsonNode json) throws IOException {
		AtomicFile.write(file(id), contentOf(json));
	}

	private static AtomicFile.Content contentOf(JsonNode json) {
		return out -> {
			try (JsonGenerator generator = Json.mapper().createGenerator(out)) {
				generator.useDefaultPrettyPrinter();
				Json.mapper().writeTree(generator, json);
			}
		};
	}

	private ReentrantLock lockOf(TaskId id) {
		return locks[Math.floorMod(id.fileName().hashCode(), LOCK_STRIPES)];
	}

	private static TaskId requireId(Task task) {
		TaskId id = task.id();
		if (id == null) {
			throw new IllegalArgumentException("a stored task needs an id");
		}
		return id;
	}

	/** For callers that hold a tree rather than a task. */
	public void write(ObjectNode json) throws IOException {
		write(new Task(json));
	}
}
