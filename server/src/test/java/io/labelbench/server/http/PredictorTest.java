package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.rules.engine.Rule;
import io.labelbench.server.http.Predictor.Span;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;

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
		Predictor predictor = new Predictor(spec, null, List.of());
		String text = "😀 aspirin 81 mg\r\n阿司匹林 100 mg";
		List<ObjectNode> out = predictor.predict(java.util.Arrays.asList(text, "", null));

		assertEquals(3, out.size());
		assertTrue(out.get(1).path("result").isEmpty());
		assertFalse(out.get(1).has("score"));
		var result = out.get(0).path("result");
		assertEquals(4, result.size(), result.toString());
		for (var region : result) {
			var value = region.path("value");
			assertEquals(value.path("text").asText(),
					text.substring(value.path("start").asInt(), value.path("end").asInt()), region.toString());
			assertEquals("labels", region.path("type").asText());
			assertEquals("label", region.path("from_name").asText());
		}
		assertEquals("aspirin", result.get(0).path("value").path("text").asText());
		assertEquals(3, result.get(0).path("value").path("start").asInt()); // after a surrogate pair and a space
		assertEquals(1.0, out.get(0).path("score").asDouble());
	}

	@Test
	void specProblemsNameTheLimit() {
		List<ModelSpec> six = java.util.stream.IntStream.range(0, 6)
				.mapToObj(i -> new ModelSpec("m" + i, "/m" + i, "label", "text", List.of())).toList();
		ServerSpec spec = new ServerSpec("six", null, List.of(), six, List.of());
		assertEquals(List.of("6 models, a server runs at most 5"), spec.problems());
		assertEquals(List.of("nothing to run: no models and no rules"),
				new ServerSpec("empty", null, null, null, null).problems());
	}
}
