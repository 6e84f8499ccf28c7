package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/**
 * A real child JVM is killed with SIGKILL in the middle of an import and of an export: every task file is
 * complete afterwards, the export target never holds a partial file, and running the import again finishes it.
 */
class KilledProcessTest {

	private static final int TASKS = 4000;

	@TempDir
	Path dir;

	/** Entry point of the child JVM: {@code import|export <project> <file>}. */
	public static void main(String[] args) throws IOException {
		LabelbenchProject project = LabelbenchProject.create(Path.of(args[1]), "ana");
		Progress slow = new Progress() {
			@Override
			public void begin(String task, long total) {
				System.out.println("begin " + task);
				System.out.flush();
			}

			@Override
			public void worked(long units) {
				Thread.onSpinWait();
			}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
		if (args[0].equals("import")) {
			new TaskImporter(project).importFiles(List.of(Path.of(args[2])), ImportOptions.DEFAULT, slow);
		} else {
			while (true) { // export again and again until killed
				new TaskExporter(project).export(ExportFormat.GAL, Path.of(args[2]), slow);
			}
		}
	}

	private Process child(String... args) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				KilledProcessTest.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("child-" + args[0] + ".log").toFile()).start();
	}

	private Path source() throws IOException {
		Path file = dir.resolve("source.jsonl");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 1; i <= TASKS; i++) {
				out.write("{\"id\": " + i + ", \"data\": {\"text\": \"Patient " + i + " takes aspirin 100 mg daily. "
						+ "x".repeat(2000) + "\"}, \"predictions\": [{\"result\": [{\"id\": \"r\", \"from_name\": \"label\","
						+ " \"to_name\": \"text\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 7, \"text\":"
						+ " \"Patient\", \"labels\": [\"X\"]}}]}]}\n");
			}
		}
		return file;
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, Process process) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			assertTrue(process.isAlive(), "child ended before it could be killed");
			assertTrue(System.nanoTime() < deadline, "child made no progress in 60 s");
			Thread.sleep(5);
		}
	}

	private static long taskFiles(LabelbenchProject project) {
		try {
			return project.tasks().ids().size();
		} catch (IOException e) {
			return 0;
		}
	}

	@Test
	void killedImportLeavesCompleteFilesAndRerunFinishes() throws Exception {
		Path source = source();
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		Process child = child("import", project.folder().toString(), source.toString());
		waitFor(() -> taskFiles(project) >= TASKS / 4, child);
		child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
		assertTrue(child.waitFor(30, TimeUnit.SECONDS));
		assertEquals(137, child.exitValue(), "killed by SIGKILL");

		List<TaskId> written = project.tasks().ids();
		assertTrue(written.size() < TASKS, "the kill interrupted the import (" + written.size() + " tasks written)");
		for (TaskId id : written) {
			Task task = project.tasks().read(id); // throws on a torn file
			assertTrue(task.text().startsWith("Patient " + id + " "));
		}

		ImportResult rerun = new TaskImporter(project).importFiles(List.of(source), ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(TASKS, project.tasks().ids().size());
		assertEquals(TASKS, rerun.total());
		assertTrue(rerun.unchanged() >= written.size() - 1, "tasks written before the kill are kept");
	}

	@Test
	void killedExportNeverLeavesAPartialFile() throws Exception {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		new TaskImporter(project).importFiles(List.of(source()), ImportOptions.DEFAULT, Progress.NONE);
		Path out = dir.resolve("export.json");
		Process child = child("export", project.folder().toString(), out.toString());
		waitFor(() -> Files.exists(out), child); // one export finished, the next one is under way
		Thread.sleep(200);
		child.destroyForcibly();
		assertTrue(child.waitFor(30, TimeUnit.SECONDS));
		assertEquals(TASKS, Projects.readTree(out).size(), "the export file is a whole export");
		assertFalse(Files.readString(out).isEmpty());
	}
}
