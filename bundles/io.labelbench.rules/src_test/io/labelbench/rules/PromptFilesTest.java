package io.labelbench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

class PromptFilesTest {

	private static final String THREE = """
			[{"name": "problem", "kind": "entity", "label": "PROBLEM", "engine": "builtin",
			  "description": "a disease, symptom or finding of the patient", "examples": ["chest pain"],
			  "counterExamples": ["pain clinic"], "threshold": 0.5},
			 {"name": "cardiology", "kind": "classification", "label": "Cardiology",
			  "description": "a note about the heart or blood vessels", "threshold": 0.3},
			 {"name": "drug_dosage", "kind": "relation", "label": "DRUG-DOSAGE", "engine": "llm", "head": "DRUG",
			  "tail": "DOSAGE", "description": "the amount of the drug taken at one time"}]""";

	@TempDir
	Path dir;

	@Test
	void readsAllThreeKindsAndWritesThemBackUnchanged() throws Exception {
		Files.writeString(dir.resolve("a.json"), THREE);
		Files.writeString(dir.resolve("b.json"), """
				{"name": "drug", "kind": "ENTITY", "label": "DRUG", "description": "a medicine"}""");
		List<Prompt> prompts = PromptFiles.readFolder(dir);
		assertEquals(List.of("problem", "cardiology", "drug_dosage", "drug"), prompts.stream().map(Prompt::name).toList());
		Prompt problem = prompts.get(0);
		assertEquals(Prompt.Kind.ENTITY, problem.kind());
		assertEquals(List.of("chest pain"), problem.examples());
		assertEquals(List.of("pain clinic"), problem.counterExamples());
		assertEquals(0.5, problem.threshold());
		assertEquals(Prompt.Engine.BUILTIN, prompts.get(1).engine());
		assertEquals("DRUG", prompts.get(2).head());
		assertEquals("DOSAGE", prompts.get(2).tail());
		assertEquals(Prompt.DEFAULT_THRESHOLD, prompts.get(3).threshold());

		Path copy = dir.resolve("copy").resolve("all.json");
		Files.createDirectories(copy.getParent());
		PromptFiles.write(copy, prompts);
		assertEquals(prompts, PromptFiles.read(copy));
	}

	@Test
	void malformedJsonNamesFileLineAndColumn() throws Exception {
		Path file = dir.resolve("broken.json");
		Files.writeString(file, "[{\"name\": \"a\",\n  \"kind\" \"entity\"}]");
		RuleException e = assertThrows(RuleException.class, () -> PromptFiles.read(file));
		assertTrue(e.getMessage().startsWith(file + ":2:10: malformed JSON"), e.getMessage());
	}

	@Test
	void promptsThatCannotRunAreRefusedWithFileAndField() throws Exception {
		assertRefused("""
				{"name": "x", "kind": "span", "label": "X", "description": "d"}""",
				"[0] (prompt 'x'): kind must be entity, classification or relation, not 'span'", true);
		assertRefused("""
				{"name": "x", "kind": "entity", "label": "X", "engine": "gpt", "description": "d"}""",
				" (prompt 'x'): engine must be builtin or llm, not 'gpt'", false);
		assertRefused("""
				{"name": "x", "kind": "entity", "description": "d"}""", " (prompt 'x'): 'label' is missing", false);
		assertRefused("""
				{"name": "x", "kind": "entity", "label": "X", "description": "  "}""",
				" (prompt 'x'): 'description' is missing", false);
		assertRefused("""
				{"name": "x", "kind": "entity", "label": "X", "description": "d", "threshold": 1.5}""",
				" (prompt 'x'): threshold must be a number from 0 to 1, not 1.5", false);
		assertRefused("""
				{"name": "x", "kind": "entity", "label": "X", "description": "d", "threshold": "high"}""",
				" (prompt 'x'): threshold must be a number from 0 to 1, not \"high\"", false);
		assertRefused("""
				{"name": "r", "kind": "relation", "label": "R", "engine": "llm", "head": "A", "description": "d"}""",
				" (prompt 'r'): 'tail' is missing", false);
		assertRefused("""
				{"name": "r", "kind": "relation", "label": "R", "head": "A", "tail": "B", "description": "d"}""",
				" (prompt 'r'): relation prompts need an LLM engine", false);
		assertRefused("""
				{"name": "x", "kind": "entity", "label": "X", "description": "d", "examples": "chest pain"}""",
				" (prompt 'x'): 'examples' must be an array of strings", false);
	}

	private void assertRefused(String json, String expected, boolean inArray) throws IOException {
		Path file = dir.resolve("bad.json");
		Files.writeString(file, inArray ? "[" + json + "]" : json);
		RuleException e = assertThrows(RuleException.class, () -> PromptFiles.read(file));
		assertTrue(e.getMessage().startsWith(file + expected), e.getMessage());
	}

	@Test
	void aNameDefinedTwiceIsRefused() throws Exception {
		Files.writeString(dir.resolve("a.json"), THREE);
		Files.writeString(dir.resolve("b.json"), """
				{"name": "problem", "kind": "entity", "label": "P", "description": "d"}""");
		RuleException e = assertThrows(RuleException.class, () -> PromptFiles.readFolder(dir));
		assertTrue(e.getMessage().contains("prompt 'problem' is also defined in a.json"), e.getMessage());
	}

	@Test
	void libraryZipRoundTripAndABadArchiveChangesNothing() throws Exception {
		PromptLibrary library = new PromptLibrary(dir.resolve("library"));
		Files.createDirectories(library.folder());
		Files.writeString(library.folder().resolve("clinical.json"), THREE);
		Path zip = dir.resolve("prompts.zip");
		library.exportZip(zip);

		PromptLibrary other = new PromptLibrary(dir.resolve("other"));
		assertEquals(List.of("problem", "cardiology", "drug_dosage"), other.importZip(zip, Progress.NONE));
		assertEquals(library.prompts(), other.prompts());
		assertEquals("Cardiology", other.find("cardiology").orElseThrow().label());

		Path bad = dir.resolve("bad.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
			out.putNextEntry(new ZipEntry("clinical.json"));
			out.write("[]".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("more.json"));
			out.write("{\"name\": \"y\", \"kind\": \"entity\", \"label\": \"Y\", \"description\": \"d\", \"threshold\": -1}"
					.getBytes(StandardCharsets.UTF_8));
		}
		RuleException e = assertThrows(RuleException.class, () -> other.importZip(bad, Progress.NONE));
		assertTrue(e.getMessage().contains("threshold must be a number from 0 to 1"), e.getMessage());
		assertEquals(library.prompts(), other.prompts(), "the library is unchanged");
		assertFalse(Files.exists(other.folder().resolve("more.json")));

		Path hostile = dir.resolve("hostile.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
			out.putNextEntry(new ZipEntry("../escape.json"));
			out.write("{}".getBytes(StandardCharsets.UTF_8));
		}
		assertThrows(IOException.class, () -> other.importZip(hostile, Progress.NONE));
		assertFalse(Files.exists(dir.resolve("escape.json")));
	}
}
