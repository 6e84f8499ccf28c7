package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.labelbench.protocol.PredictResponse;
import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.rules.engine.AssertionAnnotator;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.RelationAnnotator;
import io.labelbench.rules.engine.Rule;
import io.labelbench.server.http.Predictor.AssertionStep;
import io.labelbench.server.http.Predictor.RelationStep;
import io.labelbench.server.http.Predictor.Span;

class PredictorTest {

	private static Span span(int start, int end, String label, double confidence, String from, int source) {
		return new Span(start, end, "x".repeat(end - start), label, confidence, from, "text", source);
	}

	@Test
	void longerSpanWinsThenConfidenceThenSourceOrder() {
		Span shortHigh = span(0, 5, "DRUG", 0.99, "label", 0);
		Span longLow = span(0, 12, "DRUG", 0.40, "label", 1);
		Span sameLengthLower = span(20, 25, "ROUTE", 0.5, "label", 0);
		Span sameLengthHigher = span(22, 27, "FORM", 0.9, "label", 1);
		Span tieFirst = span(40, 45, "A", 0.7, "label", 0);
		Span tieSecond = span(42, 47, "B", 0.7, "label", 1);
		Span touching = span(12, 15, "STRENGTH", 0.1, "label", 2);
		Span otherControl = span(0, 5, "ORG", 0.2, "entities", 0);

		List<Span> kept = Predictor.resolveOverlaps(List.of(shortHigh, longLow, sameLengthLower, sameLengthHigher,
				tieFirst, tieSecond, touching, otherControl));

		assertEquals(List.of(otherControl, longLow, touching, sameLengthHigher, tieFirst),
				kept.stream().sorted(java.util.Comparator.comparingInt(Span::start)
						.thenComparing(s -> s.fromName().equals("label"))).toList());
	}

	@Test
	void rulesOnlyServerAnswersGalRegionsWithExactOffsets() throws Exception {
		ServerSpec spec = new ServerSpec("rules", "rules@1", List.of(), List.of(), List.of(
				new RuleSpec("mg", "STRENGTH", Rule.Type.REGEX, "\\d+ mg", List.of(), false, true, "label", "text"),
				new RuleSpec("drugs", "DRUG", Rule.Type.DICTIONARY, null, List.of("aspirin", "阿司匹林"), false, true,
						"label", "text")));
		Predictor predictor = new Predictor(spec, null, List.of(), List.of(), List.of());
		String text = "😀 aspirin 81 mg\r\n阿司匹林 100 mg";
		List<TaskResult> out = predictor.predict(java.util.Arrays.asList(text, "", null));

		assertEquals(3, out.size());
		assertTrue(out.get(1).result().isEmpty());
		assertNull(out.get(1).score());
		var result = out.get(0).result();
		assertEquals(4, result.size(), result.toString());
		for (Region region : result) {
			var value = region.value();
			assertEquals(value.text(), text.substring(value.start(), value.end()), region.toString());
			assertEquals("labels", region.type());
			assertEquals("label", region.from_name());
		}
		assertEquals("aspirin", result.get(0).value().text());
		assertEquals(3, result.get(0).value().start()); // after a surrogate pair and a space
		assertEquals(1.0, out.get(0).score());
	}

	@Test
	void specProblemsNameTheLimit() {
		List<ModelSpec> six = java.util.stream.IntStream.range(0, 6)
				.mapToObj(i -> new ModelSpec("m" + i, "/m" + i, "label", "text", List.of())).toList();
		ServerSpec spec = new ServerSpec("six", null, List.of(), six, List.of());
		assertEquals(List.of("6 models, a server runs at most 5"), spec.problems());
		assertEquals(List.of("nothing to run: no models, rules or prompts"),
				new ServerSpec("empty", null, null, null, null).problems());
	}

	private static final String CLINICAL = "Aspirin 100 mg daily and warfarin 5 mg. No chest pain; possible fever."
			+ " Mother has diabetes.";

