package io.labelbench.ui.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.hub.ModelsHub;
import io.labelbench.ui.hub.HubPreferences;
import io.labelbench.ui.hub.ModelDownloadJob;
import io.labelbench.ui.hub.ModelsHubView;

/** The Models Hub view on real widgets: lists a hub's models, filters, downloads one with progress. */
class ModelsHubViewTest {

	@TempDir
	Path dir;

	@BeforeEach
	void hubAndCacheInPreferences() throws Exception {
		Path hub = dir.resolve("hub");
		publish(hub, "ner_posology_small", "Clinical", "[\"O\",\"B-DRUG\",\"I-DRUG\",\"B-DOSAGE\",\"B-FREQUENCY\"]",
				"[\"DOSAGE\",\"DRUG\",\"FREQUENCY\"]", 400_000);
		publish(hub, "ner_finance_small", "Finance", "[\"O\",\"B-ORG\",\"B-MONEY\"]", "[\"MONEY\",\"ORG\"]", 1000);
		var preferences = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub");
		preferences.put(HubPreferences.HUBS, hub.toString());
		preferences.put(HubPreferences.CACHE, dir.resolve("cache").toString());
		assertEquals(hub.toString(), preferences.get(HubPreferences.HUBS, null));
		assertEquals(1, HubPreferences.hubs().size(), "hubs: " + HubPreferences.hubs());
	}

	@AfterEach
	void closeView() {
		var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		var view = page.findView(ModelsHubView.ID);
		if (view != null) {
			page.hideView(view);
		}
	}

	private static void publish(Path hub, String name, String domain, String classes, String labels, int payload)
			throws Exception {
		publish(hub, name, domain, classes, labels, payload, "");
	}

