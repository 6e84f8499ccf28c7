package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.TrainedModels;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.training.TrainingType;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.hub.ModelsHubView;
import io.labelbench.ui.training.TrainHandler;
import io.labelbench.ui.training.TrainingEditor;
import io.labelbench.ui.training.TrainingJob;
import io.labelbench.ui.training.TrainingJobs;
import io.labelbench.ui.training.TrainingRequest;
import io.labelbench.ui.training.TrainingRun;

/**
 * Train Model in the workbench, with a training JVM that replays the epoch lines of a real run (the real fit is
 * {@link RealTrainingTest}): the dialog with the trainer's defaults and its refusals, the live chart while the run
 * goes on, the published versions and scores in the Models Hub view, deploy after training as one undoable edit,
 * and cancel.
 */
class TrainingWorkbenchTest {

	private static final String TITLE = "Train Model";
	/**
	 * The epoch lines a real NerDL fit of {@link TrainingFixtures#project} printed (60 tasks, 8 epochs, validation
	 * split 0.2; RealTrainingTest runs such a fit).
	 */
	static final List<String> RECORDED = List.of(
			"{\"event\":\"epoch\",\"epoch\":1,\"epochs\":8,\"loss\":36.40777,\"seconds\":8.2,\"validation\":{\"macroPrecision\":0.47676766,\"macroRecall\":0.6666667,\"macroF1\":0.5559482,\"microPrecision\":0.42105263,\"microRecall\":0.6666667,\"microF1\":0.516129}}",
			"{\"event\":\"epoch\",\"epoch\":2,\"epochs\":8,\"loss\":19.353943,\"seconds\":0.7,\"validation\":{\"macroPrecision\":0.6666667,\"macroRecall\":0.33333334,\"macroF1\":0.44444448,\"microPrecision\":1.0,\"microRecall\":0.33333334,\"microF1\":0.5}}",
			"{\"event\":\"epoch\",\"epoch\":3,\"epochs\":8,\"loss\":9.589443,\"seconds\":0.67,\"validation\":{\"macroPrecision\":1.0,\"macroRecall\":1.0,\"macroF1\":1.0,\"microPrecision\":1.0,\"microRecall\":1.0,\"microF1\":1.0}}",
			"{\"event\":\"epoch\",\"epoch\":4,\"epochs\":8,\"loss\":4.832494,\"seconds\":0.49,\"validation\":{\"macroPrecision\":1.0,\"macroRecall\":1.0,\"macroF1\":1.0,\"microPrecision\":1.0,\"microRecall\":1.0,\"microF1\":1.0}}",
			"{\"event\":\"epoch\",\"epoch\":5,\"epochs\":8,\"loss\":1.6055949,\"seconds\":0.38,\"validation\":{\"macroPrecision\":1.0,\"macroRecall\":1.0,\"macroF1\":1.0,\"microPrecision\":1.0,\"microRecall\":1.0,\"microF1\":1.0}}",
			"{\"event\":\"epoch\",\"epoch\":6,\"epochs\":8,\"loss\":0.60128593,\"seconds\":0.38,\"validation\":{\"macroPrecision\":1.0,\"macroRecall\":1.0,\"macroF1\":1.0,\"microPrecision\":1.0,\"microRecall\":1.0,\"microF1\":1.0}}",
			"{\"event\":\"epoch\",\"epoch\":7,\"epochs\":8,\"loss\":0.17645645,\"seconds\":0.35,\"validation\":{\"macroPrecision\":1.0,\"macroRecall\":1.0,\"macroF1\":1.0,\"microPrecision\":1.0,\"microRecall\":1.0,\"microF1\":1.0}}",
			"{\"event\":\"epoch\",\"epoch\":8,\"epochs\":8,\"loss\":0.07744392,\"seconds\":0.54,\"validation\":{\"macroPrecision\":1.0,\"macroRecall\":1.0,\"macroF1\":1.0,\"microPrecision\":1.0,\"microRecall\":1.0,\"microF1\":1.0}}");

	@TempDir
	Path dir;
	private String distribution;

	@BeforeEach
	void cacheAndRegistry() throws Exception {
		distribution = System.getProperty(ServerRegistry.DISTRIBUTION_PROPERTY);
		System.setProperty("labelbench.servers", dir.resolve("servers").toString());
		TrainingFixtures.embeddingsIn(dir.resolve("models"));
	}

