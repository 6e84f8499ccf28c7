package io.labelbench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;

/** Rule files and the rules library (moved here from RuleEngineTest when the engine became its own bundle). */
class RuleFilesTest {

	@TempDir
	Path dir;

	@Test
	void ruleFilesWithCsvDictionaries() throws Exception {
		Files.writeString(dir.resolve("drugs.csv"), "term,comment\n\"metformin\",diabetes\nwarfarin\n\n");
		Files.writeString(dir.resolve("rules.json"), """
				[{"name": "drugs", "label": "DRUG", "type": "dictionary", "terms": ["aspirin"], "dictionaryFile": "drugs.csv"},
				 {"name": "mg", "label": "STRENGTH", "type": "regex", "pattern": "\\\\d+ mg"}]""");
		List<Rule> rules = RuleFiles.readFolder(dir);
		assertEquals(List.of("aspirin", "term", "metformin", "warfarin"), rules.get(0).terms());
		assertEquals(List.of("DRUG[0,9)metformin", "STRENGTH[10,16)500 mg"),
				new RuleEngine(rules).apply("metformin 500 mg").stream()
						.map(m -> m.label() + "[" + m.start() + "," + m.end() + ")" + m.text()).toList());

		Files.writeString(dir.resolve("rules.json"),
				"{\"name\": \"x\", \"label\": \"L\", \"type\": \"dictionary\", \"dictionaryFile\": \"../../etc/passwd\"}");
		RuleException e = assertThrows(RuleException.class, () -> RuleFiles.readFolder(dir));
		assertTrue(e.getMessage().endsWith("dictionaryFile '../../etc/passwd' is outside the rules folder"), e.getMessage());
		Files.writeString(dir.resolve("rules.json"), "{\"name\": \"x\", \"type\": \"regex\"}");
		e = assertThrows(RuleException.class, () -> RuleFiles.readFolder(dir));
		assertTrue(e.getMessage().endsWith("rules.json (rule 'x'): 'label' is missing"), e.getMessage());
	}

	@Test
	void libraryZipRoundTripAndHostileZip() throws Exception {
		RulesLibrary library = new RulesLibrary(dir.resolve("library"));
		RuleFiles.write(library.folder().resolve("clinical.json"),
				List.of(Rule.dictionary("drugs", "DRUG", List.of("aspirin"), false, true)));
		Path zip = dir.resolve("rules.zip");
		library.exportZip(zip);

		RulesLibrary other = new RulesLibrary(dir.resolve("other"));
		assertEquals(List.of("drugs"), other.importZip(zip, Progress.NONE));
		assertEquals(library.rules(), other.rules());

		Path hostile = dir.resolve("hostile.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
			out.putNextEntry(new ZipEntry("ok.json"));
			out.write("{\"name\":\"n\",\"label\":\"L\",\"type\":\"regex\",\"pattern\":\"x\"}".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("../escape.json"));
			out.write("{}".getBytes(StandardCharsets.UTF_8));
		}
		IOException e = assertThrows(IOException.class, () -> other.importZip(hostile, Progress.NONE));
		assertTrue(e.getMessage().contains("would be written outside the target folder"), e.getMessage());
		assertTrue(Files.notExists(dir.resolve("escape.json")));
		assertEquals(List.of("drugs"), other.rules().stream().map(Rule::name).toList(), "library unchanged");
	}

	@Test
	void aZipBombIsRefusedBeforeItFillsTheDisk() throws Exception {
		RulesLibrary library = new RulesLibrary(dir.resolve("library"));
		RuleFiles.write(library.folder().resolve("clinical.json"),
				List.of(Rule.dictionary("drugs", "DRUG", List.of("aspirin"), false, true)));
		Path bomb = dir.resolve("bomb.zip");
		// 300 MB of spaces in a third of a MB, under the library's 512 MB in all, made here by streaming
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
			out.putNextEntry(new ZipEntry("dictionary.json"));
			byte[] spaces = new byte[1 << 20];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 300; i++) {
				out.write(spaces);
			}
		}
		IOException e = assertThrows(IOException.class, () -> library.importZip(bomb, Progress.NONE));
		assertTrue(e.getMessage().startsWith("bomb.zip: entry 'dictionary.json' unpacks to more than 256 MB")
				|| e.getMessage().startsWith("bomb.zip: entry 'dictionary.json' inflates to more than 100 times"),
				e.getMessage());
		assertEquals(List.of("drugs"), library.rules().stream().map(Rule::name).toList(), "library unchanged");
	}
}
