package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** Where an export may write, the mode of what it writes, and what a killed export left behind. */
class ExportTargetTest {

	@TempDir
	Path dir;

	private LabelbenchProject project() throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		project.tasks().write(Task.of(TaskId.of(1), "Patient takes aspirin."));
		project.tasks().write(Task.of(TaskId.of(2), "No known allergies."));
		Files.writeString(project.configFile(), "<View><Text name=\"text\" value=\"$text\"/></View>");
		Files.createDirectories(project.folder().resolve(LabelbenchProject.FILES_FOLDER));
		return project;
	}

	@Test
	void anExportIntoTheProjectStorageIsRefusedAndWritesNothing() throws IOException {
		LabelbenchProject project = project();
		Path p = project.folder();
		Files.createDirectories(dir.resolve("elsewhere"));
		Path linkToTasks = Files.createSymbolicLink(dir.resolve("link-to-tasks"), p.resolve("tasks"));
		Map<String, String> before = Projects.snapshot(p);
		List<Path> inside = List.of(p.resolve("tasks/1.json"), p.resolve("tasks/3.json"), p.resolve("labeling-config.xml"),
				p.resolve(".labelbench/project.json"), p.resolve("files/export.json"), p.resolve("tasks"),
				dir.resolve("elsewhere/../p/./tasks/2.json"), linkToTasks.resolve("2.json"),
				p.resolve("tasks/sub/deeper.json"));
		for (Path out : inside) {
			IOException refused = assertThrows(IOException.class,
					() -> new TaskExporter(project).export(ExportFormat.GAL, out, Progress.NONE), out.toString());
			assertTrue(refused.getMessage().startsWith(out + ": "), refused.getMessage());
			assertTrue(refused.getMessage().contains("inside the project"), refused.getMessage());
		}
		assertEquals(before, Projects.snapshot(p), "nothing in the project changed");
		assertFalse(Files.exists(p.resolve("tasks/sub")), "no folder created");

		Path beside = p.resolve("exports/all.json"); // the project folder itself is fine, outside its storage
		assertEquals(2, new TaskExporter(project).export(ExportFormat.GAL, beside, Progress.NONE).exported());
		assertEquals(2, Projects.readTree(beside).size());
	}

	@Test
	void aNewExportFollowsTheUmaskAsAPlainFileDoes() throws IOException {
		LabelbenchProject project = project();
		Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
		Path out = dir.resolve("export.json");
		new TaskExporter(project).export(ExportFormat.GAL, out, Progress.NONE);
		assertEquals(PosixFilePermissions.toString(plain),
				PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
	}

	@Test
	void reExportingKeepsTheModeOfTheExistingFile() throws IOException {
		LabelbenchProject project = project();
		for (String mode : List.of("rw-r--r--", "rw-r-----", "rw-rw-r--")) {
			Path out = dir.resolve("export-" + mode + ".json");
			Files.writeString(out, "earlier export");
			Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(mode));
			new TaskExporter(project).export(ExportFormat.JSONL, out, Progress.NONE);
			assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
			assertEquals(2, Files.readAllLines(out).size(), "re-exported");
		}
	}

	@Test
	void aRewrittenTaskFileKeepsItsMode() throws IOException {
		LabelbenchProject project = project();
		Path file = project.tasks().file(TaskId.of(1));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		project.tasks().update(TaskId.of(1), task -> {
			task.data().put("title", "changed");
			return task;
		});
		assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		assertEquals("changed", project.tasks().read(TaskId.of(1)).data().get("title").asText());
	}

	@Test
	void theNextExportRemovesTempFilesOfKilledExportsButNotOfRunningOnes() throws Exception {
		LabelbenchProject project = project();
		Path folder = Files.createDirectories(dir.resolve("out"));
		Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
				.redirectErrorStream(true).redirectOutput(dir.resolve("gone.log").toFile()).start();
		assertEquals(0, gone.waitFor());
		FileTime twoMinutesAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.MINUTES));
		FileTime twoHoursAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
		Path killed = stale(folder, ".lb-tmp-export.json-pid" + gone.pid() + "-7f3a.part", twoMinutesAgo);
		Path olderVersion = stale(folder, ".lb-tmp-export.json-3216549870123.part", twoHoursAgo);
		Path running = stale(folder, ".lb-tmp-other.json-pid" + ProcessHandle.current().pid() + "-9c1d.part",
				twoMinutesAgo);
		Path justStarted = stale(folder, ".lb-tmp-export.json-pid" + gone.pid() + "-1b2c.part",
				FileTime.from(Instant.now()));

		new TaskExporter(project).export(ExportFormat.GAL, folder.resolve("export.json"), Progress.NONE);
		assertFalse(Files.exists(killed), "the temp file of a process that is gone is removed");
		assertFalse(Files.exists(olderVersion), "an old temp file without owner is removed");
		assertTrue(Files.exists(running), "the temp file of a live writer is kept");
		assertTrue(Files.exists(justStarted), "a fresh temp file is kept (its writer may be on another host)");
		assertEquals(2, Projects.readTree(folder.resolve("export.json")).size());
	}

	private static Path stale(Path folder, String name, FileTime modified) throws IOException {
		Path file = Files.writeString(folder.resolve(name), "[{\"id\": 1");
		Files.setLastModifiedTime(file, modified);
		return file;
	}
}
