package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;

/**
 * Several separate JVMs import into one project at the same moment (as two command lines, or the workbench and a
 * command line, do): every task lands exactly once and no task is overwritten.
 */
class ConcurrentImportTest {

	private static final int PROCESSES = 3;
	private static final int TASKS_EACH = 200;
	private static final int TASKS_BEFORE = 38;

	@TempDir
	Path dir;

	/** Entry point of a child JVM: {@code <project> <source> <renumber> <go-file>}; starts importing on "go". */
	public static void main(String[] args) throws Exception {
		LabelbenchProject project = new LabelbenchProject(Path.of(args[0]));
		Path go = Path.of(args[3]);
		System.out.println("ready");
		System.out.flush();
		while (!Files.exists(go)) {
			Thread.sleep(1);
		}
		ImportResult result = new TaskImporter(project).importFiles(List.of(Path.of(args[1])),
				ImportOptions.DEFAULT.withRenumber(Boolean.parseBoolean(args[2])), Progress.NONE);
		System.out.println("imported " + result.imported());
	}

	@Test
	void importsOfTasksWithoutIdsFromSeparateProcessesAtOnceLoseNoTask() throws Exception {
		importFromSeparateProcessesAtOnce(false);
	}

	@Test
	void renumberingImportsFromSeparateProcessesAtOnceLoseNoTask() throws Exception {
		importFromSeparateProcessesAtOnce(true);
	}

