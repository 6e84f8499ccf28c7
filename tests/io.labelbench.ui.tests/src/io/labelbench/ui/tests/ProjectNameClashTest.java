package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;

/**
 * Two project folders of the same name (two clients' "ward", or a folder deleted outside the workbench and made
 * again elsewhere): opening the second shows its own tasks under a name of its own, never the first one's.
 */
class ProjectNameClashTest {

	@TempDir
	Path dir;

	private final List<IProject> opened = new ArrayList<>();

	@AfterEach
	void delete() throws Exception {
		for (IProject project : opened) {
			project.delete(false, true, null);
		}
	}

	@Test
	void aSecondFolderOfTheSameNameIsAProjectOfItsOwn() throws Exception {
		IProject first = open(dir.resolve("north/twin"), "Give aspirin daily.");
		IProject second = open(dir.resolve("south/twin"), "Take warfarin at night.");

		assertEquals("twin", first.getName());
		assertEquals("twin (2)", second.getName());
		assertNotEquals(first.getLocation(), second.getLocation());
		assertEquals("Take warfarin at night.", text(second));
		assertEquals("Give aspirin daily.", text(first));
		// opening a folder again finds its project, whatever its name
		assertEquals(second, LabelbenchProjects.openOrCreate(dir.resolve("south/twin"), null));
	}

	@Test
	void aFolderDeletedOutsideTheWorkbenchDoesNotCaptureANewOneOfItsName() throws Exception {
		Path gone = dir.resolve("old/ward");
		IProject stale = open(gone, "Old note.");
		try (var files = Files.walk(gone)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
		IProject fresh = open(dir.resolve("new/ward"), "New note.");

		assertNotEquals(stale, fresh);
		assertEquals("New note.", text(fresh));
	}

	private IProject open(Path folder, String text) throws Exception {
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		lb.tasks().write(Task.of(TaskId.of(1), text));
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		opened.add(project);
		return project;
	}

	private static String text(IProject project) throws Exception {
		return LabelbenchProjects.of(project).tasks().read(TaskId.of(1)).text();
	}
}