	/** Entities from rules only: drugs, strengths, problems, all in the control "label" of the object "text". */
	private static ServerSpec clinicalSpec() {
		return new ServerSpec("clinical", "c@1", List.of(), List.of(), List.of(
				new RuleSpec("drugs", "DRUG", Rule.Type.DICTIONARY, null, List.of("aspirin", "warfarin"), false, true,
						"label", "text"),
				new RuleSpec("mg", "STRENGTH", Rule.Type.REGEX, "\\d+ mg", List.of(), false, true, "label", "text"),
				new RuleSpec("problems", "PROBLEM", Rule.Type.DICTIONARY, null,
						List.of("chest pain", "fever", "diabetes"), false, true, "label", "text")));
	}

	/** Gives each entity whose text is a key the status of its value, with confidence 0.8. */
	private static AssertionAnnotator statuses(Map<String, String> byText, List<String> statuses) {
		return new AssertionAnnotator() {
			@Override
			public List<Assertion> assess(String text, List<Entity> entities) {
				List<Assertion> out = new ArrayList<>();
				for (int i = 0; i < entities.size(); i++) {
					Entity e = entities.get(i);
					String status = byText.get(text.substring(e.start(), e.end()).toLowerCase());
					if (status != null) {
						out.add(new Assertion(i, status, 0.8));
					}
				}
				return out;
			}

			@Override
			public List<String> statuses() {
				return statuses;
			}
		};
	}

	/** Each DRUG to the next STRENGTH (DRUG-STRENGTH, 0.9) and, not allowed by the spec below, to every PROBLEM. */
	private static final RelationAnnotator DRUG_STRENGTH = new RelationAnnotator() {
		@Override
		public List<Relation> relate(String text, List<Entity> entities) {
			List<Relation> out = new ArrayList<>();
			for (int i = 0; i < entities.size(); i++) {
				if (!entities.get(i).label().equals("DRUG")) {
					continue;
				}
				for (int j = i + 1; j < entities.size(); j++) {
					if (entities.get(j).label().equals("STRENGTH")) {
						out.add(new Relation(i, j, "DRUG-STRENGTH", 0.9));
						break;
					}
				}
				for (int j = 0; j < entities.size(); j++) {
					if (entities.get(j).label().equals("PROBLEM")) {
						out.add(new Relation(i, j, "DRUG-REASON", 0.5));
					}
				}
			}
			return out;
		}

		@Override
		public List<String> labels() {
			return List.of("DRUG-STRENGTH", "DRUG-REASON");
		}
	};

