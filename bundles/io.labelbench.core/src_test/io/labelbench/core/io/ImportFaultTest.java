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
	void duplicateIds() throws IOException {
		TaskFormatException e = refused("dup.json", "[{\"id\": 30, \"data\": {}},\n{\"id\": 31, \"data\": {}},\n{\"id\": 30, \"data\": {}}]");
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
	void notUtf8TextFileIsRefusedAtItsFirstBadByte() throws IOException {
		Path file = dir.resolve("latin1.txt");
		Files.write(file, new byte[] { 'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9 });
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT, Progress.NONE));
		assertEquals(file + ":2:4: not UTF-8: byte 0xE9 at byte offset 6; save the file as UTF-8", e.getMessage());
	}

	@Test
	void emptyCsvIsRefusedByName() throws IOException {
		TaskFormatException e = refused("empty.csv", "");
		assertEquals(dir.resolve("empty.csv") + ": empty file: expected a header row naming the columns",
				e.getMessage());
		e = refused("empty.tsv", "\n");
		assertTrue(e.getMessage().startsWith(dir.resolve("empty.tsv") + ":"), e.getMessage());
		assertEquals("no header row: expected a header row naming the columns", e.problem());
	}

	@Test
	void notUtf8CsvNamesLineColumnAndByte() throws IOException {
		Path file = dir.resolve("latin1.csv");
		byte[] header = "id,text\n1,first row\n".getBytes(StandardCharsets.UTF_8);
		byte[] row = "2,caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] content = new byte[header.length + row.length];
		System.arraycopy(header, 0, content, 0, header.length);
		System.arraycopy(row, 0, content, header.length, row.length);
		Files.write(file, content);
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT, Progress.NONE));
		assertEquals(file + ":3:6: not UTF-8: byte 0xE9 at byte offset " + (header.length + 5)
				+ "; save the file as UTF-8", e.getMessage());
		assertEquals(before, Projects.snapshot(project.tasks().folder()), "no task file changed");

		Path header8859 = dir.resolve("header.tsv");
		Files.write(header8859, "id\ttext\tr\u00e9sum\u00e9\n1\thello\tx\n".getBytes(StandardCharsets.ISO_8859_1));
		e = assertThrows(TaskFormatException.class, () -> new TaskImporter(project).importFiles(List.of(header8859),
				ImportOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().startsWith(header8859 + ":1:10: not UTF-8: byte 0xE9 at byte offset 9"), e.getMessage());
	}

	/** Characters of 2, 3 and 4 bytes cut by every read buffer's end, and a bad byte far in, placed exactly. */
	@Test
	void longCsvIsDecodedAcrossBuffersAndABadByteFarInIsPlaced() throws IOException {
		String text = " é東😀".repeat(20_000); // 200 KB: many read buffers, characters cut at their ends
		String csv = "text\n" + text + "\n";
		Path good = dir.resolve("long.csv");
		Files.writeString(good, csv, StandardCharsets.UTF_8);
		LabelbenchProject other = LabelbenchProject.create(dir.resolve("other"), "ana");
		new TaskImporter(other).importFiles(List.of(good), ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(text, other.tasks().read(TaskId.of(1)).text());

		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 6);
		int at = bytes.length;
		// "x é" then a lead byte followed by no continuation byte
		System.arraycopy(new byte[] { 'x', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xC3, '\n' }, 0, bad, at, 6);
		Path broken = dir.resolve("broken.csv");
		Files.write(broken, bad);
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(broken), ImportOptions.DEFAULT, Progress.NONE));
		assertEquals(broken + ":3:4: not UTF-8: byte 0xC3 at byte offset " + (at + 4) + "; save the file as UTF-8",
				e.getMessage());
	}

	@Test
	void utf16CsvIsToldApart() throws IOException {
		Path file = dir.resolve("utf16.csv");
		Files.write(file, "\uFEFFid,text\n1,hello\n".getBytes(StandardCharsets.UTF_16LE));
		TaskFormatException e = assertThrows(TaskFormatException.class,
				() -> new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT, Progress.NONE));
		assertEquals(file + ":1:1: not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8",
				e.getMessage());
	}

	@Test
	void utf8CsvWithByteOrderMarkIsRead() throws IOException {
		Path file = dir.resolve("bom.csv");
		Files.writeString(file, "\uFEFFtext,note\nAspirin 100 mg,x\n", StandardCharsets.UTF_8);
		ImportResult result = new TaskImporter(project).importFiles(List.of(file), ImportOptions.DEFAULT.withRenumber(true),
				Progress.NONE);
		assertEquals(1, result.imported());
		assertEquals("Aspirin 100 mg", project.tasks().read(TaskId.of(4)).text());
	}
}
