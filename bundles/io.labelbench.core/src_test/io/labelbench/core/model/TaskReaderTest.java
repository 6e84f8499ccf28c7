package io.labelbench.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelbench.core.json.TaskFormatException;


class TaskReaderTest {

	private static List<Task> read(String json) throws IOException {
		List<Task> tasks = new ArrayList<>();
		try (TaskReader reader = TaskReader.open(Path.of("in.json"),
				new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
			Task task;
			while ((task = reader.next()) != null) {
				tasks.add(task);
			}
		}
		return tasks;
	}

	@Test
	void readsArraySingleObjectAndJsonLines() throws IOException {
		assertEquals(2, read("[{\"id\":1,\"data\":{\"text\":\"a\"}},{\"id\":2,\"data\":{\"text\":\"b\"}}]").size());
		assertEquals(1, read("{\"id\":1,\"data\":{\"text\":\"a\"}}").size());
		assertEquals(3, read("{\"id\":1,\"data\":{}}\n{\"id\":2,\"data\":{}}\n{\"id\":3,\"data\":{}}\n").size());
		assertEquals(0, read("[]").size());
	}

	@Test
	void flatTaskIsWrappedAndAnnotationsBecomeCompletions() throws IOException {
		Task task = read("{\"text\":\"hello\",\"meta_info\":3,\"annotations\":[]}").get(0);
		assertEquals("hello", task.text());
		assertEquals(3, task.data().get("meta_info").intValue());
		assertTrue(task.json().has(Task.COMPLETIONS));
		assertNull(task.id());
	}

	@Test
	void malformedJsonNamesFileLineAndColumn() {
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> read("[{\"id\":1,\"data\":{}},\n {\"id\":2,,\"data\":{}}]"));
		assertEquals(2, e.line());
		assertTrue(e.getMessage().startsWith("in.json:2:"), e.getMessage());
		assertTrue(e.problem().startsWith("malformed JSON"), e.getMessage());
	}

	@Test
	void wrongTypesAreFaultsWithTheirPath() {
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> read("{\"id\":7,\"data\":{},\"predictions\":[{\"result\":{}}]}"));
		assertEquals("task 7: /predictions/0/result: expected an array, found an object", e.problem());
		e = assertThrows(TaskFormatException.class, () -> read("{\"id\":true,\"data\":{}}"));
		assertTrue(e.problem().startsWith("/id:"), e.problem());
	}

	@Test
	void annotatedTasksWithoutIdAreReadAsTheyAre() throws IOException {
		List<Task> tasks = read("[{\"data\":{\"text\":\"x\"},\"completions\":[{\"result\":[]}]},\n"
				+ "{\"data\":{\"text\":\"y\"},\"annotations\":[{\"result\":[]}],\"predictions\":[{\"result\":[]}]}]");
		assertEquals(2, tasks.size());
		assertNull(tasks.get(1).id());
		assertEquals(1, tasks.get(1).completions().size());
		assertEquals(1, tasks.get(1).predictions().size());
	}

	@Test
	void annotationsNextToCompletionsAreCheckedForShapeToo() {
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> read("{\"id\":4,\"data\":{},\"completions\":[],\"annotations\":[{\"result\":\"x\"}]}"));
		assertEquals("task 4: /annotations/0/result: expected an array, found a string", e.problem());
	}

	@Test
	void duplicateKeysAreRefused() {
		TaskFormatException e = assertThrows(TaskFormatException.class, () -> read("{\"id\":1,\"id\":2,\"data\":{}}"));
		assertTrue(e.problem().contains("Duplicate field 'id'"), e.problem());
	}

	@Test
	void taskOverTheSizeLimitIsRefusedAtItsStart() {
		String big = "x".repeat(2 << 20);
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> read("[{\"id\":1,\"data\":{}},\n{\"id\":2,\"data\":{\"text\":\"" + big + "\"}}]"));
		assertEquals(2, e.line());
		assertTrue(e.problem().startsWith("task larger than 1 MB"), e.problem());
	}
}
