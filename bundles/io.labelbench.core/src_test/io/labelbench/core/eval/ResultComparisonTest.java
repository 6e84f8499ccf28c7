package io.labelbench.core.eval;

import static io.labelbench.core.eval.Results.annotation;
import static io.labelbench.core.eval.Results.box;
import static io.labelbench.core.eval.Results.choices;
import static io.labelbench.core.eval.Results.relation;
import static io.labelbench.core.eval.Results.spans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Known answers: what counts as a hit, a miss and a spurious result, for each kind of result. */
class ResultComparisonTest {

	private static final double EPS = 1e-9;

	private static void assertCounts(Counts counts, long tp, long fp, long fn) {
		assertEquals(tp + " " + fp + " " + fn,
				counts.truePositives() + " " + counts.falsePositives() + " " + counts.falseNegatives(), counts.toString());
	}

	// "Take aspirin 100 mg oral daily for pain"
	private static final String GOLD_SPANS = spans("a:5:12:DRUG", "b:13:19:STRENGTH", "c:20:24:ROUTE",
			"d:25:30:FREQUENCY", "e:35:39:PROBLEM");
	private static final String PREDICTED_SPANS = spans("p:5:12:DRUG", "q:13:16:STRENGTH", "r:20:24:DOSAGE",
			"s:35:39:PROBLEM", "t:31:34:DURATION");

	@Test
	void exactAndOverlappingSpans() {
		Metrics m = ResultComparison.compare(annotation(GOLD_SPANS), annotation(PREDICTED_SPANS), Set.of());
		LabelScores exact = m.exactSpans();
		assertCounts(exact.labels().get("DRUG"), 1, 0, 0);
		assertCounts(exact.labels().get("STRENGTH"), 0, 1, 1); // "100" for "100 mg" is not exact
		assertCounts(exact.labels().get("ROUTE"), 0, 0, 1);
		assertCounts(exact.labels().get("DOSAGE"), 0, 1, 0);
		assertCounts(exact.labels().get("FREQUENCY"), 0, 0, 1); // missed
		assertCounts(exact.labels().get("DURATION"), 0, 1, 0); // spurious
		assertCounts(exact.total(), 2, 3, 3);
		assertEquals(0.4, exact.micro().precision(), EPS);
		assertEquals(0.4, exact.micro().recall(), EPS);
		assertEquals(0.4, exact.micro().f1(), EPS);
		assertEquals(2.0 / 7, exact.macro().f1(), EPS, "DRUG and PROBLEM score 1, five labels 0");

		LabelScores overlap = m.overlappingSpans();
		assertCounts(overlap.labels().get("STRENGTH"), 1, 0, 0);
		assertCounts(overlap.labels().get("ROUTE"), 0, 0, 1);
		assertCounts(overlap.total(), 3, 2, 2);
		assertEquals(0.6, overlap.micro().f1(), EPS);
		assertEquals(1, overlap.labels().get("STRENGTH").support());
	}

	@Test
	void confusionMatrixOfSpanLabels() {
		Metrics m = ResultComparison.compare(annotation(GOLD_SPANS), annotation(PREDICTED_SPANS), Set.of());
		assertEquals(Map.of("DRUG", Map.of("DRUG", 1L), "PROBLEM", Map.of("PROBLEM", 1L), "ROUTE",
				Map.of("DOSAGE", 1L), "STRENGTH", Map.of("O", 1L), "FREQUENCY", Map.of("O", 1L), "O",
				Map.of("STRENGTH", 1L, "DURATION", 1L)), m.confusion());
	}

	@Test
	void overlapMatchingIsOneToOneGreatestOverlapFirst() {
		// one prediction overlaps two reference spans: it takes the one it overlaps most, the other is missed
		Metrics m = ResultComparison.compare(annotation(spans("a:0:10:DRUG", "b:12:20:DRUG")),
				annotation(spans("p:5:15:DRUG")), Set.of());
		assertCounts(m.overlappingSpans().labels().get("DRUG"), 1, 0, 1);
		// two predictions inside one reference span: one hit, one spurious
		m = ResultComparison.compare(annotation(spans("a:0:20:DRUG")), annotation(spans("p:0:5:DRUG", "q:8:20:DRUG")),
				Set.of());
		assertCounts(m.overlappingSpans().labels().get("DRUG"), 1, 1, 0);
		// touching is not overlapping ([0,5) and [5,9) share no character), and the label must agree
		m = ResultComparison.compare(annotation(spans("a:0:5:DRUG", "b:10:15:DRUG")),
				annotation(spans("p:5:9:DRUG", "q:10:15:FORM")), Set.of());
		assertCounts(m.overlappingSpans().labels().get("DRUG"), 0, 1, 2);
		assertCounts(m.overlappingSpans().labels().get("FORM"), 0, 1, 0);
	}

	@Test
	void assertionStatusOfExactlyMatchedEntities() {
		// fever: absent on both sides; cough: absent vs possible; rash: no status on either side (not counted);
		// pain: only predicted, so its status is a spurious region but not an accuracy case
		var gold = annotation(spans("f:0:5:PROBLEM", "fa:0:5:ABSENT", "c:10:15:PROBLEM", "ca:10:15:ABSENT",
				"r:20:24:PROBLEM"));
		var predicted = annotation(spans("pf:0:5:PROBLEM", "pfa:0:5:ABSENT", "pc:10:15:PROBLEM",
				"pca:10:15:POSSIBLE", "pr:20:24:PROBLEM", "pp:30:34:PROBLEM", "ppa:30:34:ABSENT"));
		Metrics m = ResultComparison.compare(gold, predicted, Results.ASSERTIONS);
		assertEquals(1, m.assertions().agreed());
		assertEquals(2, m.assertions().total());
		assertEquals(0.5, m.assertions().accuracy(), EPS);
		assertCounts(m.assertions().regions().labels().get("ABSENT"), 1, 1, 1);
		assertCounts(m.assertions().regions().labels().get("POSSIBLE"), 0, 1, 0);
		assertCounts(m.exactSpans().labels().get("PROBLEM"), 3, 1, 0);
		assertFalse(m.exactSpans().labels().containsKey("ABSENT"), "assertion labels are not entities");

		// a status the completion gives and the prediction leaves out is a disagreement
		m = ResultComparison.compare(gold, annotation(spans("pf:0:5:PROBLEM")), Results.ASSERTIONS);
		assertEquals(0, m.assertions().agreed());
		assertEquals(1, m.assertions().total());
	}