	private void importFromSeparateProcessesAtOnce(boolean renumber) throws Exception {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		for (int id = 1; id <= TASKS_BEFORE; id++) {
			project.tasks().write(Task.of(TaskId.of(id), "before " + id));
		}
		Path go = dir.resolve("go");
		List<Process> children = new ArrayList<>();
		List<Path> logs = new ArrayList<>();
		for (int p = 0; p < PROCESSES; p++) {
			// with renumbering every source brings ids 1..200, which all clash; without, the tasks have no id
			Path source = source("source-" + p + ".jsonl", p, renumber);
			Path log = dir.resolve("child-" + p + ".log");
			logs.add(log);
			children.add(child(log, project.folder().toString(), source.toString(), Boolean.toString(renumber),
					go.toString()));
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		for (Path log : logs) {
			while (!(Files.exists(log) && Files.readString(log).contains("ready"))) {
				assertTrue(System.nanoTime() < deadline, "a child did not start in 60 s");
				Thread.sleep(5);
			}
		}
		Files.createFile(go); // all start importing at the same moment
		for (int p = 0; p < PROCESSES; p++) {
			assertTrue(children.get(p).waitFor(120, TimeUnit.SECONDS), "child " + p + " finished");
			assertEquals(0, children.get(p).exitValue(), Files.readString(logs.get(p)));
			assertTrue(Files.readString(logs.get(p)).contains("imported " + TASKS_EACH), Files.readString(logs.get(p)));
		}

		Map<String, Integer> texts = new HashMap<>();
		for (Task task : project.tasks().tasks()) {
			texts.merge(task.text(), 1, Integer::sum);
		}
		for (int id = 1; id <= TASKS_BEFORE; id++) {
			assertEquals("before " + id, project.tasks().read(TaskId.of(id)).text(), "task " + id + " kept");
		}
		for (int p = 0; p < PROCESSES; p++) {
			for (int i = 1; i <= TASKS_EACH; i++) {
				assertEquals(1, texts.getOrDefault(text(p, i), 0), "'" + text(p, i) + "' is stored exactly once");
			}
		}
		assertEquals(TASKS_BEFORE + PROCESSES * TASKS_EACH, project.tasks().ids().size());
	}

	@Test
	void anImportRefusesToOverwriteATaskCreatedMeanwhile() throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		project.tasks().write(Task.of(TaskId.of(1), "before 1"));
		Path source = source("source.jsonl", 0, false);
		// another writer creates task 2, the first id the import gives out, after the import has chosen its ids
		Progress createsTaskTwoMeanwhile = new Progress() {
			@Override
			public void begin(String task, long total) {
				if (task.startsWith("Importing")) {
					try {
						new TaskStore(project.tasks().folder()).write(Task.of(TaskId.of(2), "created meanwhile"));
					} catch (IOException e) {
						throw new AssertionError(e);
					}
				}
			}

			@Override
			public void worked(long units) {
			}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
		IOException refused = assertThrows(IOException.class, () -> new TaskImporter(project)
				.importFiles(List.of(source), ImportOptions.DEFAULT, createsTaskTwoMeanwhile));
		assertTrue(refused.getMessage().contains("task 2 "), refused.getMessage());
		assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
		assertEquals("created meanwhile", project.tasks().read(TaskId.of(2)).text(), "never overwritten");
		assertEquals("before 1", project.tasks().read(TaskId.of(1)).text());
	}

	@Test
	void idsGivenOutByAnUnfinishedImportAreNotGivenToTheNext() throws IOException {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		project.tasks().write(Task.of(TaskId.of(1), "before 1"));
		Path first = source("first.jsonl", 0, false);
		Path second = source("second.jsonl", 1, false);
		// the first pass counts 200 units: cancelled after 100 of the 200 tasks are written
		assertThrows(CancellationException.class, () -> new TaskImporter(project).importFiles(List.of(first),
				ImportOptions.DEFAULT, Projects.cancelAfter(TASKS_EACH + TASKS_EACH / 2)));
		assertEquals(1 + TASKS_EACH / 2, project.tasks().ids().size());

		new TaskImporter(project).importFiles(List.of(second), ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(text(1, 1), project.tasks().read(TaskId.of(2 + TASKS_EACH)).text(),
				"the second import starts above the ids the first one gave out");
		ImportResult rerun = new TaskImporter(project).importFiles(List.of(first), ImportOptions.DEFAULT, Progress.NONE);
		assertEquals(TASKS_EACH / 2, rerun.imported());
		assertEquals(TASKS_EACH / 2, rerun.unchanged());
		for (int i = 1; i <= TASKS_EACH; i++) {
			assertEquals(text(0, i), project.tasks().read(TaskId.of(1 + i)).text());
			assertEquals(text(1, i), project.tasks().read(TaskId.of(1 + TASKS_EACH + i)).text());
		}
		assertEquals(1 + 2 * TASKS_EACH, project.tasks().ids().size());
	}

	@Test
	void anImportWaitingForAnotherSaysSoAndCanBeCancelled() throws Exception {
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		Path source = source("source.jsonl", 0, false);
		List<String> phases = new CopyOnWriteArrayList<>();
		Progress cancelsWhileWaiting = new Progress() {
			@Override
			public void begin(String task, long total) {
				phases.add(task);
			}

			@Override
			public void worked(long units) {
			}

			@Override
			public boolean isCanceled() {
				return phases.stream().anyMatch(phase -> phase.startsWith("Waiting"));
			}
		};
		try (var otherImport = project.tasks().lockForNewTasks(() -> false, () -> {
		})) {
			ExecutorService waiting = Executors.newSingleThreadExecutor();
			var outcome = waiting.submit(() -> new TaskImporter(project).importFiles(List.of(source),
					ImportOptions.DEFAULT, cancelsWhileWaiting));
			ExecutionException failure = assertThrows(ExecutionException.class, outcome::get);
			assertTrue(failure.getCause() instanceof CancellationException, failure.getCause().toString());
			waiting.shutdown();
		}
		assertEquals(List.of("Waiting for another import into p"), phases);
		assertEquals(0, project.tasks().ids().size(), "nothing written");
	}

	private static String text(int process, int task) {
		return "process " + process + " task " + task;
	}

	private Path source(String name, int process, boolean withIds) throws IOException {
		Path file = dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 1; i <= TASKS_EACH; i++) {
				out.write("{" + (withIds ? "\"id\": " + i + ", " : "") + "\"data\": {\"text\": \"" + text(process, i)
						+ "\"}}\n");
			}
		}
		return file;
	}

	private static Process child(Path log, String... args) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				ConcurrentImportTest.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}
}
