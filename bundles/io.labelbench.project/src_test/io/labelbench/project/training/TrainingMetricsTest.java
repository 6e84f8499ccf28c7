package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.eval.Metrics;
import io.labelbench.core.eval.ResultComparison;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;

/** The published metrics of assertion and relation models: their scores, accuracy and outcome confusion. */
class TrainingMetricsTest {

	private static Annotation result(String... regions) throws IOException {
		return new Annotation((ObjectNode) Json.mapper().readTree("{\"result\":[" + String.join(",", regions) + "]}"));
	}

	private static String span(String id, int start, int end, String label) {
		return "{\"id\":\"" + id + "\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":"
				+ "{\"start\":" + start + ",\"end\":" + end + ",\"labels\":[\"" + label + "\"]}}";
	}

	private static String relation(String from, String to, String label) {
		return "{\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\",\"type\":\"relation\",\"labels\":[\"" + label
				+ "\"]}";
	}

	@Test
	void assertionCountsEveryEntityOfTheModelsLabelsWithPresentForNoStatus() throws IOException {
		Set<String> statuses = Set.of("absent", "possible");
		// three problems: absent predicted right, possible predicted present, present predicted absent; a drug not
		// qualified by the model is not counted
		Annotation gold = result(span("a", 0, 5, "PROBLEM"), span("b", 0, 5, "absent"), span("c", 10, 15, "PROBLEM"),
				span("d", 10, 15, "possible"), span("e", 20, 25, "PROBLEM"), span("f", 30, 35, "DRUG"));
		Annotation predicted = result(span("e1", 0, 5, "PROBLEM"), span("e2", 10, 15, "PROBLEM"),
				span("e3", 20, 25, "PROBLEM"), span("e4", 30, 35, "DRUG"), span("s1", 0, 5, "absent"),
				span("s3", 20, 25, "absent"));
		OutcomeConfusion confusion = new OutcomeConfusion(TrainingType.ASSERTION, statuses, List.of("PROBLEM"));
		confusion.add(gold, predicted);
		Metrics metrics = ResultComparison.compare(gold, predicted, statuses);
		ObjectNode json = TrainingMetrics.of(TrainingType.ASSERTION, metrics, confusion, 1);
		assertEquals(0.333, json.path("accuracy").asDouble());
		assertEquals("{\"labels\":[\"absent\",\"possible\",\"present\"],\"matrix\":{\"absent\":{\"absent\":1},"
				+ "\"possible\":{\"present\":1},\"present\":{\"absent\":1}}}", json.path("confusion").toString());
		assertEquals(0.667, json.at("/perLabel/absent").asDouble(), "one of two absent regions right, the only one");
		assertEquals(0.0, json.at("/perLabel/possible").asDouble());
		assertEquals(0.5, json.path("precision").asDouble());
		assertEquals(0.5, json.path("recall").asDouble());
		assertEquals(0.333, json.path("macroF1").asDouble());
		assertEquals(1, json.path("testTasks").asInt());
	}

	@Test
	void aRelationDrawnTheOtherWayIsAnotherRelationAsEvaluateCountsIt() throws IOException {
		Annotation gold = result(span("a", 0, 5, "DRUG"), span("b", 6, 10, "DOSAGE"), span("c", 11, 15, "ROUTE"),
				relation("b", "a", "DRUG-DOSAGE"), relation("a", "c", "DRUG-ROUTE"));
		Annotation predicted = result(span("e1", 0, 5, "DRUG"), span("e2", 6, 10, "DOSAGE"), span("e3", 11, 15, "ROUTE"),
				relation("e1", "e2", "DRUG-DOSAGE"));
		OutcomeConfusion confusion = new OutcomeConfusion(TrainingType.RELATION, Set.of(), List.of("DRUG", "DOSAGE"));
		confusion.add(gold, predicted);
		assertEquals("{\"DRUG-DOSAGE\":{\"no_relation\":1},\"DRUG-ROUTE\":{\"no_relation\":1},"
				+ "\"no_relation\":{\"DRUG-DOSAGE\":1}}", confusion.toJson().path("matrix").toString());
		ObjectNode json = TrainingMetrics.of(TrainingType.RELATION, ResultComparison.compare(gold, predicted, Set.of()),
				confusion, 1);
		assertEquals(0.0, json.at("/perLabel/DRUG-ROUTE").asDouble());
		assertEquals(0.0, json.path("precision").asDouble(), "the one predicted relation runs the other way");
		assertEquals(2, json.at("/relations/micro/support").asInt(), json.toString());
	}
}
