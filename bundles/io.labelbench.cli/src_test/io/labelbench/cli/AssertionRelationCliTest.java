package io.labelbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, export and hub labels with assertion statuses and relations, as a user runs them. */
class AssertionRelationCliTest {

	private static final String CONFIG = """
			<View>
			  <Relations><Relation value="DRUG-DOSAGE"/></Relations>
			  <Labels name="label" toName="text">
			    <Label value="PROBLEM"/><Label value="DRUG"/><Label value="DOSAGE"/>
			    <Label value="absent" assertion="true"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	@TempDir
	Path dir;
	private final CliRun cli = new CliRun();

	private Path project(String results) throws IOException {
		Path file = dir.resolve("in.json");
		Files.writeString(file, "[{\"id\": 1, \"data\": {\"text\": \"No fever. Aspirin 100 mg.\"}, \"completions\":"
				+ " [{\"id\": 1, \"result\": [" + results + "]}]}]");
		Path project = dir.resolve("project");
		assertEquals(0, cli.run("import", "--project", project.toString(), file.toString()), cli.err());
		Files.writeString(project.resolve("labeling-config.xml"), CONFIG);
		return project;
	}

	private static String span(String id, int start, int end, String text, String label) {
		return "{\"id\": \"" + id + "\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", \"value\":"
				+ " {\"start\": " + start + ", \"end\": " + end + ", \"text\": \"" + text + "\", \"labels\": [\"" + label
				+ "\"]}}";
	}

	private static String relation(String id, String from, String to, String label) {
		return "{\"id\": \"" + id + "\", \"type\": \"relation\", \"from_id\": \"" + from + "\", \"to_id\": \"" + to
				+ "\", \"direction\": \"right\", \"labels\": [\"" + label + "\"]}";
	}

	@Test
	void checkReportsBrokenStatusesAndRelationsAndKeepsThem() throws IOException {
		Path project = project(String.join(",", span("e", 3, 8, "fever", "PROBLEM"), span("s", 3, 7, "feve", "absent"),
				span("d", 10, 17, "Aspirin", "DRUG"), relation("r1", "d", "q", "DRUG-DOSAGE"),
				relation("r2", "d", "e", "absent")));
		String before = Files.readString(project.resolve("tasks/1.json"));
		assertEquals(1, cli.run("check", "--project", project.toString()));
		assertEquals("""
				task 1: completions[0].result[1] (id s): assertion status 'absent' on [3, 7) "feve": no entity region of \
				'text' has exactly this span; a status qualifies the entity chunk with the same offsets
				task 1: completions[0].result[3] (id r1): relation to_id 'q' names no region of this annotation
				task 1: completions[0].result[4] (id r2): relation label 'absent' is an assertion status (assertion="true" \
				in the config): a status is a region on the span of the chunk it qualifies, not a relation
				""", cli.out());
		assertTrue(cli.err().contains("1 task checked, 3 problems"), cli.err());
		assertEquals(before, Files.readString(project.resolve("tasks/1.json")), "check changes nothing");
	}

	@Test
	void conllExportSaysWhatItCouldNotCarry() throws IOException {
		Path project = project(String.join(",", span("e", 3, 8, "fever", "PROBLEM"), span("s", 3, 8, "fever", "absent"),
				span("d", 10, 17, "Aspirin", "DRUG"), span("q", 18, 24, "100 mg", "DOSAGE"),
				relation("r1", "d", "q", "DRUG-DOSAGE")));
		assertEquals(0, cli.run("check", "--project", project.toString()), cli.out());
		Path conll = dir.resolve("out.conll");
		assertEquals(0, cli.run("export", "--project", project.toString(), "--format", "conll", "--out",
				conll.toString()));
		assertTrue(cli.err().contains("warning: conll has no place for relations and assertion statuses: 1 relation"
				+ " and 1 assertion status of the exported answers left out (export as gal, labelstudio or jsonl to keep"
				+ " them)"), cli.err());
		assertTrue(Files.readString(conll, StandardCharsets.UTF_8).contains("fever -X- -X- B-PROBLEM"));
		Path gal = dir.resolve("out.json");
		assertEquals(0, cli.run("export", "--project", project.toString(), "--format", "gal", "--out", gal.toString()));
		assertTrue(!cli.err().contains("no place"), cli.err());
	}
}
