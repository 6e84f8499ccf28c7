package io.labelbench.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.RulesLibrary;

/** The project's rules and the rules library, as the command line and the workbench derive them. */
class ProjectPipelineTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;
	private RulesLibrary library;
	private ModelCache cache;

	@BeforeEach
	void projectWithRulesAndALibrary() throws IOException {
		project = LabelbenchProject.create(dir.resolve("project"), "ana");
		Files.writeString(project.configFile(), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG"/><Label value="FREQUENCY"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		Files.createDirectories(project.folder().resolve("rules"));
		Files.writeString(project.folder().resolve("rules/drugs.json"),
				"{\"name\": \"drugs\", \"label\": \"DRUG\", \"type\": \"dictionary\", \"terms\": [\"aspirin\"]}");
		Path shared = Files.createDirectories(dir.resolve("library"));
		Files.writeString(shared.resolve("frequency.json"),
				"{\"name\": \"frequency\", \"label\": \"FREQUENCY\", \"type\": \"regex\", \"pattern\": \"\\\\bdaily\\\\b\"}");
		library = new RulesLibrary(shared);
		cache = new ModelCache(Files.createDirectories(dir.resolve("models")));
	}

	@Test
	void theSpecWithTheLibraryRunsTheProjectRulesThenTheLibrarys() throws IOException {
		PipelineSpec spec = new ProjectPipeline(project, library).spec("clinical", cache);
		assertEquals(List.of("drugs", "frequency"), ruleNames(spec));
		assertEquals(List.of(), spec.problems());
		assertEquals("clinical", spec.json().path("name").asText());
	}

	@Test
	void withoutTheLibraryOnlyTheProjectRulesRun() throws IOException {
		PipelineSpec without = new ProjectPipeline(project, null).spec("clinical", cache);
		assertEquals(List.of("drugs"), ruleNames(without));
		assertNotEquals(new ProjectPipeline(project, library).spec("clinical", cache).hash(), without.hash(),
				"a server deployed without the library is not taken for one that runs it");
	}

	@Test
	void theDefaultLibraryIsTheConfiguredOne() throws IOException {
		String before = System.getProperty("labelbench.rules.library");
		System.setProperty("labelbench.rules.library", library.folder().toString());
		try {
			assertEquals(List.of("drugs", "frequency"),
					ProjectPipeline.of(project, ProjectPipeline.WITH_LIBRARY).rules().stream().map(Rule::name).toList());
			assertEquals(List.of("drugs"),
					ProjectPipeline.of(project, ProjectPipeline.WITHOUT_LIBRARY).rules().stream().map(Rule::name).toList());
		} finally {
			if (before == null) {
				System.clearProperty("labelbench.rules.library");
			} else {
				System.setProperty("labelbench.rules.library", before);
			}
		}
	}

	@Test
	void aBrokenRuleFileIsNamed() throws IOException {
		Path bad = Files.writeString(library.folder().resolve("bad.json"), "{\"name\": \"bad\",\n\"label\": }");
		IOException e = assertThrows(IOException.class, () -> new ProjectPipeline(project, library).rules());
		assertTrue(e.getMessage().startsWith(bad + ":2: malformed JSON"), e.getMessage());
		assertEquals(List.of("drugs"), new ProjectPipeline(project, null).rules().stream().map(Rule::name).toList(),
				"the project's own rules are still usable without the library");
	}

	private static List<String> ruleNames(PipelineSpec spec) {
		return spec.json().path("rules").findValuesAsText("name");
	}
}
