package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.progress.IProgressConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.training.ActiveLearning;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.activelearning.ActiveLearningTrigger;
import io.labelbench.ui.editors.task.TaskEditor;
import io.labelbench.ui.tasks.TaskEditors;
import io.labelbench.ui.training.TrainingJob;
import io.labelbench.ui.training.TrainingJobs;
import io.labelbench.ui.training.TrainingRun;

/**
 * Active learning as a user sets it up: Properties > Active Learning, retrain after every 3 submitted
 * completions and deploy; two submits in the task editor start nothing, the third starts a training job; the
 * trained model's score and the next due training show on the page and beside the project.
 */
class ActiveLearningWorkbenchTest {

	private static final String PAGE = "io.labelbench.ui.activelearning.page";
	private static final String CONFIG = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" background="#E91E63"/>
			    <Label value="FREQUENCY" background="#3F51B5"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";
	private static final String[] DRUGS = { "aspirin", "metformin", "warfarin", "lisinopril", "ibuprofen", "amoxicillin" };
	private static final String[] FREQUENCIES = { "twice daily", "once daily", "at night", "every morning" };

	@TempDir
	Path dir;

	@BeforeEach
	void embeddings() throws Exception {
		String mirror = System.getProperty("labelbench.hub.mirror");
		assertNotNull(mirror, "the test runtime names the hub mirror the server build published");
		System.setProperty("labelbench.servers", dir.resolve("servers").toString());
		InstanceScope.INSTANCE.getNode(ModelCachePreference.QUALIFIER).put(ModelCachePreference.KEY,
				dir.resolve("models").toString());
		ModelCache cache = ModelCachePreference.cache();
		ModelsHub hub = ModelsHub.read(List.of(HubLocation.folder(Path.of(mirror))));
		var offer = hub.find("w2v_labelbench_100d").orElseThrow();
		new ModelDownloader(cache).download(offer.hub(), offer.entry(), Progress.NONE);
	}

