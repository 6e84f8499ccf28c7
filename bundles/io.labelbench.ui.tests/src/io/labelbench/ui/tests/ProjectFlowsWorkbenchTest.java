package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.servers.Servers;
import io.labelbench.ui.wizards.ImportTasksJob;

/**
 * The workbench derives a project's spec and imports into it as the command line does (the shared project flows):
 * its spec runs the rules library too, and its Import job checks imported results against the project's config.
 */
class ProjectFlowsWorkbenchTest {

	private static final String LIBRARY_PROPERTY = "labelbench.rules.library";

	@TempDir
	Path dir;

	private final String libraryBefore = System.getProperty(LIBRARY_PROPERTY);

	@AfterEach
	void restoreTheLibrary() {
		if (libraryBefore == null) {
			System.clearProperty(LIBRARY_PROPERTY);
		} else {
			System.setProperty(LIBRARY_PROPERTY, libraryBefore);
		}
	}

	@Test
	void theWorkbenchSpecRunsTheRulesLibraryToo() throws Exception {
		Path library = Files.createDirectories(dir.resolve("library"));
		Files.writeString(library.resolve("frequency.json"),
				"{\"name\": \"frequency\", \"label\": \"FREQUENCY\", \"type\": \"regex\", \"pattern\": \"\\\\bdaily\\\\b\"}");
		System.setProperty(LIBRARY_PROPERTY, library.toString());
		IProject project = project("flows-spec");
		Path rules = Files.createDirectories(Servers.folderOf(project).resolve("rules"));
		Files.writeString(rules.resolve("drugs.json"),
				"{\"name\": \"drugs\", \"label\": \"DRUG\", \"type\": \"dictionary\", \"terms\": [\"aspirin\"]}");

		PipelineSpec spec = Servers.specOf(project);

		assertEquals(List.of("drugs", "frequency"), spec.json().path("rules").findValuesAsText("name"),
				"the project's rules, then the library's, as labelbench server deploy --library has them");
		assertEquals(List.of(), spec.problems());
	}

	@Test
	void theImportJobChecksImportedResultsAgainstTheConfig() throws Exception {
		IProject project = project("flows-import");
		Path tasks = Files.writeString(dir.resolve("tasks.json"), """
				[{"id": 1, "data": {"text": "Aspirin daily"},
				  "completions": [{"id": 1, "result": [{"id": "r1", "from_name": "label", "to_name": "text",
				    "type": "labels", "value": {"start": 0, "end": 7, "text": "Aspirin", "labels": ["MEDICINE"]}}]}]}]
				""");

		ImportTasksJob job = new ImportTasksJob(project, List.of(tasks), ImportOptions.DEFAULT);
		job.schedule();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_IMPORT, 60_000);

		IStatus result = job.getResult();
		assertEquals(IStatus.WARNING, result.getSeverity(), result.toString());
		assertEquals(Messages.format(Messages.ImportJob_problems, 1, 1), result.getMessage());
		List<String> problems = Arrays.stream(result.getChildren()).map(IStatus::getMessage).toList();
		assertEquals(1, problems.size(), problems.toString());
		assertEquals(true, problems.get(0).contains("label 'MEDICINE' is not offered by control 'label' in the config"),
				problems.toString());
		assertEquals(1, LabelbenchProjects.of(project).tasks().ids().size(), "the task is kept as it is");
	}

	/** A project whose config offers DRUG and FREQUENCY in the Labels control {@code label}. */
	private IProject project(String name) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject created = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(created.configFile(), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG"/><Label value="FREQUENCY"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		return LabelbenchProjects.openOrCreate(folder, null);
	}
}
