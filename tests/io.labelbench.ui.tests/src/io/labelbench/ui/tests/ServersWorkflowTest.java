package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PlatformUI;
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
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.servers.PreAnnotateHandler;
import io.labelbench.ui.servers.PreannotateJob;
import io.labelbench.ui.servers.ServerCommands;
import io.labelbench.ui.servers.ServersView;
import io.labelbench.visual.SampleDocuments;
import io.labelbench.visual.VisualExtractor;
import io.labelbench.visual.VisualImporter;

/**
 * Deploy a real server from a project's config (the build's posology model from the hub mirror), pre-annotate 20
 * tasks from the Pre-Annotate dialog, see the server idle in the Servers view, delete it.
 */
class ServersWorkflowTest {
	private static final String CONFIG = """
			<View>
			  <Text name="text" value="$text"/>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" model="ner_posology_labelbench" background="#E91E63"/>
			    <Label value="STRENGTH" model="ner_posology_labelbench" background="#FF9800"/>
			    <Label value="FREQUENCY" model="ner_posology_labelbench" background="#3F51B5"/>
			  </Labels>
			</View>
			""";

	@TempDir
	Path dir;

	@BeforeEach
	void modelsAndRegistry() throws Exception {
		String mirror = System.getProperty("labelbench.hub.mirror");
		assertNotNull(mirror, "the test runtime names the hub mirror the server build published");
		System.setProperty("labelbench.servers", dir.resolve("servers").toString());
		var preferences = InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub");
		preferences.put(ModelCachePreference.KEY, dir.resolve("models").toString());
		ModelCache cache = ModelCachePreference.cache();
		ModelsHub hub = ModelsHub.read(List.of(HubLocation.folder(Path.of(mirror))));
		for (String name : List.of("ner_posology_labelbench", "w2v_labelbench_100d")) {
			var offer = hub.find(name).orElseThrow(() -> new AssertionError(name + " not in " + mirror));
			new ModelDownloader(cache).download(offer.hub(), offer.entry(), Progress.NONE);
		}
	}

	@AfterEach
	void stopServers() throws Exception {
		ServerRegistry registry = ServerRegistry.defaultRegistry();
		for (ServerRecord server : registry.list()) {
			registry.stop(server, java.time.Duration.ofSeconds(10));
		}
		System.clearProperty("labelbench.servers");
	}

