package io.labelbench.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.protocol.ServerSpec.LlmEndpoint;
import io.labelbench.rules.PromptLibrary;

/** Prompts named by the config travel whole in the spec; the project's own prompts before the library's. */
class ProjectPromptsTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;
	private PromptLibrary library;
	private ModelCache cache;

	@BeforeEach
	void projectWithPromptsAndALibrary() throws IOException {
		project = LabelbenchProject.create(dir.resolve("project"), "ana");
		Files.writeString(project.configFile(), """
				<View>
				  <Labels name="label" toName="text">
				    <Label value="PROBLEM" prompt="problem"/><Label value="DRUG" prompt="drug"/><Label value="DOSAGE"/>
				  </Labels>
				  <Choices name="class" toName="text"><Choice value="Cardiology" prompt="cardiology"/></Choices>
				  <Text name="text" value="$text"/>
				</View>
				""");
		Files.createDirectories(project.folder().resolve("prompts"));
		Files.writeString(project.folder().resolve("prompts/clinical.json"), """
				[{"name": "problem", "kind": "entity", "label": "PROBLEM", "description": "a disease or symptom",
				  "examples": ["chest pain"], "threshold": 0.5},
				 {"name": "cardiology", "kind": "classification", "label": "Cardiology", "description": "the heart"}]""");
		Path shared = Files.createDirectories(dir.resolve("library"));
		Files.writeString(shared.resolve("shared.json"), """
				[{"name": "problem", "kind": "entity", "label": "PROBLEM", "description": "the library's version"},
				 {"name": "drug", "kind": "entity", "label": "DRUG", "engine": "llm", "description": "a medicine"},
				 {"name": "unused", "kind": "entity", "label": "X", "description": "named by no config"}]""");
		library = new PromptLibrary(shared);
		cache = new ModelCache(Files.createDirectories(dir.resolve("models")));
	}

	@Test
	void theSpecCarriesTheNamedPromptsAndTheEndpointButNoKey() throws IOException {
		PipelineSpec spec = new ProjectPipeline(project, null).withPromptLibrary(library)
				.withLlm(new LlmEndpoint("http://127.0.0.1:11434/v1", "llama3")).spec("clinical", cache);
		assertEquals(List.of(), spec.problems());
		JsonNode json = spec.json();
		List<String> names = new java.util.ArrayList<>();
		json.path("prompts").forEach(p -> names.add(p.path("prompt").path("name").asText() + "@"
				+ p.path("fromName").asText() + "/" + p.path("toName").asText()));
		assertEquals(List.of("problem@label/text", "drug@label/text", "cardiology@class/text"), names);
		assertEquals("a disease or symptom", json.at("/prompts/0/prompt/description").asText(),
				"the project's prompt wins over the library's of the same name");
		assertEquals(0.5, json.at("/prompts/0/prompt/threshold").asDouble());
		assertEquals("http://127.0.0.1:11434/v1", json.at("/llm/baseUrl").asText());
		assertEquals("llama3", json.at("/llm/model").asText());
		assertTrue(spec.modelVersion().startsWith("prompts@"), spec.modelVersion());
		assertEquals(java.util.Set.of("PROBLEM", "DRUG", "Cardiology"), spec.labels());
		assertTrue(!json.toString().toLowerCase().contains("key"), "no key in the spec: " + json);

		PipelineSpec otherModel = new ProjectPipeline(project, null).withPromptLibrary(library)
				.withLlm(new LlmEndpoint("http://127.0.0.1:11434/v1", "mistral")).spec("clinical", cache);
		assertNotEquals(spec.modelVersion(), otherModel.modelVersion(), "another LLM, another model version");
	}

	@Test
	void anLlmPromptWithoutAnEndpointBlocksTheDeploy() throws IOException {
		PipelineSpec spec = new ProjectPipeline(project, null).withPromptLibrary(library).withLlm(null)
				.spec("clinical", cache);
		assertEquals(1, spec.problems().size(), spec.problems().toString());
		assertTrue(spec.problems().get(0).contains("prompt 'drug' runs on an LLM, and no LLM endpoint is configured"),
				spec.problems().toString());
		assertTrue(spec.json().path("llm").isNull(), "no endpoint in the spec");
	}
}
