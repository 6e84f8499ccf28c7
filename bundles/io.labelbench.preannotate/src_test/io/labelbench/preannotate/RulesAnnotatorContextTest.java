package io.labelbench.preannotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.Rule;

/** Rules alone, without a server: entities, their assertion statuses and the relations between them. */
class RulesAnnotatorContextTest {

	@TempDir
	Path dir;

	@Test
	void assertionsAttachToTheirChunksAndRelationsNameRegionsOfTheSamePrediction() throws Exception {
		List<Rule> rules = List.of(
				Rule.dictionary("drugs", "DRUG", List.of("aspirin", "ibuprofen"), false, true),
				Rule.regex("strength", "STRENGTH", "\\d+ ?mg", false, true),
				Rule.dictionary("problems", "PROBLEM", List.of("chest pain", "fever", "asthma"), false, true),
				Rule.assertion("context", new Rule.Assertion(List.of(), NegexAssertions.CLINICAL_EN, List.of(), 8,
						List.of("PROBLEM"), false)),
				Rule.relation("strength", "DRUG-STRENGTH", new Rule.Relation("DRUG", "STRENGTH", 4)));
		String text = "Aspirin 100 mg and ibuprofen 200 mg for chest pain. Denies fever. Mother has asthma.";
		TaskStore store = new TaskStore(dir);
		store.write(Task.of(TaskId.of(1), text));
		RunSummary run = new BulkRunner(store, new RulesAnnotator(rules, "label", "text", "text"),
				BulkRunner.Options.DEFAULT).run(store.ids(), Progress.NONE);
		assertEquals(1, run.done());

		List<Region> results = store.read(TaskId.of(1)).predictions().get(0).results();
		Map<String, Region> byId = results.stream().collect(Collectors.toMap(Region::id, r -> r));
		List<String> spans = results.stream().filter(r -> r.kind() == Region.Kind.LABELS)
				.map(r -> r.text() + "[" + r.start() + "," + r.end() + ")" + ":" + r.labels().get(0)).toList();
		assertEquals(List.of("Aspirin[0,7):DRUG", "100 mg[8,14):STRENGTH", "ibuprofen[19,28):DRUG",
				"200 mg[29,35):STRENGTH", "chest pain[40,50):PROBLEM", "fever[59,64):PROBLEM", "asthma[77,83):PROBLEM",
				"fever[59,64):absent", "asthma[77,83):associated_with_someone_else"), spans,
				"an assertion is a region of its own on the chunk's exact offsets; chest pain has no trigger");
		List<String> relations = results.stream().filter(r -> r.kind() == Region.Kind.RELATION)
				.map(r -> byId.get(r.fromId()).text() + " -" + r.labels().get(0) + "-> " + byId.get(r.toId()).text())
				.toList();
		assertEquals(List.of("Aspirin -DRUG-STRENGTH-> 100 mg", "ibuprofen -DRUG-STRENGTH-> 200 mg"), relations);
	}
}
