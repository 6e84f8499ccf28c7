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

	@Test
	void promptAttributesAreCheckedAgainstTheProjectsPrompts() throws Exception {
		Path folder = dir.resolve("prompts");
		LabelbenchProject.create(folder, "ana");
		java.nio.file.Files.createDirectories(folder.resolve("prompts"));
		java.nio.file.Files.writeString(folder.resolve("prompts/problem.json"), "{\"name\": \"problem\", "
				+ "\"kind\": \"entity\", \"label\": \"PROBLEM\", \"description\": \"a disease or symptom\"}");
		String config = "<View>\n  <Text name=\"text\" value=\"$text\"/>\n  <Labels name=\"label\" toName=\"text\">\n"
				+ "    <Label value=\"PROBLEM\" prompt=\"problem\"/>\n    <Label value=\"TEST\" prompt=\"tests\"/>\n"
				+ "  </Labels>\n</View>\n";
		java.nio.file.Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), config);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile file = project.getFile(LabelbenchProject.CONFIG_FILE);
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, file);

		IMarker unknown = markerOf(file, "prompt.unknown");
		assertTrue(unknown != null, "the prompt no file defines is reported");
		assertEquals(5, unknown.getAttribute(IMarker.LINE_NUMBER, -1), "on the Label naming it");
		assertTrue(unknown.getAttribute(IMarker.MESSAGE, "").contains("tests"));
		assertEquals(1, java.util.Arrays.stream(markers(file))
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").startsWith("prompt.")).count(),
				"the project's own prompt is known");
		project.delete(false, true, null);
	}

	private static IMarker markerOf(IFile file, String code) throws Exception {
		for (IMarker m : file.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO)) {
			if (m.getAttribute(ConfigMarkers.CODE, "").equals(code)) {
				return m;
			}
		}
		return null;
	}

	@Test
	void quickFixesAddBackALabelTasksUseAndTakeASurplusModelOut() throws Exception {
		Path folder = dir.resolve("fixes");
		LabelbenchProject.create(folder, "ana");
		java.nio.file.Files.createDirectories(folder.resolve("tasks"));
		java.nio.file.Files.writeString(folder.resolve("tasks/1.json"), "{\"id\":1,\"data\":{\"text\":\"aspirin\"},"
				+ "\"predictions\":[{\"result\":[{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\","
				+ "\"value\":{\"start\":0,\"end\":7,\"text\":\"aspirin\",\"labels\":[\"OLD\"]}}]}]}");
		StringBuilder config = new StringBuilder("<View>\n  <Text name=\"text\" value=\"$text\"/>\n"
				+ "  <Labels name=\"label\" toName=\"text\">\n");
		for (int m = 1; m <= 6; m++) {
			config.append("    <Label value=\"L").append(m).append("\" model=\"m").append(m).append("\"/>\n");
		}
		config.append("  </Labels>\n</View>\n");
		java.nio.file.Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), config);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile file = project.getFile(LabelbenchProject.CONFIG_FILE);
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, file);

		IMarker used = markerOf(file, "label.used-by-tasks");
		assertTrue(used != null, "the label predictions still use is reported");
		var addBack = org.eclipse.ui.ide.IDE.getMarkerHelpRegistry().getResolutions(used);
		assertEquals("Add Label 'OLD' back to the config", addBack[0].getLabel());
		addBack[0].run(used);
		String afterAdd = new String(file.readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(afterAdd.contains("<Label value=\"OLD\"/>"), afterAdd);
		ConfigBuilder.validate(project, file);
		assertTrue(markerOf(file, "label.used-by-tasks") == null);

		IMarker tooMany = markerOf(file, "model.too-many");
		assertTrue(tooMany != null, "the sixth model is reported");
		var takeOut = org.eclipse.ui.ide.IDE.getMarkerHelpRegistry().getResolutions(tooMany);
		assertEquals("Take model 'm6' out (its labels stay, without pre-annotation)", takeOut[0].getLabel());
		takeOut[0].run(tooMany);
		String afterTakeOut = new String(file.readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(afterTakeOut.contains("<Label value=\"L6\"/>") && !afterTakeOut.contains("m6"), afterTakeOut);
		ConfigBuilder.validate(project, file);
		assertTrue(markerOf(file, "model.too-many") == null);
		project.delete(false, true, null);
	}
}