	@Test
	void deployPreannotateFromTheDialogSeeItIdleAndDeleteIt() throws Exception {
		Path folder = dir.resolve("clinic");
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), CONFIG);
		String[] drugs = { "lisinopril", "metformin", "warfarin", "amoxicillin" };
		for (int i = 1; i <= 20; i++) {
			lb.tasks().write(Task.of(TaskId.of(i), (i % 2 == 0 ? "😀 " : "患者：") + "Give " + drugs[i % 4] + " "
					+ (i * 5) + " mg orally twice daily.\r\nFollow up in 2 weeks."));
		}
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();

		ServerCommands.deploy(project, shell, null);
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_DEPLOY, 240_000);
		List<ServerRecord> servers = ServerRegistry.defaultRegistry().list();
		assertEquals(1, servers.size(), "one server deployed");

		// drive the modal dialog from the event loop it runs
		Display display = shell.getDisplay();
		List<String> seen = new ArrayList<>();
		display.timerExec(300, new Runnable() {
			@Override
			public void run() {
				Shell dialog = display.getActiveShell();
				if (dialog == null || !dialog.getText().startsWith("Pre-Annotate")) {
					display.timerExec(100, this);
					return;
				}
				Table table = find(dialog, Table.class, null);
				seen.add(table.getItemCount() + " " + table.getItem(0).getText(0) + " | " + table.getItem(0).getText(2));
				try {
					UiTesting.screenshot(dialog, Path.of("target", "preannotate-dialog.png"));
				} catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				click(find(dialog, Button.class, "All tasks (20)"));
				click(find(dialog, Button.class, "Pre-Annotate"));
			}
		});
		PreAnnotateHandler.open(shell, project, null, null);
		assertEquals(List.of("1 clinic | DRUG, FREQUENCY, STRENGTH"), seen);
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_PREANNOTATE, 120_000);

		for (TaskId id : lb.tasks().ids()) {
			Task task = lb.tasks().read(id);
			assertEquals(1, task.predictions().size(), id.toString());
			Annotation prediction = task.predictions().get(0);
			assertEquals(servers.get(0).modelVersion(), prediction.modelVersion());
			assertFalse(prediction.results().isEmpty(), "task " + id + " got no region");
			for (Region region : prediction.results()) {
				assertEquals(task.text().substring(region.start(), region.end()), region.text());
			}
		}

		ServersView view = (ServersView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.showView(ServersView.ID);
		Table table = view.table();
		UiTesting.waitUntil("the server shown idle with 20 tasks done", () -> table.getItemCount() == 1
				&& table.getItem(0).getText(4).equals("idle") && table.getItem(0).getText(9).equals("20"), 30_000);
		assertEquals("clinic", table.getItem(0).getText(1));
		UiTesting.screenshot(shell, Path.of("target", "servers-view.png"));

		table.select(0);
		view.deleteSelected();
		UiTesting.waitUntil("the server deleted", () -> table.getItemCount() == 0, 60_000);
		long pid = servers.get(0).pid();
		UiTesting.waitUntil("the server process gone", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true),
				30_000);
		assertTrue(ServerRegistry.defaultRegistry().list().isEmpty());
	}

	private static final String VISUAL_CONFIG = """
			<View>
			  <Image name="image" value="$image"/>
			  <RectangleLabels name="box" toName="image">
			    <Label value="DRUG" model="ner_posology_labelbench" background="#E91E63"/>
			    <Label value="STRENGTH" model="ner_posology_labelbench" background="#FF9800"/>
			    <Label value="FREQUENCY" model="ner_posology_labelbench" background="#3F51B5"/>
			  </RectangleLabels>
			</View>
			""";

	/**
	 * A digital PDF, its scan and the scanned page as a PNG through the same server and job as text: the posology
	 * model runs on the page text (text layer, OCR) and its entities come back as boxes, one per entity and line,
	 * around the entity's words.
	 */
	@Test
	void visualTasksArePreannotatedByTheServerWithWholeEntityBoxes() throws Exception {
		List<String> lines = List.of("Give lisinopril 10 mg orally twice daily.", "Take metformin 500 mg by mouth daily.",
				"Start warfarin 5 mg once daily.");
		SampleDocuments.Generated generated = SampleDocuments.linesPdf(lines);
		Path digital = Files.write(dir.resolve("orders.pdf"), generated.pdf());
		List<java.awt.image.BufferedImage> scans = SampleDocuments.rasterize(generated.pdf(), 300);
		Path scanned = Files.write(dir.resolve("orders-scanned.pdf"), SampleDocuments.imagePdf(scans, 300));
		Path image = dir.resolve("orders.png"); // no resolution in the file: read as 300 dpi
		javax.imageio.ImageIO.write(scans.get(0), "png", image.toFile());
		Path folder = dir.resolve("scans");
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), VISUAL_CONFIG);
		List<TaskId> ids = new VisualImporter(lb, VisualExtractor.Limits.DEFAULT).importDocuments(
				List.of(digital, scanned, image), null, Progress.NONE);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		ServerCommands.deploy(project, shell, null);
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_DEPLOY, 240_000);
		ServerRecord server = ServerRegistry.defaultRegistry().list().get(0);

		PreannotateJob job = new PreannotateJob(project, server, ids, false);
		job.schedule();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_PREANNOTATE, 120_000);
		assertEquals(3, job.summary().done(), job.summary().toString());

		// the text layer's boxes are the words' own; OCR boxes hug the ink, a point or two inside them
		assertWholeEntityBoxes(lb.tasks().read(ids.get(0)), generated.pages().get(0), 1.0);
		assertWholeEntityBoxes(lb.tasks().read(ids.get(1)), generated.pages().get(0), 3.0);
		assertWholeEntityBoxes(lb.tasks().read(ids.get(2)), generated.pages().get(0), 3.0);
	}

	private static void assertWholeEntityBoxes(Task task, List<SampleDocuments.Word> words, double tolerance) {
		List<Region> boxes = task.predictions().get(0).results();
		List<String> drugs = new ArrayList<>();
		int multiWord = 0;
		for (Region box : boxes) {
			assertEquals("rectanglelabels", box.type());
			assertEquals("box", box.fromName());
			assertEquals("image", box.toName());
			// the box is the union of the words it names, on one line
			String text = box.value().get("text").asText();
			assertFalse(text.contains("\n"), "one box per line: " + text);
			io.labelbench.visual.Box expected = null;
			int from = indexOf(words, text, box.value().get("x").asDouble() * 612 / 100,
					box.value().get("y").asDouble() * 792 / 100);
			assertTrue(from >= 0, "'" + text + "' is a run of words of one line");
			for (int i = from; i < from + text.split(" ").length; i++) {
				expected = words.get(i).box().union(expected);
			}
			assertEquals(expected.x0(), box.value().get("x").asDouble() * 612 / 100, tolerance, text);
			assertEquals(expected.x1(), (box.value().get("x").asDouble() + box.value().get("width").asDouble()) * 612 / 100,
					tolerance, text);
			if (box.labels().contains("DRUG")) {
				drugs.add(text);
			}
			if (text.contains(" ")) {
				multiWord++;
			}
		}
		assertEquals(List.of("lisinopril", "metformin", "warfarin"), drugs, task.toString());
		assertTrue(multiWord >= 3, "multi-word entities (10 mg, 500 mg, 5 mg…) are one box each: " + multiWord);
	}

	/** Where the run of words of one line nearest to a point (in points) starts in the ground truth, or -1. */
	private static int indexOf(List<SampleDocuments.Word> words, String text, double x, double y) {
		String[] parts = text.split(" ");
		int best = -1;
		double bestDistance = Double.MAX_VALUE;
		for (int i = 0; i + parts.length <= words.size(); i++) {
			boolean match = true;
			for (int k = 0; k < parts.length && match; k++) {
				match = words.get(i + k).text().equals(parts[k]) && words.get(i + k).line() == words.get(i).line();
			}
			double distance = Math.abs(words.get(i).box().x0() - x) + Math.abs(words.get(i).box().y0() - y);
			if (match && distance < bestDistance) {
				best = i;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static <T extends Control> T find(Composite parent, Class<T> type, String text) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child) && (text == null || text.equals(child instanceof Button b ? b.getText() : null))) {
				return type.cast(child);
			}
			if (child instanceof Composite c) {
				T found = find(c, type, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static void click(Button button) {
		if (button == null) {
			throw new AssertionError("no such button");
		}
		if ((button.getStyle() & SWT.RADIO) != 0) {
			for (Control sibling : button.getParent().getChildren()) {
				if (sibling instanceof Button b && (b.getStyle() & SWT.RADIO) != 0) {
					b.setSelection(false);
				}
			}
			button.setSelection(true);
		}
		button.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}
}
