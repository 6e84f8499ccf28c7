package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.editors.task.TaskEditor;
import io.labelbench.ui.tasks.TaskEditors;

/**
 * A task with Label Studio's annotations and GAL's completions: the editor lists both in file order, opens the last,
 * and saves an edit of the annotation under annotations.
 */
class TaskEditorAnnotationsTest {

	@TempDir
	Path dir;

	private IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
	}

	@Test
	void annotationsAndCompletionsAreListedAndEachIsSavedUnderItsKey() throws Exception {
		Path folder = dir.resolve("both");
		LabelbenchProject created = LabelbenchProject.create(folder, "ana");
		Files.writeString(created.configFile(), TaskEditorTest.CONFIG, StandardCharsets.UTF_8);
		Files.writeString(created.tasks().file(TaskId.of(5)), """
				{"id": 5, "data": {"text": "Take aspirin 100 mg twice daily."},
				 "annotations": [{"id": 4, "completed_by": 1, "result": [{"id": "a", "from_name": "label",
				   "to_name": "text", "type": "labels", "value": {"start": 5, "end": 12, "text": "aspirin", "labels": ["DRUG"]}}]}],
				 "completions": [{"id": 2, "created_username": "bob", "result": []}]}
				""", StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		IFile file = project.getFolder(TaskStore.FOLDER).getFile(TaskId.of(5).fileName());
		TaskEditors.open(page(), file);
		TaskEditor editor = assertInstanceOf(TaskEditor.class, page().getActiveEditor());
		UiTesting.waitUntil("the editor is laid out", () -> editor.completionText().getSize().x > 100, 10_000);
		Combo completions = editor.widgets().completions();
		assertEquals(2, completions.getItemCount(), "the annotation and the completion");
		assertEquals(1, completions.getSelectionIndex(), "the last of the list is opened");
		assertEquals(0, editor.completionText().getStyleRanges().length, "bob's completion is empty");

		completions.select(0);
		completions.notifyListeners(SWT.Selection, new Event());
		assertEquals(1, editor.completionText().getStyleRanges().length, "the annotation's aspirin");
		editor.completionText().setSelection(13, 19); // 100 mg
		Label dosage = editor.widgets().labelChips().stream().filter(chip -> "DOSAGE".equals(chip.getData())).findFirst()
				.orElseThrow();
		dosage.notifyListeners(SWT.MouseUp, new Event());
		UiTesting.screenshot(page().getWorkbenchWindow().getShell(), Path.of("target", "task-editor-annotations.png"));
		editor.doSave(new NullProgressMonitor());
		assertFalse(editor.isDirty());

		JsonNode stored = new ObjectMapper().readTree(LabelbenchProjects.of(project).tasks().file(TaskId.of(5)).toFile());
		assertEquals(List.of("aspirin", "100 mg"),
				stored.at("/annotations/0/result").findValuesAsText("text"), "the edit went to the annotation");
		assertEquals(1, stored.at("/annotations/0/completed_by").asInt());
		assertEquals(0, stored.at("/completions/0/result").size(), "bob's completion as it was");
	}
}
