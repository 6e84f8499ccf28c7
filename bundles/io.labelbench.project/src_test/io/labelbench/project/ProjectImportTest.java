package io.labelbench.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.io.ImportResult;
import io.labelbench.core.io.Progress;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/** Importing into a project: sources routed by kind, imported results checked against the project's config. */
class ProjectImportTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;
	private Path tasks;

	@BeforeEach
	void projectAndATaskWithALabelTheConfigLacks() throws IOException {
		project = LabelbenchProject.create(dir.resolve("project"), "ana");
		tasks = Files.writeString(dir.resolve("tasks.json"), """
				[{"id": 1, "data": {"text": "Aspirin daily"},
				  "completions": [{"id": 1, "result": [{"id": "r1", "from_name": "label", "to_name": "text",
				    "type": "labels", "value": {"start": 0, "end": 7, "text": "Aspirin", "labels": ["MEDICINE"]}}]}]}]
				""");
	}

	@Test
	void importedResultsAreCheckedAgainstTheProjectsConfig() throws IOException {
		Files.writeString(project.configFile(), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		ImportResult result = ProjectImport.of(project).importTaskFiles(List.of(tasks), ImportOptions.DEFAULT,
				Progress.NONE);
		assertEquals(1, result.imported());
		assertEquals(1, result.problemCount(), result.problems().toString());
		assertEquals(1, result.problems().size());
		String problem = result.problems().get(0);
		assertEquals(true, problem.contains("label 'MEDICINE' is not offered by control 'label' in the config"),
				problem);
		assertEquals(List.of(TaskId.of(1)), project.tasks().ids(), "the task is imported as it is, not dropped");
	}

	@Test
	void aProjectWithoutConfigImportsWithoutChecks() throws IOException {
		assertNull(ProjectImport.configOf(project));
		ImportResult result = ProjectImport.of(project).importTaskFiles(List.of(tasks), ImportOptions.DEFAULT,
				Progress.NONE);
		assertEquals(1, result.imported());
		assertEquals(0, result.problemCount(), result.problems().toString());
	}

	@Test
	void documentsGoToTheVisualImporterAndTheRestAreTaskFiles() throws IOException {
		Path pdf = Files.write(dir.resolve("scan"), "%PDF-1.7\n".getBytes());
		Path png = Files.write(dir.resolve("page.png"),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 });
		Path folder = Files.createDirectories(dir.resolve("notes"));
		Path text = Files.writeString(dir.resolve("note.txt"), "%PDF- is how a PDF starts");
		ProjectImport.Sources sources = ProjectImport.Sources.of(List.of(pdf, tasks, png, folder, text));
		assertEquals(List.of(pdf, png), sources.documents());
		assertEquals(List.of(tasks, folder, text), sources.taskFiles());
	}
}
