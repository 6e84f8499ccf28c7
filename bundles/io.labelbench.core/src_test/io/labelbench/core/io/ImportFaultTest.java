package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** Bad input is refused with the file and position named, and leaves every task file as it was. */
class ImportFaultTest {

	@TempDir
	Path dir;
	private LabelbenchProject project;
	private Map<String, String> before;

	@BeforeEach
	void projectWithTasks() throws IOException {
		project = LabelbenchProject.create(dir.resolve("p"), "ana");
		new TaskImporter(project).importFiles(List.of(Projects.TESTDATA.resolve("gal-export.json")),
				ImportOptions.DEFAULT, Progress.NONE);
		before = Projects.snapshot(project.tasks().folder());
	}

	private TaskFormatException refused(String name, String content) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		assertEquals(before, Projects.snapshot(project.tasks().folder()), "no task file changed");
		return e;
	}

	@Test
	void malformedJsonInTheMiddleWritesNothing() throws IOException {
		TaskFormatException e = refused("bad.json", "[\n{\"id\": 10, \"data\": {\"text\": \"a\"}},\n"
				+ "{\"id\": 11, \"data\": {\"text\": \"b\"}\n,\n{\"id\": 12}]");
		assertTrue(e.getMessage().contains("bad.json:5:1:"), e.getMessage());
		assertTrue(e.problem().startsWith("malformed JSON"), e.problem());
	}

	@Test
	void wrongTypesAreNamedByPath() throws IOException {
		TaskFormatException e = refused("types.json",
				"[{\"id\": 20, \"data\": {\"text\": \"ok\"}},\n {\"id\": 21, \"data\": \"text\"}]");
		assertEquals("types.json:2:2: task 21: /data: expected an object, found a string",
				e.getMessage().substring(e.getMessage().indexOf("types.json")));
		e = refused("offsets.json", "{\"id\": 22, \"data\": {\"text\": \"ok\"}, \"completions\": [{\"result\": "
				+ "[{\"type\": \"labels\", \"value\": {\"start\": 1.5, \"end\": 2}}]}]}");
		assertTrue(e.problem().contains("/completions/0/result/0/value/start: expected an integer offset"), e.problem());
	}

	@Test
	void missingAndDuplicateIds() throws IOException {
		TaskFormatException e = refused("noid.json",
				"[{\"data\": {\"text\": \"x\"}, \"predictions\": [{\"result\": []}]}]");
		assertTrue(e.problem().contains("/id: missing"), e.problem());
		e = refused("dup.json", "[{\"id\": 30, \"data\": {}},\n{\"id\": 31, \"data\": {}},\n{\"id\": 30, \"data\": {}}]");
		assertTrue(e.getMessage().contains("dup.json:3:1: duplicate task id 30 (also at "), e.getMessage());
	}

	@Test
	void idOfADifferentExistingTaskIsRefusedUnlessRenumbered() throws IOException {
		String other = "[{\"id\": 1, \"data\": {\"text\": \"a different task\"}}]";
		TaskFormatException e = refused("clash.json", other);
		assertTrue(e.problem().contains("task 1 already exists in the project with different content"), e.problem());

		ImportResult result = new TaskImporter(project).importFiles(List.of(dir.resolve("clash.json")),
				ImportOptions.DEFAULT.withRenumber(true), Progress.NONE);
		assertEquals(1, result.imported());
		Task added = project.tasks().read(TaskId.of(4));
		assertEquals("a different task", added.text());
	}

	@Test
	void hugeSingleTaskIsRefusedAtItsStart() throws IOException {
		Path file = dir.resolve("huge.json");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("[{\"id\": 40, \"data\": {\"text\": \"small\"}},\n{\"id\": 41, \"data\": {\"text\": \"");
			char[] chunk = "lorem ipsum ".repeat(1024 * 16).toCharArray();
			for (long written = 0; written < 200L * 1024 * 1024; written += chunk.length) {
				out.write(chunk);
			}
			out.write("\"}}]");
		}
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().contains("huge.json:2:1: "), e.getMessage());
		assertTrue(e.problem().contains("larger than"), e.problem());
		assertEquals(before, Projects.snapshot(project.tasks().folder()));
	}

	@Test
	void csvWithoutTheTextColumnNamesTheColumns() throws IOException {
		TaskFormatException e = refused("notes.csv", "id,body\n1,hello\n");
		assertTrue(e.problem().contains("no column 'text' in the header (columns: id, body)"), e.problem());
	}

	@Test
	void notUtf8TextFileIsRefused() throws IOException {
		Path file = dir.resolve("latin1.txt");
		Files.write(file, new byte[] { 'c', 'a', 'f', (byte) 0xE9 });
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().endsWith("latin1.txt: not UTF-8 text"), e.getMessage());
	}
}