	private static final String GOLD_RELATIONS = String.join(",", spans("d:0:7:DRUG", "s:8:14:STRENGTH",
			"f:15:20:FREQUENCY", "r:21:25:ROUTE"), relation("d", "s", "right", "DRUG-STRENGTH"),
			relation("d", "f", "right", "DRUG-FREQUENCY"), relation("d", "r", "right", "DRUG-ROUTE"));

	@Test
	void relationsRightWrongLabelReversedAndMissing() {
		// other region ids on the prediction side: relations are matched by their ends' spans, not ids
		var predicted = annotation(spans("1:0:7:DRUG", "2:8:14:STRENGTH", "3:15:20:FREQUENCY", "4:21:25:ROUTE"),
				relation("1", "2", "right", "DRUG-STRENGTH"), relation("1", "3", "right", "DRUG-DOSAGE"),
				relation("4", "1", "right", "DRUG-ROUTE"));
		Metrics m = ResultComparison.compare(annotation(GOLD_RELATIONS), predicted, Set.of());
		LabelScores relations = m.relations();
		assertCounts(relations.labels().get("DRUG-STRENGTH"), 1, 0, 0);
		assertCounts(relations.labels().get("DRUG-FREQUENCY"), 0, 0, 1); // predicted with the wrong label
		assertCounts(relations.labels().get("DRUG-DOSAGE"), 0, 1, 0);
		assertCounts(relations.labels().get("DRUG-ROUTE"), 0, 1, 1); // the wrong way round
		assertEquals(1.0 / 3, relations.micro().recall(), EPS);

		// direction "left" from ROUTE to DRUG is DRUG to ROUTE; an end with another entity label does not match
		predicted = annotation(spans("1:0:7:DRUG", "2:8:14:DOSAGE", "4:21:25:ROUTE"),
				relation("4", "1", "left", "DRUG-ROUTE"), relation("1", "2", "right", "DRUG-STRENGTH"));
		m = ResultComparison.compare(annotation(GOLD_RELATIONS), predicted, Set.of());
		assertCounts(m.relations().labels().get("DRUG-ROUTE"), 1, 0, 0);
		assertCounts(m.relations().labels().get("DRUG-STRENGTH"), 0, 1, 1);
		assertCounts(m.relations().labels().get("DRUG-FREQUENCY"), 0, 0, 1);

		// "bi" matches either order
		m = ResultComparison.compare(annotation(spans("d:0:7:DRUG", "s:8:14:STRENGTH"), relation("d", "s", "bi", "X")),
				annotation(spans("1:0:7:DRUG", "2:8:14:STRENGTH"), relation("2", "1", "bi", "X")), Set.of());
		assertCounts(m.relations().labels().get("X"), 1, 0, 0);
	}

	@Test
	void classificationPerChoicesControl() {
		Metrics all = new Metrics();
		all.add(ResultComparison.compare(annotation(choices("domain", "clinical")),
				annotation(choices("domain", "clinical")), Set.of()));
		all.add(ResultComparison.compare(annotation(choices("domain", "finance"), choices("tone", "calm", "formal")),
				annotation(choices("domain", "legal"), choices("tone", "calm")), Set.of()));
		all.add(ResultComparison.compare(annotation(), annotation(choices("domain", "legal")), Set.of()));
		assertEquals(3, all.tasks());
		Metrics.Classification domain = all.classification().get("domain");
		assertEquals(1, domain.correct());
		assertEquals(2, domain.total(), "only tasks whose completion answers the control");
		assertEquals(0.5, domain.accuracy(), EPS);
		assertCounts(domain.labels().labels().get("clinical"), 1, 0, 0);
		assertCounts(domain.labels().labels().get("finance"), 0, 0, 1);
		assertCounts(domain.labels().labels().get("legal"), 0, 2, 0);
		Metrics.Classification tone = all.classification().get("tone");
		assertEquals(0, tone.correct(), "a multi-choice answer is right only when all its choices are");
		assertCounts(tone.labels().labels().get("calm"), 1, 0, 0);
		assertCounts(tone.labels().labels().get("formal"), 0, 0, 1);
	}

	@Test
	void boxesMatchOnTheSamePageWithIouOfAtLeastHalf() {
		var gold = annotation(box("DRUG", 1, 10, 10, 20, 10), box("DRUG", 2, 50, 50, 10, 10), box("DOSE", 1, 0, 0, 10, 10));
		var predicted = annotation(box("DRUG", 1, 12, 10, 20, 10), // IoU 18/22
				box("DRUG", 1, 50, 50, 10, 10), // the page-2 box, on page 1
				box("DOSE", 1, 5, 0, 10, 10)); // IoU 50/150
		Metrics m = ResultComparison.compare(gold, predicted, Set.of());
		assertCounts(m.boxes().labels().get("DRUG"), 1, 1, 1);
		assertCounts(m.boxes().labels().get("DOSE"), 0, 1, 1);
	}
}
