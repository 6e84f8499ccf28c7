package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.editors.ConfigEditor;

/** Typing in the config editor: a bad toName gets a marker without saving, and loses it when fixed. */
class ConfigEditorTest {

	@TempDir
	Path dir;

	private static long toNameMarkers(IFile file) throws Exception {
		return Arrays.stream(file.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").equals("control.toname-unknown")
						&& m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.count();
	}

	@Test
	void typingABadToNameMarksItAndFixingClearsIt() throws Exception {
		Path folder = dir.resolve("editing");
		LabelbenchProject.create(folder, "ana");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		String good = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		config.create(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)), true, null);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		UiTesting.waitForJobs(ConfigEditor.FAMILY_VALIDATION, 10_000);
		assertEquals(0, toNameMarkers(config));

		int at = document.get().indexOf("toName=\"text\"") + "toName=\"".length();
		document.replace(at, 4, "txt");
		UiTesting.waitUntil("marker for the bad toName", () -> {
			try {
				return toNameMarkers(config) == 1;
			} catch (Exception e) {
				return false;
			}
		}, 10_000);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "config-editor.png"));

		document.replace(at, 3, "text");
		UiTesting.waitUntil("marker gone", () -> {
			try {
				return toNameMarkers(config) == 0;
			} catch (Exception e) {
				return false;
			}
		}, 10_000);
		editor.close(false);
		project.delete(false, true, null);
	}
}
