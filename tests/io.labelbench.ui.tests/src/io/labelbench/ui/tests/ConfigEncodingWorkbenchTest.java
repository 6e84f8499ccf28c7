package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import io.labelbench.ui.config.ConfigBuilder;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.config.editor.internal.ConfigEditor;

/** A UTF-16 config in the workbench: its markers sit where the editor shows the problem. */
class ConfigEncodingWorkbenchTest {

	@TempDir
	Path dir;

	@Test
	void utf16ConfigMarkersMatchTheEditorText() throws Exception {
		Path folder = dir.resolve("utf16");
		LabelbenchProject.create(folder, "ana");
		String text = "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"Médicament\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] bytes = new byte[body.length + 2];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xFE;
		System.arraycopy(body, 0, bytes, 2, body.length);
		Files.write(folder.resolve(LabelbenchProject.CONFIG_FILE), bytes);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, config);

		IMarker[] markers = config.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO);
		IMarker toName = Arrays.stream(markers)
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").equals("control.toname-unknown")).findFirst()
				.orElseThrow(() -> new AssertionError("markers: " + Arrays.toString(markers)));
		assertTrue(Arrays.stream(markers).noneMatch(m -> m.getAttribute(ConfigMarkers.CODE, "").startsWith("xml.")),
				"no encoding or XML error for a UTF-16 config");
		assertEquals(2, toName.getAttribute(IMarker.LINE_NUMBER, -1));

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		assertEquals(text, document.get(), "the editor reads the config in its encoding too");
		int start = toName.getAttribute(IMarker.CHAR_START, -1);
		assertEquals("txt", document.get(start, toName.getAttribute(IMarker.CHAR_END, -1) - start));
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "config-utf16.png"));
		editor.close(false);
		project.delete(false, true, null);
	}
}