	@Test
	void assertionsAndRelationsQualifyTheEntitiesOfTheSamePrediction() throws Exception {
		List<String> allowedStatuses = List.of("absent", "possible", "associated_with_someone_else");
		AssertionStep model = new AssertionStep("assertion_model", statuses(Map.of("chest pain", "absent", "fever",
				"possible", "diabetes", "associated_with_someone_else", "aspirin", "hypothetical"),
				List.of("absent", "possible", "hypothetical", "associated_with_someone_else")), "label", "text",
				allowedStatuses);
		// later in the spec: only what the first left unqualified, and only its allowed status
		AssertionStep rules = new AssertionStep("assertion_rules",
				statuses(Map.of("chest pain", "present", "aspirin", "present", "warfarin", "conditional"),
						List.of("present", "conditional")),
				"label", "text", List.of("present"));
		AssertionStep otherObject = new AssertionStep("elsewhere", statuses(Map.of("fever", "absent"),
				List.of("absent")), "label", "image", List.of());
		RelationStep relations = new RelationStep("re", DRUG_STRENGTH, "text", List.of("DRUG-STRENGTH"));
		Predictor predictor = new Predictor(clinicalSpec(), null, List.of(), List.of(model, rules, otherObject),
				List.of(relations));

		TaskResult out = predictor.predict(List.of(CLINICAL)).get(0);

		Map<String, Region> byId = new HashMap<>();
		List<String> entities = new ArrayList<>();
		Map<String, String> assertions = new TreeMap<>();
		List<String> relationsFound = new ArrayList<>();
		for (Region r : out.result()) {
			assertNull(byId.put(r.id(), r), "ids are unique: " + r.id());
		}
		for (Region r : out.result()) {
			if (r.type().equals(Region.RELATION)) {
				Region from = byId.get(r.from_id());
				Region to = byId.get(r.to_id());
				assertNotNull(from, "from_id names a region of the same prediction: " + r);
				assertNotNull(to, "to_id names a region of the same prediction: " + r);
				assertEquals("right", r.direction());
				assertEquals(0.9, r.confidence());
				assertNull(r.value());
				relationsFound.add(from.value().text() + " -> " + to.value().text() + ": " + r.labels().get(0));
				continue;
			}
			Region.Value v = r.value();
			assertEquals(v.text(), CLINICAL.substring(v.start(), v.end()), "offsets exact: " + r);
			assertEquals("label", r.from_name());
			assertEquals("text", r.to_name());
			String label = v.labels().get(0);
			if (List.of("DRUG", "STRENGTH", "PROBLEM").contains(label)) {
				entities.add(v.text());
			} else {
				assertNull(assertions.put(v.text(), label + " " + v.confidence()), "one status per entity: " + r);
			}
		}
		assertEquals(List.of("Aspirin", "100 mg", "warfarin", "5 mg", "chest pain", "fever", "diabetes"), entities);
		assertEquals(Map.of("chest pain", "absent 0.8", "fever", "possible 0.8", "diabetes",
				"associated_with_someone_else 0.8", "Aspirin", "present 0.8"), assertions,
				"the first annotator's allowed status; hypothetical and conditional are not allowed");
		assertEquals(List.of("Aspirin -> 100 mg: DRUG-STRENGTH", "warfarin -> 5 mg: DRUG-STRENGTH"), relationsFound,
				"DRUG-REASON is not allowed");
		for (Region r : out.result()) {
			if (!r.type().equals(Region.RELATION) && assertions.containsKey(r.value().text())) {
				Region status = out.result().stream().filter(o -> o != r && o.value() != null
						&& o.value().start().equals(r.value().start()) && o.value().end().equals(r.value().end()))
						.findFirst().orElseThrow();
				assertNotEquals(status.value().labels(), r.value().labels(), "the status is a region of its own");
			}
		}
		// 7 entities of rules (1.0), 4 statuses (0.8), 2 relations (0.9)
		assertEquals(Math.round((7 * 1.0 + 4 * 0.8 + 2 * 0.9) / 13 * 10000) / 10000.0, out.score());
	}

	@Test
	void theWireFormatIsGalsWithoutNullFields() throws Exception {
		TaskResult out = new Predictor(clinicalSpec(), null, List.of(),
				List.of(new AssertionStep("a", statuses(Map.of("fever", "possible"), List.of("possible")), "label",
						"text", List.of())),
				List.of(new RelationStep("re", DRUG_STRENGTH, "text", List.of("DRUG-STRENGTH"))))
				.predict(List.of("Aspirin 100 mg for fever.")).get(0);
		var json = PreannotationServer.protocolMapper();
		String wire = json.writeValueAsString(new PredictResponse(List.of(out), "c@1", 5L));
		assertEquals("""
				{"results":[{"result":[\
				{"id":"lb1","from_name":"label","to_name":"text","type":"labels","value":{"start":0,"end":7,\
				"text":"Aspirin","labels":["DRUG"],"confidence":1.0}},\
				{"id":"lb2","from_name":"label","to_name":"text","type":"labels","value":{"start":8,"end":14,\
				"text":"100 mg","labels":["STRENGTH"],"confidence":1.0}},\
				{"id":"lb3","from_name":"label","to_name":"text","type":"labels","value":{"start":19,"end":24,\
				"text":"fever","labels":["PROBLEM"],"confidence":1.0}},\
				{"id":"lb4","from_name":"label","to_name":"text","type":"labels","value":{"start":19,"end":24,\
				"text":"fever","labels":["possible"],"confidence":0.8}},\
				{"id":"lb5","type":"relation","from_id":"lb1","to_id":"lb2","direction":"right",\
				"labels":["DRUG-STRENGTH"],"confidence":0.9}],"score":0.94}],"modelVersion":"c@1","tookMs":5}""",
				wire);
		assertEquals(out, json.readValue(wire, PredictResponse.class).results().get(0), "read back the same");
	}

