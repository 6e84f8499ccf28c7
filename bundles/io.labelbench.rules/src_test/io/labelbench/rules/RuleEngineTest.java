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

class RuleEngineTest {

	@TempDir
	Path dir;

	private static List<String> spans(List<RuleMatch> matches) {
		return matches.stream().map(m -> m.label() + "[" + m.start() + "," + m.end() + ")" + m.text()).toList();
	}

	@Test
	void regexAndDictionaryWithCaseWholeWordAndOverlapPolicy() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(
				Rule.dictionary("drugs", "DRUG", List.of("aspirin", "Aspirin C", "pirin"), false, true),
				Rule.regex("strength", "STRENGTH", "\\d+(\\.\\d+)? ?mg", false, true),
				Rule.dictionary("codes", "CODE", List.of("BID"), true, true)));
		String text = "😀 ASPIRIN C 100 mg bid; aspirinX; Aspirin 2.5mg BID";
		assertEquals(List.of("DRUG[3,12)ASPIRIN C", "STRENGTH[13,19)100 mg", "DRUG[35,42)Aspirin",
				"STRENGTH[43,48)2.5mg", "CODE[49,52)BID"), spans(engine.apply(text)));
		for (RuleMatch match : engine.apply(text)) {
			assertEquals(text.substring(match.start(), match.end()), match.text());
		}
	}

	@Test
	void catastrophicRegexIsStoppedWithTheRuleNamed() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(Rule.regex("evil", "X", "((a+)+)\\2$", true, false)));
		long started = System.nanoTime();
		RuleException e = assertThrows(RuleException.class, () -> engine.apply("a".repeat(40) + "!"));
		assertTrue(e.getMessage().startsWith("rule 'evil': the regular expression backtracks too much"), e.getMessage());
		assertTrue(System.nanoTime() - started < 10_000_000_000L, "stopped, not left running (unguarded: ~1 min)");
	}

	@Test
	void deeplyRecursiveRegexOnALongTextIsAClearError() throws RuleException {
		RuleEngine engine = new RuleEngine(List.of(Rule.regex("alternation", "X", "(a|b)*c", true, false)));
		RuleException e = assertThrows(RuleException.class, () -> engine.apply("ab".repeat(200_000)));
		assertTrue(e.getMessage().startsWith("rule 'alternation': the regular expression"), e.getMessage());
	}

	@Test
	void invalidRegexIsAClearError() {
		RuleException e = assertThrows(RuleException.class,
				() -> new RuleEngine(List.of(Rule.regex("bad", "X", "(unclosed", true, false))));
		assertTrue(e.getMessage().startsWith("rule 'bad': invalid regular expression: Unclosed group"), e.getMessage());
	}

	@Test
	void ruleFilesWithCsvDictionaries() throws Exception {
		Files.writeString(dir.resolve("drugs.csv"), "term,comment\n\"metformin\",diabetes\nwarfarin\n\n");
		Files.writeString(dir.resolve("rules.json"), """
				[{"name": "drugs", "label": "DRUG", "type": "dictionary", "terms": ["aspirin"], "dictionaryFile": "drugs.csv"},
				 {"name": "mg", "label": "STRENGTH", "type": "regex", "pattern": "\\\\d+ mg"}]""");
		List<Rule> rules = RuleFiles.readFolder(dir);
		assertEquals(List.of("aspirin", "term", "metformin", "warfarin"), rules.get(0).terms());
		assertEquals(List.of("DRUG[0,9)metformin", "STRENGTH[10,16)500 mg"),
				spans(new RuleEngine(rules).apply("metformin 500 mg")));

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
}
