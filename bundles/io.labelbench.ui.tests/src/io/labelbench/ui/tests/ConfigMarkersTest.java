package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.config.ConfigBuilder;
import io.labelbench.ui.config.ConfigMarkers;

/** The config builder puts config problems in the Problems view on save, and only changes markers that changed. */
class ConfigMarkersTest {

	@TempDir
	Path dir;

	private static final String BAD = "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"DRUG\"/>\n"
			+ "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n";

	private static void save(IFile file, String text) throws Exception {
		file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.KEEP_HISTORY, null);
		UiTesting.waitForJobs(ResourcesPlugin.FAMILY_AUTO_BUILD, 30_000);
	}

	private static IMarker[] markers(IFile file) throws Exception {
		return file.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO);
	}

	@Test
	void badToNameIsMarkedOnSaveKeptWhileUnchangedAndClearedWhenFixed() throws Exception {
		Path folder = dir.resolve("markers");
		LabelbenchProject.create(folder, "ana");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.create(new ByteArrayInputStream("<View><Text name=\"text\" value=\"$text\"/></View>".getBytes()), true, null);
		UiTesting.waitForJobs(ResourcesPlugin.FAMILY_AUTO_BUILD, 30_000);

		save(config, BAD);
		IMarker[] first = markers(config);
		IMarker toName = null;
		for (IMarker marker : first) {
			if (marker.getAttribute(ConfigMarkers.CODE, "").equals("control.toname-unknown")) {
				toName = marker;
			}
		}
		assertTrue(toName != null, "a marker for the toName naming no object; markers " + first.length + ", autobuild "
				+ ResourcesPlugin.getWorkspace().isAutoBuilding() + ", builders "
				+ java.util.Arrays.toString(project.getDescription().getBuildSpec()));
		assertEquals(IMarker.SEVERITY_ERROR, toName.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(2, toName.getAttribute(IMarker.LINE_NUMBER, -1));
		assertFalse(ConfigBuilder.configStatus(project).isOK(), "deploy and pre-annotation are refused");

		save(config, BAD + "<!-- a note after the config -->\n");
		assertTrue(toName.exists(), "an unchanged finding keeps its marker (no flicker)");

		save(config, BAD.replace("toName=\"txt\"", "toName=\"text\""));
		for (IMarker marker : markers(config)) {
			assertFalse(marker.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR,
					"no error left: " + marker.getAttribute(IMarker.MESSAGE, ""));
		}
		assertTrue(ConfigBuilder.configStatus(project).isOK());
		project.delete(false, true, null);
	}
}
