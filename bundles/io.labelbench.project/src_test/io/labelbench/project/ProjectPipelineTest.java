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

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
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

	@Test
	void assertionAndRelationRulesRunInTheControlOfTheirLabels() throws IOException {
		Files.writeString(project.configFile(), """
				<View>
				  <Relations><Relation value="DRUG-FREQUENCY"/></Relations>
				  <Labels name="label" toName="text">
				    <Label value="DRUG"/><Label value="FREQUENCY"/><Label value="PROBLEM"/>
				    <Label value="absent" assertion="true"/><Label value="possible" assertion="true"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		Files.writeString(project.folder().resolve("rules/context.json"), """
				[{"name": "negation", "type": "assertion", "entityLabels": ["PROBLEM"], "window": 4,
				  "triggers": [{"phrase": "no", "status": "absent"}, {"phrase": "suspected", "status": "possible",
				  "position": "post"}]},
				 {"name": "how often", "label": "DRUG-FREQUENCY", "type": "relation", "fromLabel": "DRUG",
				  "toLabel": "FREQUENCY", "maxTokens": 3}]""");
		PipelineSpec spec = new ProjectPipeline(project, null).spec("clinical", cache);
		assertEquals(List.of(), spec.problems());
		assertEquals(List.of("negation", "how often", "drugs"), ruleNames(spec), "rule files in name order");
		var negation = spec.json().at("/rules/0");
		assertEquals("ASSERTION", negation.path("type").asText());
		assertEquals("label", negation.path("fromName").asText());
		assertEquals("text", negation.path("toName").asText());
		assertEquals(4, negation.at("/assertion/window").asInt());
		assertEquals("POST", negation.at("/assertion/triggers/1/position").asText());
		var relation = spec.json().at("/rules/1");
		assertEquals("DRUG-FREQUENCY", relation.path("label").asText());
		assertEquals("FREQUENCY", relation.at("/relation/toLabel").asText());
		assertTrue(spec.labels().containsAll(List.of("absent", "possible", "DRUG-FREQUENCY")), spec.labels().toString());
	}

	@Test
	void assertionAndRelationRulesWhoseLabelsTheConfigLacksAreReported() throws IOException {
		Files.writeString(project.folder().resolve("rules/context.json"), """
				[{"name": "negation", "type": "assertion", "triggerSet": "clinical_en"},
				 {"name": "how often", "label": "DRUG-FREQUENCY", "type": "relation", "fromLabel": "DRUG",
				  "toLabel": "FREQUENCY"}]""");
		PipelineSpec spec = new ProjectPipeline(project, null).spec("clinical", cache);
		assertEquals(List.of("assertion rule 'negation' gives the statuses absent, possible, hypothetical, conditional,"
				+ " associated_with_someone_else, which are not assertion labels of the config (add"
				+ " <Label value=\"…\" assertion=\"true\"/>)",
				"relation rule 'how often' labels 'DRUG-FREQUENCY', which is not a <Relation> of the config (it has no"
						+ " <Relations> block)"), spec.problems());
		assertEquals(List.of("drugs"), ruleNames(spec), "the rules that fit still run");

		Files.writeString(project.configFile(), """
				<View>
				  <Relations><Relation value="DRUG-FREQUENCY"/></Relations>
				  <Labels name="label" toName="text"><Label value="DRUG"/><Label value="absent" assertion="true"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		Files.writeString(project.folder().resolve("rules/context.json"), """
				[{"name": "negation", "type": "assertion", "entityLabels": ["PROBLEM"],
				  "triggers": [{"phrase": "no", "status": "absent"}]},
				 {"name": "how often", "label": "DRUG-FREQUENCY", "type": "relation", "fromLabel": "DRUG",
				  "toLabel": "FREQUENCY"}]""");
		assertEquals(List.of("assertion rule 'negation' qualifies the entity labels PROBLEM, which no Labels control of"
				+ " the config offers", "relation rule 'how often' relates 'FREQUENCY', which no Labels control of the"
						+ " config offers"), new ProjectPipeline(project, null).spec("clinical", cache).problems());
	}

	@Test
	void serversOfTheProjectThatRunAnOlderSpecAreStale() throws IOException {
		String withLibrary = new ProjectPipeline(project, library).spec("with", cache).hash();
		String without = new ProjectPipeline(project, null).spec("without", cache).hash();
		ServerRegistry registry = new ServerRegistry(dir.resolve("servers"));
		record(registry, "with", project.folder().toString(), withLibrary);
		record(registry, "without", project.folder().toString(), without);
		record(registry, "old", project.folder().toString(), "0123456789ab");
		record(registry, "elsewhere", dir.resolve("other").toString(), "0123456789ab");
		ProjectPipeline pipeline = new ProjectPipeline(project, library);
		assertEquals(List.of("old"), pipeline.staleServers(registry, cache).stream().map(ServerRecord::name).toList(),
				"deployed with or without the library, a server running the current spec is not stale");

		Files.writeString(project.folder().resolve("rules/drugs.json"),
				"{\"name\": \"drugs\", \"label\": \"DRUG\", \"type\": \"dictionary\", \"terms\": [\"aspirin\", \"ibuprofen\"]}");
		assertEquals(List.of("with", "without", "old"),
				pipeline.staleServers(registry, cache).stream().map(ServerRecord::name).toList(),
				"after a rule edit every server of the project runs an older spec");
	}

	private static void record(ServerRegistry registry, String name, String project, String hash) throws IOException {
		Path folder = Files.createDirectories(registry.folder().resolve(name));
		ObjectNode json = Json.mapper().createObjectNode();
		json.put("id", name);
		json.put("name", name);
		json.put("project", project);
		json.put("url", "http://127.0.0.1:1");
		json.put("token", "t");
		json.put("pid", 1);
		json.put("specHash", hash);
		json.put("started", java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(registry.list().size())
				.toString());
		Files.writeString(folder.resolve("server.json"), json.toString());
	}

	private static List<String> ruleNames(PipelineSpec spec) {
		return spec.json().path("rules").findValuesAsText("name");
	}
}
