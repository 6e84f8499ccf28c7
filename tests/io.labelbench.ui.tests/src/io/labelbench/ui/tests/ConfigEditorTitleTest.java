package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.ConfigTemplate;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;

/** Two projects' configs open side by side: their tabs name the project. */
class ConfigEditorTitleTest {

	@TempDir
	Path dir;

	@Test
	void configEditorTitlesTellTwoProjectsApart() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IProject first = project("clinical");
		IProject second = project("finance");
		IEditorPart one = IDE.openEditor(page, first.getFile(LabelbenchProject.CONFIG_FILE));
		IEditorPart two = IDE.openEditor(page, second.getFile(LabelbenchProject.CONFIG_FILE));
		assertEquals("labeling-config.xml [clinical]", one.getTitle());
		assertEquals("labeling-config.xml [finance]", two.getTitle());
		page.closeAllEditors(false);
		first.delete(false, true, null);
		second.delete(false, true, null);
	}

	private IProject project(String name) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), ConfigTemplate.NER.text(), StandardCharsets.UTF_8);
		return LabelbenchProjects.openOrCreate(folder, null);
	}
}
