package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.config.editor.internal.ConfigEditor;
import io.labelbench.ui.hub.AddLabelsToConfig;

/** Add Labels to Config with the config open: one operation of its own, apart from the editor's typing undo. */
class AddLabelsUndoTest {

	@TempDir
	Path dir;

	@Test
	void addLabelsIsOneUndoApartFromTyping() throws Exception {
		Path folder = dir.resolve("undo");
		LabelbenchProject.create(folder, "ana");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		String original = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		if (config.exists()) {
			config.setContents(new ByteArrayInputStream(original.getBytes(StandardCharsets.UTF_8)), true, false, null);
		} else {
			config.create(new ByteArrayInputStream(original.getBytes(StandardCharsets.UTF_8)), true, null);
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ITextOperationTarget typing = editor.getAdapter(ITextOperationTarget.class);

		// the user types a comment and saves
		document.replace(document.get().indexOf("  <Text"), 0, "  <!-- typed -->\n");
		editor.doSave(null);
		String typed = document.get();

		var status = AddLabelsToConfig.apply(project, "label", "ner_posology_small", List.of("DRUG", "DOSAGE"));
		assertTrue(status.isOK(), status.toString());
		UiTesting.waitUntil("the open editor shows the added labels", () -> document.get().contains("DOSAGE"), 10_000);
		String added = document.get();
		assertTrue(added.contains("<!-- typed -->") && added.contains("value=\"DRUG\" model=\"ner_posology_small\""), added);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "add-labels-undo.png"));

		// the editor's undo takes back typing only, never a part of the added labels
		while (typing.canDoOperation(ITextOperationTarget.UNDO)) {
			typing.doOperation(ITextOperationTarget.UNDO);
			assertTrue(document.get().contains("DOSAGE") && document.get().contains("model=\"ner_posology_small\""),
					"typing undo must not take the added labels apart: " + document.get());
		}
		document.set(added);
		editor.doSave(null);
		assertFalse(editor.isDirty());

		// the workbench's undo takes the whole Add Labels back in one step
		var support = PlatformUI.getWorkbench().getOperationSupport();
		assertTrue(support.getOperationHistory().undo(support.getUndoContext(), null, null).isOK());
		UiTesting.waitUntil("the editor shows the config before Add Labels", () -> document.get().equals(typed), 10_000);
		assertEquals(typed, document.get());
		editor.close(false);
		project.delete(false, true, null);
	}
}