	@AfterEach
	void restore() throws Exception {
		UiTesting.closeDialogs();
		for (TrainingJob job : TrainingJobs.current()) {
			job.cancel();
		}
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 30_000);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		if (distribution != null) {
			System.setProperty(ServerRegistry.DISTRIBUTION_PROPERTY, distribution);
		}
		System.clearProperty("labelbench.servers");
		TrainingFixtures.forgetCache();
	}

	private void recorded(String pause, boolean hang) throws Exception {
		Path fake = TrainingFixtures.recordedDistribution(dir.resolve("recorded"), RECORDED, pause, hang);
		System.setProperty(ServerRegistry.DISTRIBUTION_PROPERTY, fake.toString());
	}

	@Test
	void theDialogRefusesAProjectWithoutCompletionsBeforeAnythingStarts() throws Exception {
		IProject project = TrainingFixtures.project(dir.resolve("fresh"), 10, 0);
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> seen = new ArrayList<>();
		boolean[] trainEnabled = { true };
		UiTesting.whenDialogOpens(TITLE, dialog -> {
			seen.addAll(UiTesting.texts(dialog));
			trainEnabled[0] = button(dialog, "Train").isEnabled();
			screenshot(dialog, "train-dialog-refused.png");
			UiTesting.press(dialog, "Cancel");
		});
		assertEquals(null, TrainHandler.open(shell, project), "nothing is trained");
		assertFalse(trainEnabled[0], "Train is disabled");
		assertTrue(seen.stream().anyMatch(t -> t.strip().startsWith("no completions: none of the ")),
				seen.toString());
		assertEquals(0, TrainingJobs.current().size());
	}

	@Test
	void aTrainingDrawsItsEpochsAsTheyComePublishesVersionsAndDeploysAsOneUndoableEdit() throws Exception {
		recorded("0.5", false);
		IProject project = TrainingFixtures.project(dir.resolve("clinic"), 40, 40);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setMaximized(true);
		IFile configFile = project.getFile(LabelbenchProject.CONFIG_FILE);
		ITextEditor configEditor = (ITextEditor) IDE.openEditor(page, configFile);

		List<String> seen = new ArrayList<>();
		UiTesting.whenDialogOpens(TITLE, dialog -> {
			seen.addAll(UiTesting.texts(dialog));
			seen.add("types " + String.join(",", combo(dialog, 0).getItems()));
			seen.add("embeddings " + combo(dialog, 1).getText());
			for (Text text : texts(dialog)) {
				seen.add("field " + text.getText());
			}
			texts(dialog).get(0).setText("8");
			all(dialog, org.eclipse.swt.widgets.Spinner.class).get(0).setSelection(20);
			button(dialog, "Deploy after training (the new model goes into the model attributes of the config, one"
					+ " undoable edit)").setSelection(true);
			screenshot(dialog, "train-dialog.png");
			UiTesting.press(dialog, "Train");
		});
		TrainingJob job = TrainHandler.open(shell, project);
		assertNotNull(job, "the training starts");
		assertTrue(seen.stream().anyMatch(s -> s.startsWith("types ner,classification")), seen.toString());
		assertTrue(seen.contains("embeddings w2v_labelbench_100d"), seen.toString());
		assertTrue(seen.containsAll(List.of("field 10", "field 0.003", "field 16", "field 0.5")), "the NER defaults: " + seen);
		assertTrue(seen.stream().anyMatch(s -> s.startsWith("Trains on 32 tasks (32 examples), labels DOSAGE, DRUG;"
				+ " scored on 8 test tasks (tasks tagged \"test\").")), seen.toString());

		UiTesting.waitUntil("the training editor opens", () -> page.getActiveEditor() instanceof TrainingEditor, 10_000);
		TrainingEditor editor = (TrainingEditor) page.getActiveEditor();
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.waitUntil("the first epoch is drawn", () -> editor.chartPoints("loss")[0].length >= 1, 60_000);
		assertEquals(Job.RUNNING, job.getState(), "drawn while the run goes on");
		assertTrue(editor.chartPoints("loss")[0].length < 8, "not all epochs at once");
		UiTesting.screenshot(shell, Path.of("target", "training-running.png"));

		UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
		TrainingRun run = editor.run();
		assertEquals(TrainingRun.State.PUBLISHED, run.state(), run.message());
		UiTesting.waitUntil("the end is shown", () -> editor.chartPoints("loss")[0].length == 8, 10_000);
		assertEquals(0.07744392, editor.chartPoints("loss")[1][7]);
		assertEquals(1.0, editor.chartPoints("validation micro F1")[1][7]);
		assertEquals(0.44444448, editor.chartPoints("validation macro F1")[1][1]);
		List<String> texts = UiTesting.texts(editor.content());
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("Published clinic_ner v1 in ")), texts.toString());
		assertTrue(texts.contains("Scored on 8 test tasks."), texts.toString());
		assertTrue(texts.contains("Deployed: clinic_ner is now the model of DRUG, DOSAGE."), texts.toString());
		assertTrue(editor.logText().contains("epoch 2/8: loss 19.3539, 0.7 s, validation F1 0.500 micro, 0.444 macro"),
				editor.logText());
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("Parameters used: embeddings w2v_labelbench_100d, epochs 8,")),
				texts.toString());
		UiTesting.waitUntil("the chart is drawn", () -> editor.chartPaints() > 0, 10_000);
		UiTesting.screenshot(shell, Path.of("target", "training-published.png"));
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);

		// the deploy is one edit in the open config editor, saved, and one undo takes it back
		String deployed = configEditor.getDocumentProvider().getDocument(configEditor.getEditorInput()).get();
		assertTrue(deployed.contains("<Label value=\"DRUG\" model=\"clinic_ner\""), deployed);
		assertFalse(configEditor.isDirty(), "saved");
		assertEquals(deployed, Files.readString(configFile.getLocation().toFile().toPath(), StandardCharsets.UTF_8));
		var history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		history.undo(PlatformUI.getWorkbench().getOperationSupport().getUndoContext(), null, null);
		assertEquals(TrainingFixtures.CONFIG,
				Files.readString(configFile.getLocation().toFile().toPath(), StandardCharsets.UTF_8));

		// a second run is v2; the Models Hub view lists both versions with their scores
		TrainingJobs.schedule(project, new TrainingRequest(TrainingType.NER, null, null, false, false), true);
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
		var versions = TrainedModels.of(ModelCachePreference.cache().installed()).get("clinic_ner");
		assertEquals(List.of(1, 2), versions.stream().map(TrainedModels.Version::version).toList());

		ModelsHubView hub = (ModelsHubView) page.showView(ModelsHubView.ID);
		hub.refreshCatalog();
		UiTesting.waitForJobs(ModelsHubView.FAMILY_CATALOG, 30_000);
		UiTesting.waitUntil("the trained model is listed", () -> row(hub.viewer().getTable(), "clinic_ner") >= 0, 10_000);
		Table table = hub.viewer().getTable();
		int row = row(table, "clinic_ner");
		assertEquals("trained v2 (2 versions)", table.getItem(row).getText(6));
		assertEquals("Project", table.getItem(row).getText(2));
		hub.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(table.getItem(row).getData()), true);
		UiTesting.waitUntil("the versions are shown", () -> hub.trainedVersions().getItemCount() == 2, 10_000);
		assertEquals("v1", hub.trainedVersions().getItem(0).getText(0));
		assertEquals("8", hub.trainedVersions().getItem(1).getText(2), "test tasks");
		assertEquals("0.000", hub.trainedVersions().getItem(1).getText(5), "the replayed model predicts nothing");
		List<String> scores = UiTesting.texts(hub.trainedScores());
		assertTrue(scores.stream().anyMatch(t -> t.startsWith("clinic_ner v2: v2, trained on 32 tasks")), scores.toString());
		Table labels = (Table) java.util.Arrays.stream(hub.trainedScores().getChildren()).filter(Table.class::isInstance)
				.findFirst().orElseThrow();
		assertEquals("DOSAGE", labels.getItem(0).getText(0));
		assertEquals("8", labels.getItem(0).getText(4), "support: the 8 test tasks have a DOSAGE each");
		page.setPartState(page.getReference(hub), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.screenshot(shell, Path.of("target", "models-hub-trained.png"));
		page.setPartState(page.getReference(hub), IWorkbenchPage.STATE_RESTORED);
	}

	@Test
	void cancelKillsTheTrainingJvmAndPublishesNothingAndOneProjectTrainsOnceAtATime() throws Exception {
		recorded("0.2", true);
		IProject project = TrainingFixtures.project(dir.resolve("ward"), 20, 20);
		TrainingRequest request = new TrainingRequest(TrainingType.NER, null, null, false, false);
		TrainingJob first = TrainingJobs.schedule(project, request, true);
		TrainingJob second = TrainingJobs.schedule(project, request, false);
		Path pid = dir.resolve("recorded/pid");
		UiTesting.waitUntil("the first epoch", () -> first.run().epochs().size() == 1, 60_000);
		assertEquals(Job.WAITING, second.getState(), "the second training of the project waits for the first");
		long process = Long.parseLong(Files.readString(pid).trim());
		assertTrue(ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false));
		second.cancel();
		first.cancel();
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 30_000);
		assertEquals(TrainingRun.State.CANCELLED, first.run().state());
		assertFalse(ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false), "the training JVM is gone");
		assertEquals(java.util.Map.of(), TrainedModels.of(ModelCachePreference.cache().installed()), "nothing published");
		try (var left = Files.list(ModelCachePreference.cache().buildFolder())) {
			assertEquals(0, left.count(), "no work folder left");
		}
	}

	private static int row(Table table, String name) {
		for (int i = 0; i < table.getItemCount(); i++) {
			if (table.getItem(i).getText(0).equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private static void screenshot(Shell shell, String name) {
		try {
			UiTesting.screenshot(shell, Path.of("target", name));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static Button button(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button b && b.getText().replace("&", "").equals(text)) {
				return b;
			}
			if (child instanceof Composite c && button(c, text) != null) {
				return button(c, text);
			}
		}
		return null;
	}

	private static Combo combo(Composite parent, int index) {
		return all(parent, Combo.class).get(index);
	}

	private static List<Text> texts(Composite parent) {
		return all(parent, Text.class).stream().filter(t -> t.getEditable()).toList();
	}

	private static <T> List<T> all(Composite parent, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite c) {
				found.addAll(all(c, type));
			}
		}
		return found;
	}
}