	@Test
	void anAnnotatorNamingAnEntityThatDoesNotExistIsAnError() throws Exception {
		AssertionAnnotator broken = new AssertionAnnotator() {
			@Override
			public List<Assertion> assess(String text, List<Entity> entities) {
				return List.of(new Assertion(entities.size(), "absent", 1));
			}

			@Override
			public List<String> statuses() {
				return List.of("absent");
			}
		};
		Predictor predictor = new Predictor(clinicalSpec(), null, List.of(),
				List.of(new AssertionStep("broken", broken, "label", "text", List.of())), List.of());
		IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> predictor.predict(List.of("fever")));
		assertTrue(e.getMessage().contains("broken"), e.getMessage());
		assertTrue(predictor.predict(List.of("nothing to qualify")).get(0).result().isEmpty(),
				"no entities: the annotators are not asked");
	}

	@Test
	void aLongTextIsQualifiedAndRelatedAPieceAtATimeWithExactOffsets() throws Exception {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			text.append(i % 2 == 0 ? "Aspirin 100 mg daily. No fever.\r\n" : "😀 Warfarin 5 mg; possible chest pain. ");
		}
		String whole = text.toString();
		int[] longest = { 0 };
		AssertionAnnotator statuses = statuses(Map.of("fever", "absent", "chest pain", "possible"),
				List.of("absent", "possible"));
		AssertionAnnotator measured = new AssertionAnnotator() {
			@Override
			public List<Assertion> assess(String piece, List<Entity> entities) {
				longest[0] = Math.max(longest[0], piece.length());
				for (Entity e : entities) {
					assertTrue(e.end() <= piece.length(), "entities are shifted into the piece");
				}
				return statuses.assess(piece, entities);
			}

			@Override
			public List<String> statuses() {
				return statuses.statuses();
			}
		};
		Predictor predictor = new Predictor(clinicalSpec(), null, List.of(),
				List.of(new AssertionStep("a", measured, "label", "text", List.of())),
				List.of(new RelationStep("re", DRUG_STRENGTH, "text", List.of("DRUG-STRENGTH"))), 100);

		TaskResult out = predictor.predict(List.of(whole)).get(0);

		assertTrue(longest[0] <= 100, "the annotators saw pieces, the longest " + longest[0]);
		Map<String, Region> byId = new HashMap<>();
		out.result().forEach(r -> byId.put(r.id(), r));
		int statusCount = 0;
		int relationCount = 0;
		for (Region r : out.result()) {
			if (r.type().equals(Region.RELATION)) {
				Region.Value from = byId.get(r.from_id()).value();
				Region.Value to = byId.get(r.to_id()).value();
				assertTrue(to.start() - from.end() == 1, "a drug and the strength right after it: " + r);
				relationCount++;
			} else {
				Region.Value v = r.value();
				assertEquals(v.text(), whole.substring(v.start(), v.end()), r.toString());
				if (v.labels().get(0).equals("absent") || v.labels().get(0).equals("possible")) {
					statusCount++;
				}
			}
		}
		assertEquals(200, statusCount, "a status for every problem");
		assertEquals(200, relationCount, "a relation for every drug, none between sentences");
	}
}
