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
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.servers.DeployServerJob;
import io.labelbench.ui.servers.ServersView;

/**
 * Deploy on Spark Cluster in the Servers view: the dialog offers the local cluster's master and refuses what is no
 * master URL; a master nobody answers at fails the deploy within seconds with the driver's own reason, and leaves
 * no server behind.
 */
class ClusterDeployTest {
	@TempDir
	Path dir;

	@BeforeEach
	void registryAndCluster() throws Exception {
		System.setProperty("labelbench.servers", dir.resolve("servers").toString());
		System.setProperty("labelbench.cluster", dir.resolve("cluster").toString());
		// a local cluster's record whose master does not answer (nothing listens on port 9)
		Files.createDirectories(dir.resolve("cluster"));
		Files.writeString(dir.resolve("cluster/cluster.json"), """
				{"master": "spark://127.0.0.1:9", "webUi": "http://127.0.0.1:9", "workers": 1, "cores": 1,
				 "memory": "1g", "authenticate": false, "started": "2026-12-03T10:00:00Z", "members": []}
				""");
		InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub").put(ModelCachePreference.KEY,
				dir.resolve("models").toString());
		String mirror = System.getProperty("labelbench.hub.mirror");
		assertNotNull(mirror, "the test runtime names the hub mirror the server build published");
		ModelsHub hub = ModelsHub.read(List.of(HubLocation.folder(Path.of(mirror))));
		for (String name : List.of("ner_posology_labelbench", "w2v_labelbench_100d")) {
			var offer = hub.find(name).orElseThrow();
			new ModelDownloader(ModelCachePreference.cache()).download(offer.hub(), offer.entry(), Progress.NONE);
		}
	}

	private IProject project;

	@AfterEach
	void clear() throws Exception {
		if (project != null) {
			project.delete(false, true, null); // the folder goes with the temporary directory
		}
		System.clearProperty("labelbench.servers");
		System.clearProperty("labelbench.cluster");
	}

	@Test
	void anUnreachableMasterIsNamedWithinSecondsAndLeavesNothing() throws Exception {
		Path folder = dir.resolve("ward");
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), """
				<View>
				  <Text name="text" value="$text"/>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" model="ner_posology_labelbench"/>
				  </Labels>
				</View>
				""");
		lb.tasks().write(Task.of(TaskId.of(1), "Give warfarin 5 mg daily."));
		project = LabelbenchProjects.openOrCreate(folder, null);
		ServersView view = (ServersView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.showView(ServersView.ID);
		Shell shell = view.getSite().getShell();
		Display display = shell.getDisplay();
		List<String> seen = new ArrayList<>();
		display.timerExec(300, new Runnable() {
			@Override
			public void run() {
				Shell dialog = display.getActiveShell();
				if (dialog == null || !dialog.getText().startsWith("Deploy on Spark Cluster")) {
					display.timerExec(100, this);
					return;
				}
				Text master = find(dialog, Text.class);
				Button ok = button(dialog, "OK");
				seen.add(master.getText());
				master.setText("http://127.0.0.1:8080");
				seen.add("not a master: OK " + (ok.isEnabled() ? "enabled" : "disabled"));
				master.setText("spark://127.0.0.1:9");
				seen.add("a master: OK " + (ok.isEnabled() ? "enabled" : "disabled"));
				try {
					UiTesting.screenshot(shell, Path.of("target", "deploy-on-cluster.png"));
				} catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				ok.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			}
		});
		long t0 = System.nanoTime();
		DeployServerJob job = view.deployOnCluster(project);
		assertEquals(List.of("spark://127.0.0.1:9", "not a master: OK disabled", "a master: OK enabled"), seen,
				"the local cluster's master offered; only a spark:// URL accepted");
		assertNotNull(job);
		UiTesting.waitUntil("the deploy done", () -> job.getResult() != null, 120_000);
		double seconds = (System.nanoTime() - t0) / 1e9;
		IStatus result = job.getResult();
		assertEquals(IStatus.ERROR, result.getSeverity(), result.toString());
		assertTrue(result.getMessage().startsWith("cannot reach the Spark master spark://127.0.0.1:9"),
				result.getMessage());
		assertFalse(result.getMessage().contains("\tat "), "one line, no stack trace: " + result.getMessage());
		assertTrue(seconds < 60, "failed after " + seconds + " s");
		assertTrue(ServerRegistry.defaultRegistry().list().isEmpty(), "nothing of the failed driver left");
	}

	private static <T extends Control> T find(Composite parent, Class<T> type) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				return type.cast(child);
			}
			if (child instanceof Composite c) {
				T found = find(c, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static Button button(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button b && b.getText().replace("&", "").equals(text)) {
				return b;
			}
			if (child instanceof Composite c) {
				Button found = button(c, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
