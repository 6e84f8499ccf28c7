package io.labelbench.preannotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;

class BulkRunnerTest {

	static final List<Rule> RULES = List.of(
			Rule.dictionary("drugs", "DRUG", List.of("aspirin", "ibuprofen", "アスピリン"), false, true),
			Rule.regex("strength", "STRENGTH", "\\d+ ?mg", false, true));

	@TempDir
	Path dir;

	static TaskStore storeWith(Path folder, int count) throws IOException {
		TaskStore store = new TaskStore(folder);
		String[] texts = { "😀 Patient took aspirin 100 mg.\r\nThen ibuprofen 200mg.", "患者は アスピリン 100 mg を服用。",
				"Café́ note: no drug here." };
		for (int i = 1; i <= count; i++) {
			store.write(Task.of(TaskId.of(i), texts[i % texts.length]));
		}
		return store;
	}

	static RulesAnnotator annotator() throws RuleException {
		return new RulesAnnotator(RULES, "label", "text", "text");
	}

	@Test
	void predictionsAreWrittenWithExactOffsetsAndARerunSkipsThem() throws Exception {
		TaskStore store = storeWith(dir, 30);
		RunSummary first = new BulkRunner(store, annotator(), new BulkRunner.Options(7, false)).run(store.ids(), Progress.NONE);
		assertEquals(30, first.done());
		for (TaskId id : store.ids()) {
			Task task = store.read(id);
			assertEquals(1, task.predictions().size());
			Annotation prediction = task.predictions().get(0);
			assertTrue(prediction.modelVersion().startsWith("rules@"));
			for (Region region : prediction.results()) {
				assertEquals(task.text().substring(region.start(), region.end()), region.text());
			}
		}
		List<String> labels = new ArrayList<>();
		store.read(TaskId.of(1)).predictions().get(0).results().forEach(r -> labels.add(r.labels().get(0) + ":" + r.text()));
		assertEquals(List.of("DRUG:アスピリン", "STRENGTH:100 mg"), labels);
		labels.clear();
		store.read(TaskId.of(3)).predictions().get(0).results().forEach(r -> labels.add(r.labels().get(0) + ":" + r.text()));
		assertEquals(List.of("DRUG:aspirin", "STRENGTH:100 mg", "DRUG:ibuprofen", "STRENGTH:200mg"), labels);

		RunSummary rerun = new BulkRunner(store, annotator(), BulkRunner.Options.DEFAULT).run(store.ids(), Progress.NONE);
		assertEquals(0, rerun.done());
		assertEquals(30, rerun.skipped());
		RunSummary replaced = new BulkRunner(store, annotator(), new BulkRunner.Options(10, true)).run(store.ids(), Progress.NONE);
		assertEquals(30, replaced.done());
		assertEquals(1, store.read(TaskId.of(5)).predictions().size(), "replaced, not duplicated");
	}

	@Test
	void aFailingTaskIsReportedAndTheOthersAreDone() throws Exception {
		TaskStore store = storeWith(dir, 10);
		RulesAnnotator rules = annotator();
		Annotator failsOnTask4 = new Annotator() {
			@Override
			public String author() {
				return rules.author();
			}

			@Override
			public String modelVersion() {
				return rules.modelVersion();
			}

			@Override
			public List<Output> annotate(List<Task> tasks) throws AnnotatorException {
				for (Task task : tasks) {
					if (task.id().equals(TaskId.of(4))) {
						throw new AnnotatorException("server answered 500");
					}
				}
				return rules.annotate(tasks);
			}
		};
		RunSummary summary = new BulkRunner(store, failsOnTask4, new BulkRunner.Options(3, false)).run(store.ids(), Progress.NONE);
		assertEquals(9, summary.done());
		assertEquals(1, summary.failed());
		assertEquals(List.of("task 4: server answered 500"), summary.failures());
		assertEquals(0, store.read(TaskId.of(4)).predictions().size());
	}

	@Test
	void cancelFinishesTheBatchInFlight() throws Exception {
		TaskStore store = storeWith(dir, 20);
		Progress cancelAfterFirstTask = new Progress() {
			long worked;

			@Override
			public void begin(String task, long total) {
			}

			@Override
			public void worked(long units) {
				worked += units;
			}

			@Override
			public boolean isCanceled() {
				return worked > 0;
			}
		};
		RunSummary summary = new BulkRunner(store, annotator(), new BulkRunner.Options(5, false)).run(store.ids(),
				cancelAfterFirstTask);
		assertTrue(summary.cancelled());
		assertEquals(5, summary.done(), "the whole first batch, nothing more");
	}

	/** Child JVM: pre-annotates the store slowly until killed. */
	public static void main(String[] args) throws Exception {
		TaskStore store = new TaskStore(Path.of(args[0]));
		Progress slow = new Progress() {
			@Override
			public void begin(String task, long total) {
			}

			@Override
			public void worked(long units) {
				try {
					Thread.sleep(2);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
		new BulkRunner(store, annotator(), new BulkRunner.Options(16, false)).run(store.ids(), slow);
	}

	@Test
	void aKilledRunIsFinishedByARerunWithoutDuplicates() throws Exception {
		int tasks = 1500;
		TaskStore store = storeWith(dir, tasks);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				BulkRunnerTest.class.getName(), dir.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("child.log").toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (countPredicted(store) < 100) {
			assertTrue(child.isAlive(), "child ended before the kill");
			assertTrue(System.nanoTime() < deadline, "no progress in 60 s");
			Thread.sleep(20);
		}
		child.destroyForcibly();
		assertTrue(child.waitFor(30, TimeUnit.SECONDS));
		int before = countPredicted(store);
		assertTrue(before < tasks, "killed mid-run");

		RunSummary rerun = new BulkRunner(store, annotator(), BulkRunner.Options.DEFAULT).run(store.ids(), Progress.NONE);
		assertEquals(tasks, rerun.done() + rerun.skipped());
		assertTrue(rerun.skipped() >= before, "work done before the kill is kept");
		for (TaskId id : store.ids()) {
			assertEquals(1, store.read(id).predictions().size(), "task " + id);
		}
	}

	private static int countPredicted(TaskStore store) throws IOException {
		int count = 0;
		for (TaskId id : store.ids()) {
			try {
				if (!store.read(id).predictions().isEmpty()) {
					count++;
				}
			} catch (IOException e) {
				throw new AssertionError("torn task file " + id + ": " + e.getMessage(), e);
			}
		}
		return count;
	}
}
