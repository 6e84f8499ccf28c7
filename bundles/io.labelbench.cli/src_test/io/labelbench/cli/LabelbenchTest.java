package io.labelbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: exit codes, standard output, one-line errors. */
class LabelbenchTest {

	@TempDir
	Path dir;
	private final CliRun cli = new CliRun();

	private int run(String... args) {
		return cli.run(args);
	}

	private String out() {
		return cli.out();
	}

	private String err() {
		return cli.err();
	}

	private Path tasksFile() throws IOException {
		Path file = dir.resolve("in.json");
		Files.writeString(file, """
				[{"id": 1, "data": {"text": "Aspirin 100 mg daily"},
				  "predictions": [{"model_version": "ner@1", "score": 0.9, "result": [{"id": "a", "from_name": "label",
				    "to_name": "text", "type": "labels", "value": {"start": 0, "end": 7, "text": "Aspirin", "labels": ["DRUG"]}}]}]},
				 {"id": 2, "data": {"text": "No fever"}, "completions": [{"id": 1, "result": [{"id": "b", "from_name": "label",
				    "to_name": "text", "type": "labels", "value": {"start": 3, "end": 9, "text": "fever", "labels": ["SYMPTOM"]}}]}]}]
				""");
		return file;
	}

	@Test
	void importListCheckExport() throws IOException {
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), tasksFile().toString()));
		assertTrue(out().startsWith("imported 2 tasks into "), out());
		assertTrue(err().contains("warning: "), "the bad offsets of task 2 are reported: " + err());

		assertEquals(0, run("list-tasks", "--project", project.toString()));
		assertEquals("1\t1\t0\t0.9\tAspirin 100 mg daily\n2\t0\t1\t-\tNo fever\n", out());

		assertEquals(1, run("check", "--project", project.toString()));
		assertEquals("task 2: completions[0].result[0] (id b): offsets [3, 9) do not fit the text of 8 UTF-16 code units\n",
				out());
		assertTrue(err().contains("2 tasks checked, 1 problems"), err());

		Path conll = dir.resolve("out.conll");
		assertEquals(0, run("export", "--project", project.toString(), "--format", "conll", "--out", conll.toString()));
		assertTrue(Files.readString(conll).contains("Aspirin -X- -X- B-DRUG"));
	}

	@Test
	void errorsAreOneLineWithExitTwo() throws IOException {
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, "[{\"id\": 1, \"data\": {}}\n{\"id\": 2}]");
		assertEquals(2, run("import", "--project", dir.resolve("p").toString(), bad.toString()));
		assertEquals(1, err().lines().filter(line -> line.startsWith("labelbench:")).count(), err());
		assertTrue(err().contains("bad.json:2:1: malformed JSON"), err());
		assertFalse(err().contains("at io.labelbench"), "no stack trace");
		assertEquals(List.of(), listTasks(dir.resolve("p")));

		assertEquals(2, run("export", "--project", dir.resolve("p").toString(), "--format", "xml", "--out", "x"));
		assertTrue(err().startsWith("labelbench: export: unknown export format 'xml'"), err());
		assertEquals(2, run("list-tasks", "--project", dir.resolve("nowhere").toString()));
		assertTrue(err().contains("nowhere: no such project folder"), err());
		assertEquals(2, run("frobnicate"));
		assertTrue(err().startsWith("labelbench: unknown command 'frobnicate' (see labelbench --help)"), err());
		assertEquals(2, run("import", "--project"));
		assertTrue(err().contains("--project needs a value"), err());
		assertEquals(0, run("--help"));
		assertTrue(out().contains("export --project DIR --format gal|labelstudio|jsonl|conll|csv|tsv|coco|voc --out FILE"));
	}

	@Test
	void anExportIntoTheProjectIsRefusedWithExitTwoAndWritesNothing() throws IOException {
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), tasksFile().toString()));
		Path task = project.resolve("tasks/1.json");
		String before = Files.readString(task);
		for (Path out : List.of(task, project.resolve("labeling-config.xml"), project.resolve(".labelbench/project.json"),
				dir.resolve("project/files/../tasks/2.json"))) {
			assertEquals(2, run("export", "--project", project.toString(), "--format", "gal", "--out", out.toString()));
			assertTrue(err().startsWith("labelbench: export: " + out + ": inside the project"), err());
			assertEquals(1, err().lines().count(), err());
		}
		assertEquals(before, Files.readString(task));
		assertFalse(Files.exists(project.resolve("labeling-config.xml")), "no config written");
		assertEquals(List.of("1.json", "2.json"), listTasks(project).stream().sorted().toList());
	}

	@Test
	void anExportErrorNamesTheOutPathNotATemporaryFile() throws IOException {
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), tasksFile().toString()));
		Path folder = Files.createDirectories(dir.resolve("exports"));
		Files.writeString(folder.resolve("earlier.json"), "[]");
		assertEquals(2, run("export", "--project", project.toString(), "--format", "gal", "--out", folder.toString()));
		assertTrue(err().startsWith("labelbench: export: " + folder + ": is a folder"), err());
		assertFalse(err().contains(".lb-tmp-"), err());
		try (var files = Files.list(folder)) {
			assertEquals(List.of(folder.resolve("earlier.json")), files.toList(), "no temporary file left");
		}
	}

	@Test
	void preannotateWithProjectRules() throws IOException {
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), tasksFile().toString()));
		Files.createDirectories(project.resolve("rules"));
		Files.writeString(project.resolve("rules/drugs.json"),
				"{\"name\": \"drugs\", \"label\": \"DRUG\", \"type\": \"dictionary\", \"terms\": [\"aspirin\"]}");
		assertEquals(0, run("preannotate", "--project", project.toString(), "--rules"));
		assertTrue(out().startsWith("2 tasks done, 0 skipped, 0 failed in "), out());
		assertEquals(0, run("preannotate", "--project", project.toString(), "--rules", "--tasks", "1"));
		assertTrue(out().startsWith("0 tasks done, 1 skipped, 0 failed"), out());
		assertEquals(0, run("list-tasks", "--project", project.toString()));
		assertTrue(out().startsWith("1\t2\t0\t1\t"), out());

		Files.writeString(project.resolve("rules/bad.json"), "{\"name\": \"bad\", \"label\": \"X\", \"type\": \"regex\", \"pattern\": \"(\"}");
		assertEquals(2, run("preannotate", "--project", project.toString(), "--rules"));
		assertTrue(err().startsWith("labelbench: preannotate: rule 'bad': invalid regular expression"), err());
	}

	@Test
	void checkUsesTheProjectConfigAndValidateConfigReportsPositions() throws IOException {
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), tasksFile().toString()));
		Files.writeString(project.resolve("labeling-config.xml"), """
				<View>
				  <Labels name="label" toName="text">
				    <Label value="DRUG"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		assertEquals(1, run("check", "--project", project.toString()));
		assertTrue(out().contains("task 2: completions[0].result[0] (id b): label 'SYMPTOM' is not offered by control 'label'"),
				out());

		Path bad = dir.resolve("bad.xml");
		Files.writeString(bad, "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"A\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
		assertEquals(1, run("validate-config", bad.toString(), "--cache", dir.resolve("cache").toString()));
		assertTrue(out().startsWith(bad + ":2:"), out());
		assertTrue(out().contains(": error: "), out());
		assertEquals(1, run("validate-config", "--json", bad.toString(), "--cache", dir.resolve("cache").toString()));
		assertTrue(out().startsWith("[{\"file\":"), out());
		assertEquals(0, run("validate-config", project.resolve("labeling-config.xml").toString()));
		assertEquals(2, run("validate-config", dir.resolve("missing.xml").toString()));
		assertTrue(err().contains("missing.xml: no such file"), err());
	}

	@Test
	void importNamesSkippedFilesAndNeverFollowsALinkOutOfTheFolder() throws IOException {
		Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0:root:/root:/bin/bash\n");
		Path folder = Files.createDirectories(dir.resolve("notes"));
		Files.writeString(folder.resolve("a.txt"), "Aspirin 100 mg daily");
		Files.writeString(folder.resolve("run.sh"), "#!/bin/sh\n");
		Files.write(folder.resolve("model.bin"), new byte[] { 1, 2, 3 });
		Files.createSymbolicLink(folder.resolve("passwd.txt"), secret);
		Path project = dir.resolve("project");

		assertEquals(0, run("import", "--project", project.toString(), folder.toString()));
		assertTrue(out().startsWith("imported 1 tasks into "), out());
		assertEquals(List.of(
				"warning: skipped " + folder.resolve("model.bin") + ": not a task file (.json, .jsonl, .txt, .csv or .tsv)",
				"warning: skipped " + folder.resolve("passwd.txt") + ": a link to " + secret.toRealPath()
						+ ", outside the imported folder",
				"warning: skipped " + folder.resolve("run.sh") + ": not a task file (.json, .jsonl, .txt, .csv or .tsv)"),
				err().lines().filter(line -> line.startsWith("warning: skipped")).toList());
		assertEquals(0, run("list-tasks", "--project", project.toString()));
		assertEquals("1\t0\t0\t-\tAspirin 100 mg daily\n", out());
	}

	@Test
	void labelStudioTasksWithoutIdsAndTasksWithAnnotationsAndCompletions() throws IOException {
		Path file = dir.resolve("ls.json");
		Files.writeString(file, """
				[{"data": {"text": "Aspirin 100 mg"},
				  "annotations": [{"completed_by": 1, "result": [{"id": "a", "from_name": "label", "to_name": "text",
				    "type": "labels", "value": {"start": 0, "end": 7, "text": "Aspirin", "labels": ["DRUG"]}}]}],
				  "predictions": [{"model_version": "v1", "score": 0.5, "result": []}]},
				 {"id": 40, "data": {"text": "No fever"},
				  "annotations": [{"result": [{"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
				    "value": {"start": 3, "end": 9, "text": "fever", "labels": ["DRUG"]}}]}],
				  "completions": [{"result": [{"id": "c", "from_name": "label", "to_name": "text", "type": "labels",
				    "value": {"start": 3, "end": 8, "text": "feve", "labels": ["DRUG"]}}]}]}]
				""");
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), file.toString()), err());
		assertTrue(out().startsWith("imported 2 tasks into "), out());

		assertEquals(0, run("list-tasks", "--project", project.toString()));
		assertEquals("40\t0\t2\t-\tNo fever\n41\t1\t1\t0.5\tAspirin 100 mg\n", out());

		assertEquals(1, run("check", "--project", project.toString()));
		assertEquals("""
				task 40: annotations[0].result[0] (id b): offsets [3, 9) do not fit the text of 8 UTF-16 code units
				task 40: completions[0].result[0] (id c): value.text "feve" differs from the text at [3, 8): "fever"
				""", out());
	}

	@Test
	void checkNamesTasksWhoseObjectFieldIsMissingOrNotText() throws IOException {
		Path file = dir.resolve("tasks.jsonl");
		Files.writeString(file, """
				{"id": 1, "data": {"text": "Aspirin 100 mg"}}
				{"id": 2, "data": {"body": "Aspirin 100 mg"}}
				{"id": 3, "data": {"text": null}}
				{"id": 4, "data": {"text": {"value": "Aspirin"}}}
				""");
		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), file.toString()));
		Files.writeString(project.resolve("labeling-config.xml"), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		assertEquals(1, run("check", "--project", project.toString()));
		assertEquals("""
				task 2: data.text is missing (the config's object 'text' shows it)
				task 3: data.text is null (the config's object 'text' shows it)
				task 4: data.text is an object, not text (the config's object 'text' shows it)
				""", out());
	}

	@Test
	void aFailedImportLeavesNoProjectBehind() throws IOException {
		Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"id\": 1, \"data\": {}},\n{\"id\": 2,}]");
		Path nested = dir.resolve("new").resolve("deeper").resolve("project");
		assertEquals(2, run("import", "--project", nested.toString(), bad.toString()));
		assertTrue(err().contains("bad.json:2:"), err());
		assertFalse(Files.exists(dir.resolve("new")), "the folders the import made are gone");

		Path plain = Files.createDirectories(dir.resolve("plain"));
		Files.writeString(plain.resolve("notes.md"), "mine");
		Path empty = Files.writeString(dir.resolve("empty.csv"), "");
		assertEquals(2, run("import", "--project", plain.toString(), empty.toString()));
		assertEquals(List.of("labelbench: " + empty + ": empty file: expected a header row naming the columns"),
				err().lines().filter(line -> line.startsWith("labelbench:")).toList());
		try (var files = Files.list(plain)) {
			assertEquals(List.of("notes.md"), files.map(f -> f.getFileName().toString()).toList(),
					"a folder that was there keeps what it had, and only that");
		}

		Path project = dir.resolve("project");
		assertEquals(0, run("import", "--project", project.toString(), tasksFile().toString()));
		assertEquals(2, run("import", "--project", project.toString(), bad.toString()));
		assertEquals(List.of("1.json", "2.json"), listTasks(project).stream().sorted().toList(),
				"an existing project stays");
		assertTrue(Files.isRegularFile(project.resolve(".labelbench/project.json")));
	}

	@Test
	void validateConfigReadsUtf16AndNamesBadBytes() throws IOException {
		String config = "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"Médicament\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		byte[] body = config.getBytes(StandardCharsets.UTF_16LE);
		byte[] withMark = new byte[body.length + 2];
		withMark[0] = (byte) 0xFF;
		withMark[1] = (byte) 0xFE;
		System.arraycopy(body, 0, withMark, 2, body.length);
		Path utf16 = Files.write(dir.resolve("utf16.xml"), withMark);
		String cache = dir.resolve("cache").toString();
		assertEquals(1, run("validate-config", utf16.toString(), "--cache", cache), err());
		assertEquals(utf16 + ":2:32: error: toName 'txt' names no object tag", out().lines().findFirst().orElseThrow()
				.replaceAll(" \\(.*", "").replaceAll("(object tag).*", "$1"));
		assertEquals("", err());

		Path latin1 = Files.write(dir.resolve("latin1.xml"), config.getBytes(StandardCharsets.ISO_8859_1));
		assertEquals(1, run("validate-config", latin1.toString(), "--cache", cache));
		assertTrue(out().contains(latin1 + ":3:20: error: byte 0xE9 at byte offset"), out());
		assertTrue(out().contains("not valid UTF-8"), out());
	}

	private static List<String> listTasks(Path project) throws IOException {
		Path tasks = project.resolve("tasks");
		if (!Files.isDirectory(tasks)) {
			return List.of();
		}
		try (var files = Files.list(tasks)) {
			return files.map(f -> f.getFileName().toString()).toList();
		}
	}
}
