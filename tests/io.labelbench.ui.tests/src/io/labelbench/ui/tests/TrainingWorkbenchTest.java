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
import org.eclipse.core.runtime.preferences.InstanceScope;
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
import io.labelbench.ui.servers.ServerPreferences;
import io.labelbench.ui.servers.ServersView;
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
		TrainingFixtures.forgetProjectsIn(dir);
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
		IProject project = TrainingFixtures.project(dir.resolve("untrained"), 10, 0);
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> seen = new ArrayList<>();
		boolean[] trainEnabled = { true };
		List<String> assertion = new ArrayList<>();
		UiTesting.whenDialogOpens(TITLE, dialog -> {
			seen.addAll(UiTesting.texts(dialog));
			trainEnabled[0] = button(dialog, "Train").isEnabled();
			screenshot(dialog, "train-dialog-refused.png");
			// an assertion model takes only its iterations, and no embeddings
			Combo type = combo(dialog, 0);
			type.select(java.util.Arrays.asList(type.getItems()).indexOf("assertion"));
			type.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertion.add("embeddings " + combo(dialog, 1).isEnabled());
			for (Text text : all(dialog, Text.class)) {
				if (text.getEditable()) {
					assertion.add("field " + text.getText() + " " + text.isEnabled());
				}
			}
			UiTesting.press(dialog, "Cancel");
		});
		assertEquals(null, TrainHandler.open(shell, project), "nothing is trained");
		assertFalse(trainEnabled[0], "Train is disabled");
		assertTrue(seen.stream().anyMatch(t -> t.strip().startsWith("no completions: none of the ")),
				seen.toString());
		assertEquals(0, TrainingJobs.current().size());
		assertEquals(List.of("embeddings false", "field 100 true", "field  false", "field  false", "field  false"),
				assertion);
	}

	@Test
	void aTrainingDrawsItsEpochsAsTheyComePublishesVersionsAndDeploysAsOneUndoableEdit() throws Exception {
		recorded("0.5", false);
		IProject project = TrainingFixtures.project(dir.resolve("dispensary"), 40, 40);
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
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("Published dispensary_ner v1 in ")), texts.toString());
		assertTrue(texts.contains("Scored on 8 test tasks."), texts.toString());
		assertTrue(texts.contains("Deployed: dispensary_ner is now the model of DRUG, DOSAGE."), texts.toString());
		assertTrue(editor.logText().contains("epoch 2/8: loss 19.3539, 0.7 s, validation F1 0.500 micro, 0.444 macro"),
				editor.logText());
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("Parameters used: embeddings w2v_labelbench_100d, epochs 8,")),
				texts.toString());
		Path savedLog = run.logFile().orElseThrow();
		assertEquals(run.model().folder().resolve(".labelbench-training.log"), savedLog);
		assertTrue(texts.contains("The whole log: " + savedLog), texts.toString());
		UiTesting.waitUntil("the chart is drawn", () -> editor.chartPaints() > 0, 10_000);
		UiTesting.screenshot(shell, Path.of("target", "training-published.png"));
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);

		// the deploy is one edit in the open config editor, saved, and one undo takes it back
		String deployed = configEditor.getDocumentProvider().getDocument(configEditor.getEditorInput()).get();
		assertTrue(deployed.contains("<Label value=\"DRUG\" model=\"dispensary_ner\""), deployed);
		assertFalse(configEditor.isDirty(), "saved");
		assertEquals(deployed, Files.readString(configFile.getLocation().toFile().toPath(), StandardCharsets.UTF_8));
		var history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		history.undo(PlatformUI.getWorkbench().getOperationSupport().getUndoContext(), null, null);
		assertEquals(TrainingFixtures.CONFIG,
				Files.readString(configFile.getLocation().toFile().toPath(), StandardCharsets.UTF_8));

		// a second run is v2; the Models Hub view lists both versions with their scores
		TrainingJobs.schedule(project, new TrainingRequest(TrainingType.NER, null, null, false, false), true);
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
		var versions = TrainedModels.of(ModelCachePreference.cache().installed()).get("dispensary_ner");
		assertEquals(List.of(1, 2), versions.stream().map(TrainedModels.Version::version).toList());

		ModelsHubView hub = (ModelsHubView) page.showView(ModelsHubView.ID);
		hub.refreshCatalog();
		UiTesting.waitForJobs(ModelsHubView.FAMILY_CATALOG, 30_000);
		UiTesting.waitUntil("the trained model is listed", () -> row(hub.viewer().getTable(), "dispensary_ner") >= 0, 10_000);
		Table table = hub.viewer().getTable();
		int row = row(table, "dispensary_ner");
		assertEquals("trained v2 (2 versions)", table.getItem(row).getText(6));
		assertEquals("Project", table.getItem(row).getText(2));
		hub.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(table.getItem(row).getData()), true);
		UiTesting.waitUntil("the versions are shown", () -> hub.trainedVersions().getItemCount() == 2, 10_000);
		assertEquals("v1", hub.trainedVersions().getItem(0).getText(0));
		assertEquals("8", hub.trainedVersions().getItem(1).getText(2), "test tasks");
		assertEquals("0.000", hub.trainedVersions().getItem(1).getText(5), "the replayed model predicts nothing");
		List<String> scores = UiTesting.texts(hub.trainedScores());
		assertTrue(scores.stream().anyMatch(t -> t.startsWith("dispensary_ner v2: v2, trained on 32 tasks")), scores.toString());
		Table labels = (Table) java.util.Arrays.stream(hub.trainedScores().getChildren()).filter(Table.class::isInstance)
				.findFirst().orElseThrow();
		assertEquals("DOSAGE", labels.getItem(0).getText(0));
		assertEquals("8", labels.getItem(0).getText(4), "support: the 8 test tasks have a DOSAGE each");
		page.setPartState(page.getReference(hub), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.screenshot(shell, Path.of("target", "models-hub-trained.png"));
		page.setPartState(page.getReference(hub), IWorkbenchPage.STATE_RESTORED);

		// the training editor was closed; the log stayed with v1: Show Training Log opens it again, read-only
		page.closeAllEditors(false);
		hub.trainedVersions().select(0);
		hub.trainedVersions().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		runMenuItem(hub.trainedVersions().getMenu(), "Show Training Log");
		UiTesting.waitUntil("the saved run opens", () -> page.getActiveEditor() instanceof TrainingEditor, 10_000);
		TrainingEditor saved = (TrainingEditor) page.getActiveEditor();
		assertEquals("Training of dispensary_ner v1", saved.getPartName());
		assertEquals(null, saved.cancelButton(), "nothing to cancel");
		assertEquals(8, saved.chartPoints("loss")[0].length, "the chart rebuilt from the saved epochs");
		assertEquals(0.07744392, saved.chartPoints("loss")[1][7]);
		assertEquals(0.44444448, saved.chartPoints("validation macro F1")[1][1]);
		assertTrue(saved.logText().startsWith("training dispensary_ner (ner) of project "), saved.logText());
		assertTrue(saved.logText().contains("recorded training of "), saved.logText());
		assertTrue(saved.logText().contains("epoch 2/8: loss 19.3539, 0.7 s, validation F1 0.500 micro, 0.444 macro"),
				saved.logText());
		assertTrue(saved.logText().contains("published dispensary_ner v1 after "), saved.logText());
		List<String> savedTexts = UiTesting.texts(saved.content());
		assertTrue(savedTexts.stream().anyMatch(t -> t.startsWith("Published dispensary_ner v1 on ")
				&& t.contains(": v1, trained on 32 tasks")), savedTexts.toString());
		assertTrue(savedTexts.contains("The whole log: " + savedLog), savedTexts.toString());
		assertTrue(savedTexts.contains("Scored on 8 test tasks."), savedTexts.toString());
		page.setPartState(page.getReference(saved), IWorkbenchPage.STATE_MAXIMIZED);
		UiTesting.waitUntil("the saved chart is drawn", () -> saved.chartPaints() > 0, 10_000);
		UiTesting.screenshot(shell, Path.of("target", "training-log-reopened.png"));
		page.setPartState(page.getReference(saved), IWorkbenchPage.STATE_RESTORED);
		// asking again brings the same editor forward
		assertEquals(saved, TrainingJobs.openSaved(versions.get(0)));
	}

	/** Shows a context menu as a right-click does and runs its item labelled {@code label}. */
	private static void runMenuItem(org.eclipse.swt.widgets.Menu menu, String label) {
		assertNotNull(menu, "a context menu");
		menu.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
		List<String> items = new ArrayList<>();
		org.eclipse.swt.widgets.MenuItem found = null;
		for (org.eclipse.swt.widgets.MenuItem item : menu.getItems()) {
			String text = item.getText().replace("&", "").split("\t")[0];
			items.add(text + (item.isEnabled() ? "" : " (disabled)"));
			if (text.equals(label)) {
				found = item;
			}
		}
		assertNotNull(found, "no " + label + " in " + items);
		assertTrue(found.isEnabled(), items.toString());
		found.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		menu.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
	}

	@Test
	void cancelKillsTheTrainingJvmAndPublishesNothingAndOneProjectTrainsOnceAtATime() throws Exception {
		recorded("0.2", true);
		IProject project = TrainingFixtures.project(dir.resolve("nightshift"), 20, 20);
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
		// the cancelled run's log is kept where its editor says
		Path log = first.run().logFile().orElseThrow();
		assertEquals(ModelCachePreference.cache().folder().resolve(".training-logs"), log.getParent());
		assertTrue(log.getFileName().toString().matches("nightshift_ner-\\d{8}-\\d{6}-cancelled\\.log"), log.toString());
		assertTrue(Files.readString(log).contains(RECORDED.get(0)), "the epoch it had: " + Files.readString(log));
		TrainingEditor editor = (TrainingEditor) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.getActiveEditor();
		UiTesting.waitUntil("the editor names the log", () -> UiTesting.texts(editor.content())
				.contains("The whole log: " + log), 10_000);
		assertFalse(ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false), "the training JVM is gone");
		assertEquals(java.util.Map.of(), TrainedModels.of(ModelCachePreference.cache().installed()), "nothing published");
		try (var left = Files.list(ModelCachePreference.cache().buildFolder())) {
			assertEquals(0, left.count(), "no work folder left");
		}
	}

	/**
	 * One server of project wing runs (a stand-in process registered as its server) and the budget is two JVMs: a
	 * training of wing fits beside it, a training of another project at the same time does not; the published model
	 * of wing, deployed, leaves the server stale in the Servers view.
	 */
	@Test
	void trainingsShareTheServersBudgetAndDeployLeavesTheProjectsServersStale() throws Exception {
		IProject wing = TrainingFixtures.project(dir.resolve("wing"), 20, 20);
		IProject annex = TrainingFixtures.project(dir.resolve("annex"), 20, 20);
		var preferences = InstanceScope.INSTANCE.getNode("io.labelbench.ui.servers");
		preferences.putInt(ServerPreferences.MAX_SERVERS, 2);
		// its command line names the server's main package, as the registry expects of a live server process
		Process server = new ProcessBuilder("sh", "-c", "sleep 300; true", "io.labelbench.server").start();
		try {
			Path record = Files.createDirectories(dir.resolve("servers/wing-1"));
			Files.writeString(record.resolve("server.json"), "{\"id\":\"wing-1\",\"name\":\"wing\",\"project\":\""
					+ dir.resolve("wing").toAbsolutePath() + "\",\"url\":\"http://127.0.0.1:0\",\"token\":\"t\",\"pid\":"
					+ server.pid() + ",\"specHash\":\"before\",\"models\":[],\"labels\":[\"DRUG\"],\"heapMb\":1024,"
					+ "\"started\":\"2026-12-03T10:00:00Z\"}");
			recorded("0.2", true);
			TrainingRequest request = new TrainingRequest(TrainingType.NER, null, null, false, false);
			TrainingJob first = TrainingJobs.schedule(wing, request, false);
			UiTesting.waitUntil("the first epoch", () -> first.run().epochs().size() == 1, 60_000);
			List<String> told = new ArrayList<>();
			UiTesting.whenDialogOpens(TITLE, dialog -> {
				told.addAll(UiTesting.texts(dialog));
				UiTesting.press(dialog, "OK");
			});
			TrainingJob second = TrainingJobs.schedule(annex, request, false);
			UiTesting.waitUntil("the refusal is told", () -> !told.isEmpty(), 30_000);
			assertTrue(told.stream().anyMatch(t -> t.startsWith("Not started: the training would exceed")), told.toString());
			assertEquals(TrainingRun.State.FAILED, second.run().state());
			assertTrue(second.run().message().startsWith("Not started: the training would exceed the servers' budget."
					+ " 1 server runs and 1 other training; with this training that makes 3 JVMs with 5120 MB of heap,"
					+ " and the budget is 2 JVMs"), second.run().message());
			first.cancel();
			UiTesting.waitForJobs(TrainingJobs.FAMILY, 30_000);

			recorded("0", false);
			TrainingJob deployed = TrainingJobs.schedule(wing,
					new TrainingRequest(TrainingType.NER, null, null, true, false), true);
			UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
			assertEquals(TrainingRun.State.PUBLISHED, deployed.run().state(), deployed.run().message());
			assertEquals("Deployed: wing_ner is now the model of DRUG, DOSAGE. The project's running server runs the"
					+ " previous model until deployed again: it is shown stale in the Servers view.",
					deployed.run().deployment());
			ServersView view = (ServersView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
					.showView(ServersView.ID);
			view.refresh();
			UiTesting.waitUntil("the server is shown stale", () -> view.table().getItemCount() == 1
					&& "stale".equals(view.table().getItem(0).getText(4)), 20_000);
		} finally {
			server.destroyForcibly().waitFor();
			preferences.remove(ServerPreferences.MAX_SERVERS);
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
