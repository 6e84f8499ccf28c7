package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.RuleFiles;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.rules.internal.RulesEditor;

/** The rules form: a bad regex is reported as it is typed and cannot be saved; a good one is written as JSON. */
class RulesEditorTest {

	@TempDir
	Path dir;

	@Test
	void badRegexIsShownAndBlocksSaveGoodOneIsSaved() throws Exception {
		Path folder = dir.resolve("ruled");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.createDirectories(folder.resolve("rules"));
		RuleFiles.write(folder.resolve("rules/rules.json"),
				List.of(Rule.regex("strength", "STRENGTH", "\\d+ mg", false, true)));
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile file = project.getFile("rules/rules.json");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		RulesEditor editor = (RulesEditor) page.openEditor(new FileEditorInput(file), RulesEditor.ID);
		try {
			assertEquals(1, editor.rulesTable().getItemCount());
			assertEquals("\\d+ mg", editor.patternField().getText());

			editor.patternField().setText("(\\d+ mg");
			assertTrue(editor.problemLabel().getText().contains("not a valid regular expression"),
					editor.problemLabel().getText());
			assertTrue(editor.isDirty());
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "rules-editor.png"));
			NullProgressMonitor refused = new NullProgressMonitor();
			PlatformUI.getWorkbench().getDisplay().timerExec(300, () -> {
				var shell = PlatformUI.getWorkbench().getDisplay().getActiveShell();
				if (shell != null && shell != page.getWorkbenchWindow().getShell()) {
					shell.close(); // the "Cannot save the rules" error dialog
				}
			});
			editor.doSave(refused);
			assertTrue(refused.isCanceled());
			assertTrue(Files.readString(folder.resolve("rules/rules.json")).contains("\\\\d+ mg\""), "file unchanged");

			editor.patternField().setText("\\d+ ?mg");
			assertEquals("", editor.problemLabel().getText());
			editor.doSave(new NullProgressMonitor());
			assertFalse(editor.isDirty());
			assertEquals(List.of(Rule.regex("strength", "STRENGTH", "\\d+ ?mg", false, true)),
					RuleFiles.read(folder.resolve("rules/rules.json")));
		} finally {
			page.closeEditor(editor, false);
		}
	}

	@Test
	void editRulesOnAProjectWithoutRulesOpensANewEmptyRulesFileInTheForm() throws Exception {
		Path folder = dir.resolve("unruled");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		explorer.selectReveal(new StructuredSelection(project));
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.labelbench.ui.servers.editRules",
				null);
		IEditorPart editor = page.getActiveEditor();
		try {
			assertTrue(editor instanceof RulesEditor, "active editor: " + editor);
			assertEquals(project.getFile("rules/rules.json"), editor.getEditorInput().getAdapter(IFile.class));
			assertEquals(0, ((RulesEditor) editor).rulesTable().getItemCount());
			assertEquals("[]", Files.readString(folder.resolve("rules/rules.json")).strip());
		} finally {
			page.closeEditor(editor, false);
		}
	}
}