	/** {@code extraFields}: more catalog fields, each starting with a comma. */
	private static void publish(Path hub, String name, String domain, String classes, String labels, int payload,
			String extraFields) throws Exception {
		Path models = Files.createDirectories(hub.resolve("public/models"));
		String time = "2026-11-20T10:00:00.000Z";
		Path zip = models.resolve(name + "_en_5.5.3_3.5_" + Instant.parse(time).toEpochMilli() + ".zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("metadata/part-00000"));
			out.write(("{\"class\":\"com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel\",\"paramMap\":{\"classes\":"
					+ classes + ",\"storageRef\":\"w2v_labelbench_100d\"}}\n").getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("fields/weights"));
			byte[] bytes = new byte[payload];
			new java.util.Random(1).nextBytes(bytes);
			out.write(bytes);
		}
		String md5 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(zip)));
		Files.writeString(models.resolve("metadata.json"), "{\"name\":\"" + name + "\",\"language\":\"en\","
				+ "\"libVersion\":{\"parts\":[5,5,3]},\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\""
				+ time + "\",\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"" + md5 + "\",\"annotator\":\"NerDLModel\","
				+ "\"task\":\"ner\",\"domain\":\"" + domain + "\",\"labels\":" + labels + ",\"size\":" + Files.size(zip)
				+ ",\"description\":\"A small " + domain + " NER model\",\"metrics\":{\"precision\":0.9,\"recall\":0.88,"
				+ "\"f1\":0.89,\"heldOutExamples\":300}" + extraFields + "}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
	}

	/** Runs the event loop until the condition holds; never blocks longer than 20 ms without checking. */
	static void waitUntil(BooleanSupplier condition, long timeoutMs) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("condition not met within " + timeoutMs + " ms");
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
					// wakes the sleep below
				});
				display.sleep();
			}
		}
	}

	private static void spinUntilJobsDone(Object family) throws InterruptedException {
		waitUntil(() -> Job.getJobManager().find(family).length == 0, 30_000);
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// let the asyncExec refreshes run
		}
	}

	@Test
	void listsFiltersAndDownloads() throws Exception {
		ModelsHubView view = (ModelsHubView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.showView(ModelsHubView.ID);
		Table table = view.viewer().getTable();
		spinUntilJobsDone(ModelsHubView.FAMILY_CATALOG);
		try {
			waitUntil(() -> table.getItemCount() == 2, 10_000);
		} catch (AssertionError e) {
			screenshot(Path.of("target", "models-hub-failed.png"));
			throw new AssertionError(e.getMessage() + "; the view says: " + view.message(), e);
		}
		assertEquals("ner_posology_small", table.getItem(0).getText(0));
		assertEquals("DOSAGE, DRUG, FREQUENCY", table.getItem(0).getText(4));
		assertEquals("available", table.getItem(0).getText(6));

		view.filterText().setText("money");
		waitUntil(() -> table.getItemCount() == 1, 5_000);
		assertEquals("ner_finance_small", table.getItem(0).getText(0));
		view.filterText().setText("");
		waitUntil(() -> table.getItemCount() == 2, 5_000);

		ModelsHub.Offer posology = (ModelsHub.Offer) table.getItem(0).getData();
		view.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(posology));
		view.download(posology);
		spinUntilJobsDone(ModelDownloadJob.FAMILY);
		waitUntil(() -> table.getItem(0).getText(6).equals("downloaded"), 10_000);
		assertTrue(Files.isDirectory(dir.resolve("cache")), "the model landed in the configured cache");
		screenshot(Path.of("target", "models-hub.png"));
	}

	@Test
	void aModelComesWithItsEmbeddingsAndTheQuickFixJobFetchesMissingOnes() throws Exception {
		Path hub = dir.resolve("hub");
		publish(hub, "w2v_labelbench_100d", "General", "[]", "[]", 2000);
		publish(hub, "ner_legal_small", "Legal", "[\"O\",\"B-COURT\"]", "[\"COURT\"]", 1000,
				",\"embeddings\":\"w2v_labelbench_100d\"");
		ModelsHubView view = (ModelsHubView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.showView(ModelsHubView.ID);
		Table table = view.viewer().getTable();
		spinUntilJobsDone(ModelsHubView.FAMILY_CATALOG);
		waitUntil(() -> table.getItemCount() == 4, 10_000);
		ModelsHub.Offer legal = null;
		for (var item : table.getItems()) {
			if (((ModelsHub.Offer) item.getData()).entry().name().equals("ner_legal_small")) {
				legal = (ModelsHub.Offer) item.getData();
			}
		}
		view.download(legal);
		spinUntilJobsDone(ModelDownloadJob.FAMILY);
		var cache = HubPreferences.cache();
		assertTrue(cache.find("ner_legal_small").isPresent());
		assertTrue(cache.find("w2v_labelbench_100d").isPresent(), "the embeddings the model runs on came with it");
		assertEquals(java.util.List.of("ner_legal_small"), cache.dependents("w2v_labelbench_100d"));

		// deleting embeddings a downloaded model needs asks first; Cancel keeps them
		ModelsHub.Offer w2v = java.util.Arrays.stream(table.getItems()).map(item -> (ModelsHub.Offer) item.getData())
				.filter(o -> o.entry().name().equals("w2v_labelbench_100d")).findFirst().orElseThrow();
		String[] asked = new String[1];
		Display display = Display.getCurrent();
		Runnable answerCancel = new Runnable() {
			@Override
			public void run() {
				for (var shell : display.getShells()) {
					if (shell.isVisible() && "Delete embeddings?".equals(shell.getText())) {
						asked[0] = messageOf(shell);
						screenshotQuietly(Path.of("target", "delete-embeddings.png"));
						shell.close();
						return;
					}
				}
				display.timerExec(50, this);
			}
		};
		display.timerExec(50, answerCancel);
		view.delete(w2v);
		spinUntilJobsDone(ModelDownloadJob.FAMILY);
		assertTrue(asked[0] != null && asked[0].contains("ner_legal_small"), "the dialog names the model: " + asked[0]);
		assertTrue(HubPreferences.cache().find("w2v_labelbench_100d").isPresent(), "Cancel kept the embeddings");

		// what the config editor's quick fix runs for model.embeddings-missing
		cache.remove("w2v_labelbench_100d");
		ModelDownloadJob.byName("w2v_labelbench_100d").schedule();
		spinUntilJobsDone(ModelDownloadJob.FAMILY);
		assertTrue(HubPreferences.cache().find("w2v_labelbench_100d").isPresent());
	}

	/** The texts of the labels of a dialog: its message. */
	private static String messageOf(org.eclipse.swt.widgets.Composite composite) {
		StringBuilder text = new StringBuilder();
		for (var child : composite.getChildren()) {
			if (child instanceof org.eclipse.swt.widgets.Label label) {
				text.append(label.getText()).append('\n');
			} else if (child instanceof org.eclipse.swt.widgets.Composite inner) {
				text.append(messageOf(inner));
			}
		}
		return text.toString();
	}

	private static void screenshotQuietly(Path file) {
		try {
			screenshot(file);
		} catch (IOException e) {
			// a missing screenshot does not change the outcome
		}
	}

	private static void screenshot(Path file) throws IOException {
		Display display = Display.getCurrent();
		var shell = display.getActiveShell() != null ? display.getActiveShell()
				: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		var bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		gc.copyArea(image, bounds.x, bounds.y);
		gc.dispose();
		ImageData data = image.getImageData();
		image.dispose();
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		Files.createDirectories(file.getParent());
		loader.save(file.toString(), SWT.IMAGE_PNG);
	}
}
