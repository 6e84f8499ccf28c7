package io.labelbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.json.Json;

/** {@code labelbench evaluate} on a small project folder, as a user runs it. */
class EvaluateCommandTest {

	@TempDir
	Path dir;
	private Path project;
	private final CliRun cli = new CliRun();

	private static final String CONFIG = """
			<View>
			  <Relations><Relation value="DRUG-STRENGTH"/></Relations>
			  <Labels name="label" toName="text">
			    <Label value="DRUG"/><Label value="STRENGTH"/><Label value="PROBLEM"/>
			    <Label value="ABSENT" assertion="true"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			  <Choices name="domain" toName="text"><Choice value="clinical"/><Choice value="finance"/></Choices>
			</View>
			""";

	private static String span(String id, int start, int end, String label) {
		return "{\"id\": \"" + id + "\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\","
				+ " \"value\": {\"start\": " + start + ", \"end\": " + end + ", \"labels\": [\"" + label + "\"]}}";
	}

	private static final String DOMAIN_CLINICAL = "{\"from_name\": \"domain\", \"to_name\": \"text\", \"type\":"
			+ " \"choices\", \"value\": {\"choices\": [\"clinical\"]}}";
	private static final String STRENGTH_OF_ASPIRIN = "{\"type\": \"relation\", \"from_id\": \"d\", \"to_id\": \"s\","
			+ " \"direction\": \"right\", \"labels\": [\"DRUG-STRENGTH\"]}";

	@BeforeEach
	void project() throws IOException {
		project = dir.resolve("project");
		Files.createDirectories(project.resolve("tasks"));
		Files.writeString(project.resolve("labeling-config.xml"), CONFIG);
		// "aspirin 100 mg, no fever": everything right but the fever's status and the strength's extent
		String completion = String.join(",", span("d", 0, 7, "DRUG"), span("s", 8, 14, "STRENGTH"),
				span("f", 19, 24, "PROBLEM"), span("fa", 19, 24, "ABSENT"), STRENGTH_OF_ASPIRIN, DOMAIN_CLINICAL);
		String prediction = String.join(",", span("d", 0, 7, "DRUG"), span("s", 8, 11, "STRENGTH"),
				span("f", 19, 24, "PROBLEM"), STRENGTH_OF_ASPIRIN, DOMAIN_CLINICAL);
		task(1, "[\"test\"]", completion, prediction);
		// a training task with a bad prediction: not a test task, so it must change nothing
		task(2, "[]", completion, span("x", 0, 7, "PROBLEM"));
	}

	private void task(int id, String tags, String completion, String prediction) throws IOException {
		Files.writeString(project.resolve("tasks/" + id + ".json"), "{\"id\": " + id + ", \"tags\": " + tags
				+ ", \"data\": {\"text\": \"aspirin 100 mg, no fever\"}, \"completions\": [{\"id\": 1,"
				+ " \"submitted_at\": \"2026-11-01T10:00:00Z\", \"result\": [" + completion + "]}], \"predictions\":"
				+ " [{\"id\": 1, \"model_version\": \"ner_posology_labelbench@1733000000000\", \"created_username\":"
				+ " \"server:posology\", \"result\": [" + prediction + "]}]}");
	}

	@Test
	void printsTheTableAndWritesTheReport() throws IOException {
		Path report = dir.resolve("out/report.json");
		Files.createDirectories(report.getParent());
		assertEquals(0, cli.run("evaluate", "--project", project.toString(), "--model", "posology", "--out",
				report.toString()), cli.err());
		String out = cli.out();
		assertTrue(out.startsWith("Evaluated predictions of model posology on 1 of 1 test task (tasks tagged \"test\");"
				+ " 0 without a submitted or ground-truth completion, 0 without a prediction\n"
				+ "model versions: ner_posology_labelbench@1733000000000 (1 task)\n"), out);
		assertTrue(out.contains("label     P      R      F1     P      R      F1     support\n"
				+ "DRUG      1.000  1.000  1.000  1.000  1.000  1.000  1\n"
				+ "PROBLEM   1.000  1.000  1.000  1.000  1.000  1.000  1\n"
				+ "STRENGTH  0.000  0.000  0.000  1.000  1.000  1.000  1\n"
				+ "micro     0.667  0.667  0.667  1.000  1.000  1.000  3\n"), out);
		assertTrue(out.contains("\nconfusions (completion as prediction, O = no span): O as STRENGTH (1), STRENGTH as O (1)\n"),
				out);
		assertTrue(out.contains("classification domain: accuracy 1.000 (1 of 1)\n"), out);
		assertTrue(out.contains("assertion: accuracy 0.000 (0 of 1 exactly matched entities with a status)\n"), out);
		// the relation's STRENGTH end is not the same span on both sides
		assertTrue(out.contains("  DRUG-STRENGTH  0.000  0.000  0.000  1\n"), out);
		assertTrue(out.endsWith("report written to " + report + "\n"), out);

		JsonNode json = Json.mapper().readTree(report.toFile());
		assertEquals(2.0 / 3, json.at("/spans/exact/micro/f1").asDouble(), 1e-9);
		assertEquals(1, json.at("/confusion/matrix/STRENGTH/O").asInt());
		assertEquals(1, json.at("/assertion/regions/labels/ABSENT/fn").asInt());
		assertEquals(1, json.at("/tasks/test").asInt());
	}

	@Test
	void clearErrorsWithExitTwo() throws IOException {
		assertEquals(2, cli.run("evaluate", "--project", project.toString(), "--prediction-version", "ner@9"));
		assertTrue(cli.err().contains("\nlabelbench: evaluate: no predictions: none of the 1 test tasks with a"
				+ " completion has predictions of model version ner@9; their predictions are of model version"
				+ " ner_posology_labelbench@1733000000000\n"), cli.err());

		assertEquals(2, cli.run("evaluate", "--project", project.toString(), "--split", "2"));
		assertTrue(cli.err().startsWith("labelbench: evaluate: --split takes the fraction of tasks to test on"),
				cli.err());
		assertEquals(2, cli.run("evaluate", "--project", project.toString(), "--model", "a", "--prediction-version",
				"b"));
		assertTrue(cli.err().startsWith("labelbench: evaluate: give --model or --prediction-version, not both"),
				cli.err());

		Path task = project.resolve("tasks/1.json");
		String before = Files.readString(task);
		assertEquals(2, cli.run("evaluate", "--project", project.toString(), "--out", task.toString()));
		assertTrue(cli.err().startsWith("labelbench: evaluate: " + task + ": inside the project (tasks/)"), cli.err());
		assertEquals(before, Files.readString(task));

		// without test tags: a split is needed
		Files.writeString(task, before.replace("[\"test\"]", "[]"));
		assertEquals(2, cli.run("evaluate", "--project", project.toString()));
		assertTrue(cli.err().contains("labelbench: evaluate: no test tasks: no task is tagged \"test\""), cli.err());
		assertTrue(cli.err().endsWith(" (--split F)\n"), cli.err());
		assertFalse(cli.err().contains("Exception"), cli.err());
		assertEquals(0, cli.run("evaluate", "--project", project.toString(), "--split", "1"), cli.err());
		assertTrue(cli.out().startsWith("Evaluated the latest prediction of each task on 2 of 2 test tasks"
				+ " (a split of 1.0 of the tasks by id)"), cli.out());
	}

	@Test
	void helpListsTheCommand() {
		assertEquals(0, cli.run("--help"));
		assertTrue(cli.out().contains(
				"  evaluate --project DIR [--model NAME | --prediction-version V] [--split F] [--out FILE.json]\n"));
	}
}