	@AfterEach
	void cleanUp() {
		for (Job job : Job.getJobManager().find(TrainingJobs.FAMILY)) {
			job.cancel();
		}
		UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
		page().closeAllEditors(false);
		InstanceScope.INSTANCE.getNode(ModelCachePreference.QUALIFIER).remove(ModelCachePreference.KEY);
		System.clearProperty("labelbench.servers");
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** "Take aspirin twice daily." with a prediction of its drug and frequency. */
	private static Task task(int id, boolean test) {
		String drug = DRUGS[id % DRUGS.length];
		String frequency = FREQUENCIES[id % FREQUENCIES.length];
		String text = "Take " + drug + " " + frequency + ".";
		Task task = Task.of(TaskId.of(id), text);
		Annotation prediction = task.addPrediction();
		prediction.json().put("id", 1).put("model_version", "rules@1").put("created_at", "2026-12-01T08:00:00Z");
		span(prediction, "d" + id, 5, 5 + drug.length(), drug, "DRUG");
		int from = 6 + drug.length();
		span(prediction, "f" + id, from, from + frequency.length(), frequency, "FREQUENCY");
		if (test) {
			task.json().putArray("tags").add("test");
			Annotation completion = task.addCompletion();
			completion.json().put("id", 1).put("submitted_at", "2026-12-01T09:00:00Z");
			completion.json().set("result", prediction.json().get("result").deepCopy());
		}
		return task;
	}

	/** A completion of the task's prediction, submitted before active learning was on (training data, not counted). */
	private static void submittedBefore(LabelbenchProject lb, int id) throws Exception {
		Task done = lb.tasks().read(TaskId.of(id));
		Annotation completion = done.addCompletion();
		completion.json().put("id", 1).put("submitted_at", "2026-12-01T09:00:00Z");
		completion.json().set("result", done.predictions().get(0).json().get("result").deepCopy());
		lb.tasks().write(done);
	}

	private static void span(Annotation annotation, String id, int start, int end, String text, String label) {
		Region region = annotation.addResult("labels").span(start, end, text, label);
		region.json().put("id", id).put("from_name", "label").put("to_name", "text");
	}

	@Test
	void theThirdSubmittedCompletionStartsATrainingWhoseScoreTheUserSees() throws Exception {
		Path folder = dir.resolve("clinic-al");
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(lb.configFile(), CONFIG, StandardCharsets.UTF_8);
		for (int id = 1; id <= 12; id++) {
			lb.tasks().write(task(id, id > 8));
		}
		// submitted before active learning was switched on: training data, but not counted
		for (int id = 4; id <= 8; id++) {
			submittedBefore(lb, id);
		}
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		UiTesting.waitUntil("counting from the workbench's start", ActiveLearningTrigger::listening, 30_000);
		assertTrue(explorerMenu(project).contains("Properties"), "the user finds the page: " + explorerMenu(project));

		PreferenceDialog dialog = PreferencesUtil.createPropertyDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), project, PAGE, new String[] { PAGE },
				null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Composite shell = dialog.getShell();
		Button enable = find(shell, Button.class, b -> b.getText().replace("&", "").equals("Retrain after every"));
		enable.setSelection(true);
		enable.notifyListeners(SWT.Selection, new Event());
		Combo every = find(shell, Combo.class, c -> List.of(c.getItems()).contains("Custom"));
		assertEquals(List.of("50", "100", "200", "Custom"), List.of(every.getItems()));
		every.select(3);
		every.notifyListeners(SWT.Selection, new Event());
		Spinner custom = find(shell, Spinner.class, s -> true);
		assertTrue(custom.isEnabled(), "Custom lets the user type N");
		custom.setSelection(3);
		Button deploy = find(shell, Button.class, b -> b.getText().startsWith("&Deploy the new version"));
		deploy.setSelection(true);
		UiTesting.press(shell, "Apply");
		UiTesting.waitUntil("the status shows the count", () -> UiTesting.texts(shell).stream()
				.anyMatch(t -> t.startsWith("The next training starts after 3 more submitted completions")), 10_000);
		inFront(dialog);
		UiTesting.screenshot(dialog.getShell(), Path.of("target", "active-learning-setting.png"));
		UiTesting.press(shell, "Apply and Close");
		ActiveLearning learning = new ActiveLearning(lb);
		assertEquals(new ActiveLearning.Settings(3, true,
				io.labelbench.project.training.TrainingType.NER), learning.status().settings());

		submit(project, 1);
		submit(project, 2);
		UiTesting.waitUntil("two counted", () -> status(learning).submitted() == 2, 10_000);
		assertEquals(List.of(), TrainingJobs.current(), "no training before the third");
		UiTesting.waitUntil("the project shows the count", () -> explorerText(project).contains("next training in 1"),
				20_000);

		submit(project, 3);
		UiTesting.waitUntil("the third submit starts a training", () -> TrainingJobs.current().size() == 1, 20_000);
		TrainingJob job = TrainingJobs.current().get(0);
		assertEquals(project, job.project());
		assertEquals(new io.labelbench.ui.training.TrainingRequest(io.labelbench.project.training.TrainingType.NER,
				io.labelbench.project.training.ProjectTrainer.Parameters.DEFAULTS, null, true, false),
				job.run().request());
		assertEquals(0, status(learning).submitted(), "the count starts again with the training");
		UiTesting.waitUntil("the project shows the training", () -> explorerText(project).contains("training now"),
				20_000);

		UiTesting.waitForJobs(TrainingJobs.FAMILY, 600_000);
		assertTrue(job.getResult().isOK(), job.getResult().toString());
		assertEquals(TrainingRun.State.PUBLISHED, job.run().state(), job.run().message());
		UiTesting.waitUntil("the score is remembered", () -> status(learning).last() != null, 30_000);
		ActiveLearning.LastTraining last = status(learning).last();
		assertNotNull(last);
		assertTrue(!last.failed(), "the training failed: " + last.error());
		assertEquals("clinic_al_ner", last.model());
		assertEquals(1, last.version());
		assertEquals("F1", last.metric());
		assertEquals(4, last.testTasks());
		assertTrue(last.deployed());
		assertTrue(Files.readString(lb.configFile()).contains("model=\"clinic_al_ner\""), Files.readString(lb.configFile()));
		UiTesting.waitUntil("the project shows the score",
				() -> explorerText(project).matches(".*next training in 3, F1 \\d\\.\\d{3}.*"), 20_000);

		PreferenceDialog again = PreferencesUtil.createPropertyDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), project, PAGE, new String[] { PAGE },
				null);
		again.setBlockOnOpen(false);
		again.open();
		List<String> texts = UiTesting.texts(again.getShell());
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("Last training: clinic_al_ner v1, F1 ")
				&& t.contains("on 4 test tasks") && t.endsWith("; deployed into the config.")), texts.toString());
		inFront(again);
		UiTesting.screenshot(again.getShell(), Path.of("target", "active-learning-status.png"));
		again.close();
		UiTesting.screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				Path.of("target", "active-learning-explorer.png"));
	}

	/**
	 * A training active learning started fails (its JVM runs out of memory): no dialog interrupts the annotator. The
	 * failure is in the error log, the job's error result stays in the Progress view, and the project's decoration
	 * and properties say why and where the run's log is.
	 */
	@Test
	void aFailedBackgroundTrainingInterruptsNobodyAndIsReportedBesideTheProject() throws Exception {
		Path folder = dir.resolve("ward");
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(lb.configFile(), CONFIG, StandardCharsets.UTF_8);
		for (int id = 1; id <= 6; id++) {
			lb.tasks().write(task(id, id > 4));
		}
		submittedBefore(lb, 2);
		ActiveLearning learning = new ActiveLearning(lb);
		learning.configure(new ActiveLearning.Settings(1, false, io.labelbench.project.training.TrainingType.NER));
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		UiTesting.waitUntil("counting from the workbench's start", ActiveLearningTrigger::listening, 30_000);

		Path bin = Files.createDirectories(dir.resolve("failing/bin"));
		Files.writeString(bin.resolve("labelbench-server"),
				"echo 'Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space'\nexit 1\n");
		String distribution = System.getProperty(ServerRegistry.DISTRIBUTION_PROPERTY);
		List<IStatus> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
		ILogListener errorLog = (status, plugin) -> logged.add(status);
		Platform.addLogListener(errorLog);
		Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> dialogs = new ArrayList<>();
		Listener opened = event -> {
			if (event.widget instanceof Shell shell && shell != main) {
				dialogs.add(shell.getText());
			}
		};
		main.getDisplay().addFilter(SWT.Activate, opened);
		try {
			System.setProperty(ServerRegistry.DISTRIBUTION_PROPERTY, dir.resolve("failing").toString());
			submit(project, 1);
			UiTesting.waitUntil("the submit starts a training", () -> TrainingJobs.current().size() == 1, 20_000);
			TrainingJob job = TrainingJobs.current().get(0);
			assertTrue(job.background() && !job.isUser(), "a training nobody waits for");
			UiTesting.waitForJobs(TrainingJobs.FAMILY, 60_000);
			assertEquals(IStatus.ERROR, job.getResult().getSeverity(), job.getResult().toString());
			assertEquals(TrainingRun.State.FAILED, job.run().state());
			assertNotNull(job.getProperty(IProgressConstants.ACTION_PROPERTY), "the Progress view links to the run");

			UiTesting.waitUntil("the project shows the failure", () -> explorerText(project)
					.contains("last training failed: the training JVM stopped with exit code 1."), 20_000);
			long until = System.currentTimeMillis() + 1_000;
			UiTesting.waitUntil("a dialog would have opened", () -> System.currentTimeMillis() > until, 5_000);
			assertEquals(List.of(), dialogs, "no dialog interrupts the annotator");
			assertEquals(List.of(), java.util.Arrays.stream(main.getDisplay().getShells())
					.filter(shell -> shell != main && shell.isVisible()).map(Shell::getText).toList());
			assertTrue(logged.stream().anyMatch(status -> status.getSeverity() == IStatus.ERROR && status.getMessage()
					.startsWith("Training a model of project ward failed: the training JVM stopped with exit code 1.")),
					logged.toString());

			String error = status(learning).last().error();
			Path log = ModelCachePreference.cache().folder().resolve(".training-logs");
			assertTrue(error.startsWith("the training JVM stopped with exit code 1.\nIts log: " + log.resolve("ward_ner-"))
					&& error.endsWith("-failed.log"), error);
			assertTrue(Files.readString(Path.of(error.substring(error.indexOf("Its log: ") + 9)))
					.contains("java.lang.OutOfMemoryError: Java heap space"));
			// the explorer with the project's decoration, and the Progress view that kept the failed job
			page().showView(IPageLayout.ID_PROGRESS_VIEW);
			var explorer = page().findViewReference(IPageLayout.ID_PROJECT_EXPLORER);
			page().setPartState(explorer, IWorkbenchPage.STATE_MAXIMIZED);
			UiTesting.screenshot(main, Path.of("target", "active-learning-failed.png"));
			page().setPartState(explorer, IWorkbenchPage.STATE_RESTORED);
			UiTesting.screenshot(main, Path.of("target", "active-learning-failed-progress.png"));
		} finally {
			main.getDisplay().removeFilter(SWT.Activate, opened);
			Platform.removeLogListener(errorLog);
			if (distribution != null) {
				System.setProperty(ServerRegistry.DISTRIBUTION_PROPERTY, distribution);
			}
		}
	}

	/** Brings a dialog in front for its screenshot; under load the window manager may take a moment. */
	private static void inFront(PreferenceDialog dialog) {
		dialog.getShell().forceActive();
		long until = System.currentTimeMillis() + 3_000;
		UiTesting.waitUntil("the dialog in front", () -> dialog.getShell().getDisplay().getActiveShell() == dialog
				.getShell() || System.currentTimeMillis() > until, 10_000);
	}

	private static ActiveLearning.Status status(ActiveLearning learning) {
		try {
			return learning.status();
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
	}

	/** Opens the task, creates a completion from its prediction and presses Submit. */
	private static void submit(IProject project, int id) throws Exception {
		IFile file = project.getFolder(TaskStore.FOLDER).getFile(TaskId.of(id).fileName());
		TaskEditors.open(page(), file);
		TaskEditor editor = assertInstanceOf(TaskEditor.class, page().getActiveEditor());
		var ui = editor.widgets();
		ui.createCompletion().notifyListeners(SWT.Selection, new Event());
		assertEquals(2, editor.session().current().results().size());
		ui.submit().notifyListeners(SWT.Selection, new Event());
		page().closeEditor(editor, false);
	}

	/** The items of the Project Explorer's context menu on the project. */
	private static List<String> explorerMenu(IProject project) {
		CommonNavigator explorer;
		try {
			explorer = (CommonNavigator) page().showView(IPageLayout.ID_PROJECT_EXPLORER);
		} catch (org.eclipse.ui.PartInitException e) {
			throw new AssertionError(e);
		}
		explorer.getCommonViewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(project), true);
		org.eclipse.swt.widgets.Menu menu = explorer.getCommonViewer().getTree().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> items = new ArrayList<>();
		for (org.eclipse.swt.widgets.MenuItem item : menu.getItems()) {
			items.add(item.getText().replace("&", "").split("\t")[0]);
		}
		menu.notifyListeners(SWT.Hide, new Event());
		return items;
	}

	/** The project's label in the Project Explorer, decorations included. */
	private static String explorerText(IProject project) {
		CommonNavigator explorer;
		try {
			explorer = (CommonNavigator) page().showView(IPageLayout.ID_PROJECT_EXPLORER);
		} catch (org.eclipse.ui.PartInitException e) {
			throw new AssertionError(e);
		}
		Tree tree = explorer.getCommonViewer().getTree();
		for (TreeItem item : tree.getItems()) {
			if (item.getText().startsWith(project.getName())) {
				return item.getText();
			}
		}
		return "(not listed)";
	}

	private static <T extends Control> T find(Composite parent, Class<T> type, java.util.function.Predicate<T> test) {
		List<T> found = new ArrayList<>();
		collect(parent, type, test, found);
		if (found.isEmpty()) {
			throw new AssertionError("no " + type.getSimpleName() + " in " + UiTesting.texts(parent));
		}
		return found.get(0);
	}

	private static <T extends Control> void collect(Composite parent, Class<T> type, java.util.function.Predicate<T> test,
			List<T> found) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child) && test.test(type.cast(child))) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				collect(composite, type, test, found);
			}
		}
	}
}
