package io.labelbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;

/**
 * {@code labelbench prompt list|test|evaluate} on a project with a prompt file, a library prompt and tasks with
 * ground-truth completions; test and evaluate run the real engine in the server distribution (built first by the
 * full build).
 */
class PromptCommandTest {

	private static final Path DISTRIBUTION = Path.of("../../server/target/labelbench-server/labelbench-server")
			.toAbsolutePath().normalize();

	@TempDir
	Path dir;

	private final CliRun cli = new CliRun();
	private Path project;

	@BeforeEach
	void projectWithPrompts() throws IOException {
		project = LabelbenchProject.create(dir.resolve("notes"), "ana").folder();
		Files.writeString(project.resolve(LabelbenchProject.CONFIG_FILE), """
				<View><Labels name="label" toName="text"><Label value="PROBLEM" prompt="problem"/><Label value="DRUG"/>
				</Labels><Text name="text" value="$text"/></View>""");
		Files.createDirectories(project.resolve("prompts"));
		Files.writeString(project.resolve("prompts/clinical.json"), """
				{"name": "problem", "kind": "entity", "label": "PROBLEM", "description": "a symptom or disease",
				 "examples": ["chest pain", "headache"], "counterExamples": ["pain clinic"], "threshold": 0.6}""");
		Path library = Files.createDirectories(dir.resolve("library"));
		Files.writeString(library.resolve("shared.json"), """
				{"name": "cardiology", "kind": "classification", "label": "Cardiology", "description": "the heart"}""");
		System.setProperty("labelbench.prompts.library", library.toString());
		System.setProperty("labelbench.server.dist", DISTRIBUTION.toString());
	}

	@AfterEach
	void forget() {
		System.clearProperty("labelbench.prompts.library");
		System.clearProperty("labelbench.server.dist");
	}

	@Test
	void listShowsTheProjectsPromptsAndTheLibrarys() {
		assertEquals(0, cli.run("prompt", "list", "--project", project.toString()), cli.err());
		String[] lines = cli.out().split("\n");
		assertEquals(2, lines.length, cli.out());
		assertTrue(lines[0].startsWith("problem\tentity\tbuiltin\tPROBLEM\tthreshold 0.6\t"), lines[0]);
		assertTrue(lines[1].startsWith("cardiology\tclassification\tbuiltin\tCardiology\tthreshold 0.3"), lines[1]);
	}

	@Test
	void anUnknownPromptOrABadFileIsRefused() throws IOException {
		assertEquals(2, cli.run("prompt", "test", "--prompt", "nothing", "--text", "x"));
		assertTrue(cli.err().contains("no prompt 'nothing' in the library"), cli.err());
		Files.writeString(project.resolve("prompts/broken.json"), "{\"name\": \"x\", \"kind\": \"entity\"");
		assertEquals(2, cli.run("prompt", "list", "--project", project.toString()));
		assertTrue(cli.err().contains("broken.json:1:"), cli.err());
		assertTrue(cli.err().contains("malformed JSON"), cli.err());
	}

	@Test
	void testAndEvaluateRunTheBuiltInEngine() throws IOException {
		if (!Files.isRegularFile(DISTRIBUTION.resolve("bin/labelbench-server"))) {
			System.err.println("PromptCommandTest: no server distribution in " + DISTRIBUTION + ", not run");
			return;
		}
		String text = "😀 She was sent to the pain clinic with headache.";
		assertEquals(0, cli.run("prompt", "test", "--project", project.toString(), "--prompt", "problem", "--text",
				text), cli.err());
		int at = text.indexOf("headache");
		assertEquals("PROBLEM\t[" + at + "," + (at + 8) + ")\theadache\t1.000\n", cli.out());

		Path tasks = dir.resolve("tasks.json");
		Files.writeString(tasks, """
				[{"id": 1, "data": {"text": "He reports chest pain today."}, "annotations": [{"ground_truth": true,
				  "result": [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
				    "value": {"start": 11, "end": 21, "text": "chest pain", "labels": ["PROBLEM"]}},
				   {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
				    "value": {"start": 0, "end": 2, "text": "He", "labels": ["DRUG"]}}]}]},
				 {"id": 2, "data": {"text": "Headache and aspirin."}, "annotations": [{"ground_truth": true,
				  "result": [{"id": "c", "from_name": "label", "to_name": "text", "type": "labels",
				    "value": {"start": 0, "end": 8, "text": "Headache", "labels": ["PROBLEM"]}},
				   {"id": "d", "from_name": "label", "to_name": "text", "type": "labels",
				    "value": {"start": 9, "end": 12, "text": "and", "labels": ["PROBLEM"]}}]}]}]""");
		assertEquals(0, cli.run("import", "--project", project.toString(), tasks.toString()), cli.err());
		assertEquals(0, cli.run("prompt", "evaluate", "--project", project.toString(), "--cache",
				Files.createDirectories(dir.resolve("models")).toString()), cli.err());
		assertTrue(cli.out().startsWith("Evaluated prompts problem (prompts@"), cli.out());
		assertTrue(cli.out().contains("on 2 of 2 tasks"), cli.out());
		// two of three PROBLEM spans found, nothing else; DRUG has no prompt and is not counted
		assertTrue(cli.out().contains("PROBLEM  1.000  0.667  0.800"), cli.out());
		assertTrue(!cli.out().contains("DRUG"), cli.out());
	}
}
