package io.labelbench.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.BulkRunner;
import io.labelbench.preannotate.RunSummary;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.visual.Box;
import io.labelbench.visual.SampleDocuments;
import io.labelbench.visual.VisualAnnotator;
import io.labelbench.visual.VisualExtractor;
import io.labelbench.visual.VisualImporter;

/**
 * A PDF imported as a visual task, pre-annotated by a built-in prompt that its config names on a RectangleLabels
 * label: the spec the config gives, run by the server distribution's pipeline (the real MiniLM model) on the page
 * text, and the entity back as one box around its words on a line, or one box per line when it wraps.
 */
class PromptVisualTest {

	@TempDir
	Path dir;

	@Test
	void aPromptGivesWholeEntityBoxesOnAVisualTaskOneBoxPerLineOfAWrappedEntity() throws Exception {
		Path distribution = SpecAnnotator.builtDistribution("PromptVisualTest");
		if (distribution == null) {
			return;
		}
		// "chest pain" on one line, then once more wrapped from the end of the second line onto the third
		SampleDocuments.Generated generated = SampleDocuments.linesPdf(List.of(
				"The patient reports chest pain since Monday.", "He walked to the clinic today with chest",
				"pain at rest."));
		Path pdf = Files.write(dir.resolve("note.pdf"), generated.pdf());
		LabelbenchProject project = LabelbenchProject.create(dir.resolve("p"), "ana");
		Files.writeString(project.configFile(), """
				<View>
				  <Image name="image" value="$image"/>
				  <RectangleLabels name="label" toName="image"><Label value="PROBLEM" prompt="problem"/></RectangleLabels>
				</View>
				""");
		Files.createDirectories(project.folder().resolve("prompts"));
		Files.writeString(project.folder().resolve("prompts/problem.json"), """
				{"name": "problem", "kind": "entity", "label": "PROBLEM", "description": "a symptom or disease",
				 "examples": ["chest pain", "headache"], "threshold": 0.7}""");
		List<TaskId> ids = new VisualImporter(project, VisualExtractor.Limits.DEFAULT).importDocuments(List.of(pdf),
				null, Progress.NONE);

		PipelineSpec spec = new ProjectPipeline(project, null).withPromptLibrary(new PromptLibrary(dir.resolve("none")))
				.spec("visual", new ModelCache(Files.createDirectories(dir.resolve("models"))));
		assertEquals(List.of(), spec.problems());
		assertEquals("image", spec.dataField());
		Annotator prompts = new SpecAnnotator(spec, new SpecProcess(distribution), "image");
		RunSummary summary = new BulkRunner(project.tasks(), VisualAnnotator.forProject(project, prompts, "image"),
				BulkRunner.Options.DEFAULT).run(ids, Progress.NONE);
		assertEquals(1, summary.done(), summary.failures().toString());

		List<Region> boxes = project.tasks().read(ids.get(0)).predictions().get(0).results();
		assertEquals(3, boxes.size(), boxes.toString());
		Region box = boxes.get(0);
		assertEquals("rectanglelabels", box.type());
		assertEquals(List.of("PROBLEM"), box.labels());
		assertEquals("chest pain", box.value().get("text").asText(), "two words, one box");
		List<SampleDocuments.Word> words = generated.pages().get(0);
		Box expected = words.get(3).box().union(words.get(4).box());
		assertEquals(expected.x0(), box.value().get("x").asDouble() * 612 / 100, 0.5, "x of the whole entity");
		assertEquals(expected.x1() - expected.x0(), box.value().get("width").asDouble() * 612 / 100, 0.5,
				"width of the whole entity");

		// the wrapped entity: one box per line, linked as one chunk
		Region end = boxes.get(1);
		Region start = boxes.get(2);
		assertEquals(List.of("PROBLEM"), end.labels());
		assertEquals(List.of("PROBLEM"), start.labels());
		assertEquals("chest", end.value().get("text").asText(), "the part on the second line");
		assertEquals("pain", start.value().get("text").asText(), "the part on the third line");
		assertEquals(end.json().at("/meta/chunk"), start.json().at("/meta/chunk"), "one entity");
		assertEquals(2, end.json().at("/meta/parts").asInt());
		SampleDocuments.Word chest = words.stream().filter(w -> w.line() == 1 && w.text().equals("chest"))
				.findFirst().orElseThrow();
		SampleDocuments.Word pain = words.stream().filter(w -> w.line() == 2 && w.text().equals("pain"))
				.findFirst().orElseThrow();
		assertEquals(chest.box().x0(), end.value().get("x").asDouble() * 612 / 100, 0.5, "x of 'chest'");
		assertEquals(pain.box().x0(), start.value().get("x").asDouble() * 612 / 100, 0.5, "x of 'pain'");
		assertTrue(start.value().get("y").asDouble() > end.value().get("y").asDouble(), "the next line, lower");
	}
}
