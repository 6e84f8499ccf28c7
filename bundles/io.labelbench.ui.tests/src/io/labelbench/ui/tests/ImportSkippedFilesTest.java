package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.wizards.ImportTasksJob;

/** The workbench's Import job names the entries of an imported folder it left out, as the command line does. */
class ImportSkippedFilesTest {

	@TempDir
	Path dir;

	@Test
	void theImportJobListsSkippedFilesAsWarnings() throws Exception {
		Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0:root:/root:/bin/bash\n");
		Path notes = Files.createDirectories(dir.resolve("notes"));
		Files.writeString(notes.resolve("a.txt"), "Aspirin 100 mg daily");
		Files.writeString(notes.resolve("run.sh"), "#!/bin/sh\n");
		Files.createSymbolicLink(notes.resolve("passwd.txt"), secret);
		Path folder = dir.resolve("skipping");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		ImportTasksJob job = new ImportTasksJob(project, List.of(notes), ImportOptions.DEFAULT);
		job.schedule();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_IMPORT, 60_000);

		IStatus result = job.getResult();
		assertEquals(IStatus.WARNING, result.getSeverity(), result.toString());
		assertEquals("1 task imported; 2 files of the imported folders skipped", result.getMessage());
		assertEquals(List.of(
				"Skipped " + notes.resolve("passwd.txt") + ": a link to " + secret.toRealPath()
						+ ", outside the imported folder",
				"Skipped " + notes.resolve("run.sh") + ": not a task file (.json, .jsonl, .txt, .csv or .tsv)"),
				Arrays.stream(result.getChildren()).map(IStatus::getMessage).toList());
		assertEquals(1, LabelbenchProjects.of(project).tasks().ids().size());
	}
}
