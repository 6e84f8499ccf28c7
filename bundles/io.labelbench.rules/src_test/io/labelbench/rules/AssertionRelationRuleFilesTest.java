package io.labelbench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;

/** Assertion and relation rules in rule files and the rules library. */
class AssertionRelationRuleFilesTest {

	static final Rule NEGATION = Rule.assertion("negation", new Rule.Assertion(
			List.of(new Rule.Trigger("no", "absent", Rule.Position.PRE),
					new Rule.Trigger("ruled out", "absent", Rule.Position.POST),
					new Rule.Trigger("should ... develop", "hypothetical", Rule.Position.PRE)),
			NegexAssertions.CLINICAL_EN, List.of("but", ";"), 5, List.of("PROBLEM"), true));
	static final Rule DOSAGE = Rule.relation("dosage", "DRUG-DOSAGE", new Rule.Relation("DRUG", "DOSAGE", 4));

	@TempDir
	Path dir;

	@Test
	void assertionAndRelationRulesRoundTripBesideRegexRules() throws Exception {
		Rule regex = Rule.regex("mg", "DOSAGE", "\\d+ mg", false, true);
		Path file = dir.resolve("clinical.json");
		RuleFiles.write(file, List.of(regex, NEGATION, DOSAGE));
		assertEquals(List.of(regex, NEGATION, DOSAGE), RuleFiles.read(file));
		String json = Files.readString(file);
		assertEquals(true, json.contains("\"position\" : \"post\""), json);
		assertEquals(false, json.contains("\"label\" : null"), "an assertion rule has no label: " + json);
	}

	@Test
	void handWrittenRulesTakeDefaultsAndBeforeAfter() throws Exception {
		Path file = Files.writeString(dir.resolve("rules.json"), """
				[{"name": "neg", "type": "assertion", "triggerSet": "clinical_en"},
				 {"name": "family", "type": "assertion", "triggers": [
				   {"phrase": "mother", "status": "associated_with_someone_else", "position": "before"},
				   {"phrase": "in father", "status": "associated_with_someone_else", "position": "after"}]},
				 {"name": "freq", "label": "DRUG-FREQUENCY", "type": "relation", "fromLabel": "DRUG",
				  "toLabel": "FREQUENCY"}]""");
		List<Rule> rules = RuleFiles.read(file);
		assertEquals(new Rule.Assertion(List.of(), "clinical_en", List.of(), Rule.Assertion.DEFAULT_WINDOW, List.of(),
				false), rules.get(0).assertion());
		assertEquals(List.of(Rule.Position.PRE, Rule.Position.POST),
				rules.get(1).assertion().triggers().stream().map(Rule.Trigger::position).toList());
		assertEquals(new Rule.Relation("DRUG", "FREQUENCY", Rule.Relation.DEFAULT_MAX_TOKENS), rules.get(2).relation());
		// and they run
		String text = "No fever. Mother had asthma.";
		assertEquals(List.of("absent", "associated_with_someone_else"),
				new NegexAssertions(rules.subList(0, 2)).assess(text,
						List.of(new Entity(3, 8, "PROBLEM"), new Entity(21, 27, "PROBLEM"))).stream()
						.map(a -> a.status()).toList());
	}

	@Test
	void badRulesAreRefusedWithFileRuleAndReason() throws Exception {
		assertBad("{\"name\": \"n\", \"type\": \"assertion\", \"triggers\": [{\"phrase\": \"no\", \"status\": \"negated\"}]}",
				"(rule 'n'): trigger 'no' has the unknown status 'negated' (known: present, absent, possible,"
						+ " hypothetical, conditional, associated_with_someone_else)");
		assertBad("{\"name\": \"n\", \"type\": \"assertion\", \"triggerSet\": \"clinical_en\", \"window\": -3}",
				"(rule 'n'): window must be at least 1 word, not -3");
		assertBad("{\"name\": \"n\", \"type\": \"assertion\", \"triggerSet\": \"clinical_en\", \"window\": \"wide\"}",
				"(rule 'n'): 'window' must be a whole number, not \"wide\"");
		assertBad("{\"name\": \"n\", \"type\": \"assertion\", \"triggers\": [{\"phrase\": \"no\", \"status\": \"absent\","
				+ " \"position\": \"middle\"}]}",
				"(rule 'n'): trigger 'no': position must be pre (before the chunk) or post (after it), not 'middle'");
		assertBad("{\"name\": \"n\", \"type\": \"assertion\"}",
				"(rule 'n'): no triggers: list trigger phrases or use the trigger set clinical_en");
		assertBad("{\"name\": \"r\", \"label\": \"DRUG-DOSAGE\", \"type\": \"relation\", \"toLabel\": \"DOSAGE\"}",
				"(rule 'r'): 'fromLabel' is missing");
		assertBad("{\"name\": \"r\", \"type\": \"relation\", \"fromLabel\": \"DRUG\", \"toLabel\": \"DOSAGE\"}",
				"(rule 'r'): 'label' is missing");
		assertBad("{\"name\": \"r\", \"label\": \"X\", \"type\": \"relation\", \"fromLabel\": \"DRUG\", \"toLabel\": "
				+ "\"DOSAGE\", \"maxTokens\": -1}", "(rule 'r'): maxTokens must be 0 or more, not -1");
		assertBad("{\"name\": \"x\", \"label\": \"X\", \"type\": \"negex\"}",
				"(rule 'x'): type must be regex, dictionary, assertion or relation, not 'negex'");
	}

	private void assertBad(String json, String expectedEnd) throws Exception {
		Path file = Files.writeString(dir.resolve("bad.json"), json);
		RuleException e = assertThrows(RuleException.class, () -> RuleFiles.read(file));
		assertEquals(file + " " + expectedEnd, e.getMessage());
		assertEquals(json, Files.readString(file), "the bad file is left as it was");
	}

	@Test
	void theLibraryZipKeepsAssertionAndRelationRulesAndRefusesABadOne() throws Exception {
		RulesLibrary library = new RulesLibrary(dir.resolve("library"));
		RuleFiles.write(library.folder().resolve("clinical.json"), List.of(NEGATION, DOSAGE));
		Path zip = dir.resolve("rules.zip");
		library.exportZip(zip);
		RulesLibrary other = new RulesLibrary(dir.resolve("other"));
		assertEquals(List.of("negation", "dosage"), other.importZip(zip, Progress.NONE));
		assertEquals(List.of(NEGATION, DOSAGE), other.rules());

		Files.writeString(library.folder().resolve("broken.json"),
				"{\"name\": \"broken\", \"type\": \"assertion\", \"triggerSet\": \"klingon\"}");
		library.exportZip(zip);
		RulesLibrary third = new RulesLibrary(dir.resolve("third"));
		RuleException e = assertThrows(RuleException.class, () -> third.importZip(zip, Progress.NONE));
		assertEquals(true, e.getMessage().endsWith("broken.json (rule 'broken'): unknown trigger set 'klingon' (known:"
				+ " clinical_en)"), e.getMessage());
		assertEquals(false, Files.exists(third.folder().resolve("clinical.json")), "a bad archive changes nothing");
	}
}
