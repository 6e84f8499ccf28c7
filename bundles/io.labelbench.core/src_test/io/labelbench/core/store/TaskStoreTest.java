package io.labelbench.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

class TaskStoreTest {

	@TempDir
	Path dir;

	@Test
	void concurrentUpdatesOfOneTaskAreSerializedAndOfManyTasksAllLand() throws Exception {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		for (int id = 1; id <= 4; id++) {
			Task task = Task.of(TaskId.of(id), "text");
			task.data().put("count", 0);
			store.write(task);
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> work = new ArrayList<>();
		for (int writer = 0; writer < 8; writer++) {
			long id = writer % 4 + 1;
			work.add(pool.submit(() -> {
				for (int i = 0; i < 50; i++) {
					store.update(TaskId.of(id), task -> {
						task.data().put("count", task.data().get("count").intValue() + 1);
						return task;
					});
				}
				return null;
			}));
		}
		for (Future<?> future : work) {
			future.get();
		}
		pool.shutdown();
		for (int id = 1; id <= 4; id++) {
			assertEquals(100, store.read(TaskId.of(id)).data().get("count").intValue(), "no update lost on task " + id);
		}
		try (var files = Files.list(store.folder())) {
			assertEquals(4, files.count(), "no temporary files left");
		}
	}

	@Test
	void creatingATaskThatExistsMeanwhileIsRefusedAndOverwritesNothing() throws IOException {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		store.create(Task.of(TaskId.of(7), "first"));
		new TaskStore(dir.resolve("tasks")).write(Task.of(TaskId.of(8), "another writer"));
		TaskConflictException refused = assertThrows(TaskConflictException.class,
				() -> store.create(Task.of(TaskId.of(8), "second")));
		assertTrue(refused.getMessage().contains("task 8 already exists"), refused.getMessage());
		assertEquals("another writer", store.read(TaskId.of(8)).text());
		assertEquals("first", store.read(TaskId.of(7)).text());
		try (var files = Files.list(store.folder())) {
			assertEquals(2, files.count(), "no temporary files left");
		}
	}

	@Test
	void idsAreSortedNumericallyAndIgnoreForeignFiles() throws IOException {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		for (long id : new long[] { 10, 9, 100 }) {
			store.write(Task.of(TaskId.of(id), "t"));
		}
		store.write(Task.of(TaskId.parse("note-a"), "t"));
		Files.writeString(store.folder().resolve(".lb-tmp-5.json-1.part"), "{");
		Files.writeString(store.folder().resolve("README.md"), "x");
		assertEquals(List.of(TaskId.of(9), TaskId.of(10), TaskId.of(100), TaskId.parse("note-a")), store.ids());
	}

	@Test
	void damagedOrMisnamedFilesAreReportedWithTheirName() throws IOException {
		TaskStore store = new TaskStore(dir.resolve("tasks"));
		Files.createDirectories(store.folder());
		Files.writeString(store.file(TaskId.of(1)), "{\"id\": 1, \"data\": {\"text\": \"cut");
		TaskFormatException e = assertThrows(TaskFormatException.class, () -> store.read(TaskId.of(1)));
		assertTrue(e.getMessage().contains("1.json:1:"), e.getMessage());
		Files.writeString(store.file(TaskId.of(2)), "{\"id\": 3, \"data\": {}}");
		e = assertThrows(TaskFormatException.class, () -> store.read(TaskId.of(2)));
		assertTrue(e.getMessage().endsWith("the file's name says task 2 but it holds task 3"), e.getMessage());
	}

	@Test
	void hostileIdsCannotEscapeTheTasksFolder() {
		assertThrows(IllegalArgumentException.class, () -> TaskId.parse("../../etc/passwd"));
		assertThrows(IllegalArgumentException.class, () -> TaskId.parse(".hidden"));
		assertThrows(IllegalArgumentException.class, () -> TaskId.parse("a/b"));
		assertFalse(Files.exists(dir.resolve("etc")));
	}

	@Test
	void rolesDecideWhoMayPreAnnotate() throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "olga");
		ProjectSettings settings = project.settings();
		settings.setRole("mia", Role.MANAGER);
		settings.setRole("ann", Role.ANNOTATOR);
		settings.setRole("rev", Role.REVIEWER);
		settings.write(project.settingsFile());
		ProjectSettings read = ProjectSettings.read(project.settingsFile());
		assertTrue(read.may("olga", Permission.PRE_ANNOTATE));
		assertTrue(read.may("mia", Permission.DEPLOY_SERVER));
		assertFalse(read.may("mia", Permission.MANAGE_MEMBERS));
		assertFalse(read.may("ann", Permission.PRE_ANNOTATE));
		assertTrue(read.may("ann", Permission.ANNOTATE));
		assertFalse(read.may("rev", Permission.DEPLOY_SERVER));
		assertFalse(read.may("stranger", Permission.VIEW));
	}
}
