package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** A folder import takes the task files inside the folder and names every other entry it leaves out, with why. */
class FolderImportTest {

	@TempDir
	Path dir;

	@Test
	void linksLeavingTheFolderAreSkippedAndEverySkippedFileIsReported() throws IOException {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash");
		Path folder = Files.createDirectories(dir.resolve("notes"));
		Files.writeString(folder.resolve("a.txt"), "Aspirin 100 mg daily");
		Files.writeString(folder.resolve("b.json"), "{\"data\": {\"text\": \"No fever\"}}");
		Files.writeString(folder.resolve("run.sh"), "#!/bin/sh\n");
		Files.write(folder.resolve("blob.bin"), new byte[] { 0, 1, 2 });
		Files.writeString(folder.resolve(".hidden.txt"), "hidden");
		Files.createDirectories(folder.resolve("sub"));
		Files.createSymbolicLink(folder.resolve("passwd.txt"), secret);
		Files.createSymbolicLink(folder.resolve("up.txt"), Path.of("..", "secret.txt"));
		Files.createSymbolicLink(folder.resolve("same.txt"), Path.of("a.txt"));
		Files.createSymbolicLink(folder.resolve("gone.txt"), folder.resolve("nothing-here.txt"));

		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		ImportResult result = new TaskImporter(project).importFiles(List.of(folder), ImportOptions.DEFAULT,
				Progress.NONE);

		assertEquals(2, result.imported());
		for (TaskId id : project.tasks().ids()) {
			Task task = project.tasks().read(id);
			assertFalse(task.text().contains("root:"), "no task holds the linked file outside the folder");
		}
		Map<String, String> skipped = new TreeMap<>();
		result.skipped().forEach(file -> skipped.put(file.file().getFileName().toString(), file.reason()));
		assertEquals(Map.of(
				".hidden.txt", "a hidden file",
				"blob.bin", "not a task file (.json, .jsonl, .txt, .csv or .tsv)",
				"gone.txt", "a link to nothing (" + folder.resolve("nothing-here.txt") + ")",
				"passwd.txt", "a link to " + secret.toRealPath() + ", outside the imported folder",
				"run.sh", "not a task file (.json, .jsonl, .txt, .csv or .tsv)",
				"same.txt", "the same file as a.txt",
				"sub", "a folder (folders inside the imported folder are not imported)",
				"up.txt", "a link to " + secret.toRealPath() + ", outside the imported folder"), skipped);
		assertEquals(folder.resolve("run.sh") + ": not a task file (.json, .jsonl, .txt, .csv or .tsv)",
				result.skipped().stream().filter(file -> file.file().endsWith("run.sh")).findFirst().orElseThrow()
						.toString());
	}

	@Test
	void aLinkInsideTheFolderIsFollowed() throws IOException {
		Path folder = Files.createDirectories(dir.resolve("notes"));
		Files.createDirectories(folder.resolve("texts"));
		Files.writeString(folder.resolve("texts/a.txt"), "Aspirin 100 mg daily");
		Files.createSymbolicLink(folder.resolve("a.txt"), Path.of("texts", "a.txt"));

		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		ImportResult result = new TaskImporter(project).importFiles(List.of(folder), ImportOptions.DEFAULT,
				Progress.NONE);
		assertEquals(1, result.imported());
		assertEquals("Aspirin 100 mg daily", project.tasks().read(project.tasks().ids().get(0)).text());
		assertEquals(List.of("texts"), result.skipped().stream().map(file -> file.file().getFileName().toString())
				.toList());
	}
}
