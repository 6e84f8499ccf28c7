package io.labelbench.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Relation rules: nearest head, never across another head, within a sentence and a distance. */
class RelationRulesTest {

	private static final Rule STRENGTH = Rule.relation("strength", "DRUG-STRENGTH",
			new Rule.Relation("DRUG", "STRENGTH", 4));
	private static final Rule FREQUENCY = Rule.relation("frequency", "DRUG-FREQUENCY",
			new Rule.Relation("DRUG", "FREQUENCY", 6));

	/** Entities "text:LABEL" found in order; relations as "head -LABEL-> tail", sorted by tail. */
	private static List<String> relate(RelationAnnotator rules, String text, String... chunks) {
		List<Entity> entities = new ArrayList<>();
		int from = 0;
		for (String chunk : chunks) {
			String[] parts = chunk.split(":");
			int start = text.indexOf(parts[0], from);
			entities.add(new Entity(start, start + parts[0].length(), parts[1]));
			from = start + parts[0].length();
		}
		List<RelationAnnotator.Relation> relations = new ArrayList<>(rules.relate(text, entities));
		relations.sort((a, b) -> Integer.compare(a.to(), b.to()));
		return relations.stream().map(r -> text.substring(entities.get(r.from()).start(), entities.get(r.from()).end())
				+ " -" + r.label() + "-> " + text.substring(entities.get(r.to()).start(), entities.get(r.to()).end()))
				.toList();
	}

	@Test
	void eachTailGoesToItsNearestHeadOnEitherSide() throws RuleException {
		RelationRules rules = new RelationRules(List.of(STRENGTH));
		assertEquals(List.of("aspirin -DRUG-STRENGTH-> 100 mg", "ibuprofen -DRUG-STRENGTH-> 200 mg"),
				relate(rules, "Aspirin 100 mg and ibuprofen 200 mg daily.", "Aspirin:DRUG", "100 mg:STRENGTH",
						"ibuprofen:DRUG", "200 mg:STRENGTH").stream().map(s -> s.replace("Aspirin", "aspirin")).toList());
		assertEquals(List.of("aspirin -DRUG-STRENGTH-> 100 mg"),
				relate(rules, "Give 100 mg of aspirin.", "100 mg:STRENGTH", "aspirin:DRUG"), "head after the tail");
		assertEquals(List.of("aspirin -DRUG-STRENGTH-> 81 mg"),
				relate(rules, "aspirin 81 mg", "aspirin:DRUG", "81 mg:STRENGTH"));
		assertEquals(List.of("ibuprofen -DRUG-STRENGTH-> 200 mg"),
				relate(rules, "aspirin and 200 mg ibuprofen", "aspirin:DRUG", "200 mg:STRENGTH", "ibuprofen:DRUG"),
				"the nearer head wins whichever side it is on");
		assertEquals(List.of("aspirin -DRUG-STRENGTH-> 5 mg"),
				relate(rules, "aspirin 5 mg ibuprofen", "aspirin:DRUG", "5 mg:STRENGTH", "ibuprofen:DRUG"),
				"at equal distance the head before the tail wins");
	}

	@Test
	void aHeadIsNeverReachedAcrossAnotherHead() throws RuleException {
		RelationRules rules = new RelationRules(List.of(FREQUENCY));
		// "daily" is 3 words after aspirin's tail side but ibuprofen stands between: it goes to ibuprofen only
		assertEquals(List.of("ibuprofen -DRUG-FREQUENCY-> daily"),
				relate(rules, "aspirin then ibuprofen taken daily", "aspirin:DRUG", "ibuprofen:DRUG", "daily:FREQUENCY"));
	}

	@Test
	void relationsStayInTheirSentenceAndWithinTheDistance() throws RuleException {
		RelationRules rules = new RelationRules(List.of(STRENGTH));
		assertEquals(List.of(), relate(rules, "Aspirin. 100 mg", "Aspirin:DRUG", "100 mg:STRENGTH"));
		assertEquals(List.of(), relate(rules, "aspirin was given at a dose of about 100 mg", "aspirin:DRUG",
				"100 mg:STRENGTH"), "6 words between, at most 4 allowed");
		assertEquals(List.of("aspirin -DRUG-STRENGTH-> 100 mg"),
				relate(rules, "aspirin, a dose of 100 mg", "aspirin:DRUG", "100 mg:STRENGTH"), "3 words between");
	}

	@Test
	void severalRulesOneRelationPerTailAndPair() throws RuleException {
		RelationRules rules = new RelationRules(List.of(STRENGTH, FREQUENCY,
				Rule.relation("again", "OTHER", new Rule.Relation("DRUG", "STRENGTH", 4))));
		assertEquals(List.of("metformin -DRUG-STRENGTH-> 500 mg", "metformin -DRUG-FREQUENCY-> twice daily"),
				relate(rules, "metformin 500 mg twice daily", "metformin:DRUG", "500 mg:STRENGTH",
						"twice daily:FREQUENCY"), "the first rule relating a pair wins");
		assertEquals(List.of("DRUG-STRENGTH", "DRUG-FREQUENCY", "OTHER"), rules.labels());
	}

	@Test
	void badRulesAreNamed() {
		assertEquals("rule 'x': maxTokens must be 0 or more, not -1", assertThrows(RuleException.class,
				() -> new RelationRules(List.of(Rule.relation("x", "R", new Rule.Relation("A", "B", -1))))).getMessage());
		assertEquals("rule 'x': the tail entity label (toLabel) is missing", assertThrows(RuleException.class,
				() -> new RelationRules(List.of(Rule.relation("x", "R", new Rule.Relation("A", " ", 2))))).getMessage());
		assertEquals("rule 'x': the relation label is missing", assertThrows(RuleException.class,
				() -> new RelationRules(List.of(Rule.relation("x", null, new Rule.Relation("A", "B", 2))))).getMessage());
		assertEquals("rule 'd' is a dictionary rule, not a relation rule", assertThrows(RuleException.class,
				() -> new RelationRules(List.of(Rule.dictionary("d", "DRUG", List.of("a"), false, true)))).getMessage());
	}
}
