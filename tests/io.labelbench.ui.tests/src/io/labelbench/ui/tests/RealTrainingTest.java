package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.hub.ModelScores;
import io.labelbench.hub.TrainedModels;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;
import io.labelbench.project.training.TrainingType;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.training.TrainingEditor;
import io.labelbench.ui.training.TrainingJob;
import io.labelbench.ui.training.TrainingJobs;
import io.labelbench.ui.training.TrainingRequest;
import io.labelbench.ui.training.TrainingRun;

/**
 * A real NerDL fit through the training job, in the server distribution's JVM on the build's embeddings: the chart
 * draws the epochs the JVM reports, the loss falls, and the model published into the Models Hub scores its test
 * tasks.
 */
class RealTrainingTest {

	@TempDir
	Path dir;

	@BeforeEach
	void cacheAndRegistry() throws Exception {
		System.setProperty("labelbench.servers", dir.resolve("servers").toString());
		TrainingFixtures.embeddingsIn(dir.resolve("models"));
	}

	@AfterEach
	void restore() {
		for (TrainingJob job : TrainingJobs.current()) {
			job.cancel();
		}
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		System.clearProperty("labelbench.servers");
		TrainingFixtures.forgetCache();
	}

	@Test
	void aRealFitDrawsItsEpochsAndPublishesAModelThatScoresItsTestTasks() throws Exception {
		IProject project = TrainingFixtures.project(dir.resolve("pharmacy"), 60, 60);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		long started = System.nanoTime();
		TrainingJob job = TrainingJobs.schedule(project, new TrainingRequest(TrainingType.NER,
				new ProjectTrainer.Parameters(null, 8, null, null, null, 0.2f), null, false, false), true);
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 300_000);
		double seconds = (System.nanoTime() - started) / 1e9;
		TrainingRun run = job.run();
		assertEquals(TrainingRun.State.PUBLISHED, run.state(), run.message() + "\n" + String.join("\n", run.log()));
		List<TrainingEpoch> epochs = run.epochs();
		Files.writeString(Path.of("target", "real-training-epochs.txt"), "training took " + seconds + " s\n"
				+ String.join("\n", run.log()));
		assertEquals(8, epochs.size(), run.log().toString());
		assertTrue(epochs.get(7).loss() < epochs.get(0).loss(), "the loss falls: " + epochs);
		assertTrue(epochs.get(7).validated(), "validation scores with a validation split: " + epochs.get(7));

		TrainingEditor editor = (TrainingEditor) page.getActiveEditor();
		UiTesting.waitUntil("every epoch is drawn", () -> editor.chartPoints("loss")[0].length == 8, 10_000);
		assertEquals(epochs.get(7).microF1(), editor.chartPoints("validation micro F1")[1][7]);

		TrainedModels.Version published = TrainedModels.of(ModelCachePreference.cache().installed())
				.get("pharmacy_ner").get(0);
		ModelScores scores = published.scores();
		assertEquals(12, scores.testTasks(), "every fifth of 60 tasks is tagged test");
		assertTrue(scores.spans().micro().f1() > 0.5, "the model learnt something: " + scores.spans());
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.waitUntil("drawn", () -> editor.chartPaints() > 0, 10_000);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "training-real.png"));
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);
	}
}
