package io.labelbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.Rule;

/**
 * A spec of rules only, as the workbench writes it and the server reads it: regex and dictionary rules find the
 * entities, the assertion rule qualifies them and the relation rules relate them, all without Spark.
 */
class ServerPipelineRulesTest {
	@TempDir
	Path dir;

	private static RuleSpec dictionary(String label, String... terms) {
		return new RuleSpec(label.toLowerCase(), label, Rule.Type.DICTIONARY, null, List.of(terms), false, true,
				"label", "text");
	}

	private static RuleSpec relation(String attribute) {
		return new RuleSpec("drug-" + attribute.toLowerCase(), "DRUG-" + attribute, Rule.Type.RELATION, null, null,
				false, true, "label", "text", null, new Rule.Relation("DRUG", attribute, 6));
	}

	@Test
	void assertionAndRelationRulesQualifyAndRelateTheEntitiesOfTheRules() throws Exception {
		ServerSpec written = new ServerSpec("rules", "rules@1", List.of(), List.of(), List.of(
				dictionary("PROBLEM", "chest pain", "pneumonia", "diabetes"), dictionary("DRUG", "lisinopril"),
				new RuleSpec("mg", "STRENGTH", Rule.Type.REGEX, "\\d+ mg", List.of(), false, true, "label", "text"),
				dictionary("FREQUENCY", "once daily"),
				new RuleSpec("context", null, Rule.Type.ASSERTION, null, null, false, true, "label", "text",
						new Rule.Assertion(List.of(), NegexAssertions.CLINICAL_EN, List.of(),
								Rule.Assertion.DEFAULT_WINDOW, List.of("PROBLEM"), false),
						null),
				relation("STRENGTH"), relation("FREQUENCY")));
		Path file = dir.resolve("spec.json");
		new ObjectMapper().writeValue(file.toFile(), written);
		ServerSpec spec = PreannotationServer.readSpec(file);

		ServerPipeline pipeline = ServerPipeline.load(spec, () -> {
			throw new AssertionError("rules need no Spark");
		});
		assertEquals(List.of("DRUG", "FREQUENCY", "PROBLEM", "STRENGTH"), pipeline.labels());
		assertEquals(NegexAssertions.STATUSES.stream().filter(s -> !s.equals(NegexAssertions.PRESENT)).sorted()
				.toList(), pipeline.assertionLabels().stream().filter(s -> !s.equals(NegexAssertions.PRESENT))
				.toList());
		assertEquals(List.of("DRUG-FREQUENCY", "DRUG-STRENGTH"), pipeline.relationLabels());

		String text = "😀 The patient denies chest pain. She may have pneumonia. Her mother has diabetes.\r\n"
				+ "Started on lisinopril 20 mg once daily.";
		TaskResult result = pipeline.predictor().predict(List.of(text)).get(0);
		Map<String, Region> byId = new HashMap<>();
		result.result().forEach(r -> byId.put(r.id(), r));
		Map<String, String> statuses = new TreeMap<>();
		List<String> relations = new ArrayList<>();
		for (Region r : result.result()) {
			if (r.type().equals(Region.RELATION)) {
				Region from = byId.get(r.from_id());
				Region to = byId.get(r.to_id());
				assertNotNull(from, r.toString());
				assertNotNull(to, r.toString());
				relations.add(from.value().text() + " -> " + to.value().text() + ": " + r.labels().get(0));
			} else {
				assertEquals(r.value().text(), text.substring(r.value().start(), r.value().end()), r.toString());
				if (NegexAssertions.STATUSES.contains(r.value().labels().get(0))) {
					statuses.put(r.value().text(), r.value().labels().get(0));
				}
			}
		}
		assertEquals(Map.of("chest pain", "absent", "pneumonia", "possible", "diabetes",
				"associated_with_someone_else"), statuses);
		assertEquals(List.of("lisinopril -> 20 mg: DRUG-STRENGTH", "lisinopril -> once daily: DRUG-FREQUENCY"),
				relations);
	}
}
