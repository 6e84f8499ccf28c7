package io.labelbench.server.http;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelRef;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RelationRules;
import io.labelbench.rules.engine.Rule;
import io.labelbench.server.data.ClinicalGenerator;
import io.labelbench.server.data.NerCorpus.DataSet;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyRelationGenerator;
import io.labelbench.server.nlp.SparkSupport;
import io.labelbench.server.train.BuildModels;
import io.labelbench.server.train.ClinicalTraining;
import io.labelbench.server.train.ModelTraining.Metrics;

/**
 * The cost of assertion and relations: the same generated tasks through the server's predictor with the NER models
 * alone, and with the NER models followed by the assertion and relation models, in one JVM, alternating passes,
 * in wall-clock and in CPU time of the JVM (the ratio, printed last, is of CPU time: other processes on the machine
 * do not move it);
 * then the held-out scores the build published for the trained models, and those of the rules on the same held-out
 * sentences. Prints the overhead ratio last.
 * <p>
 * Usage: AssertionRelationBench HUB_MIRROR [TASKS] [BATCH] (releng/benchmarks/assertion-relations.sh)
 */
public final class AssertionRelationBench {
	private static final List<String> CLINICAL = ClinicalGenerator.LABELS;
	private static final List<String> POSOLOGY = List.of("DRUG", "STRENGTH", "ROUTE", "FREQUENCY", "DOSAGE", "FORM",
			"DURATION");

	private AssertionRelationBench() {
	}

	/** A clinical sentence and a medication sentence per task, of the held-out variants (never trained on). */
	static List<String> tasks(int count) {
		var clinical = new ClinicalGenerator().generate(7, count, Variant.HELDOUT);
		var posology = new PosologyRelationGenerator().generate(7, count, Variant.HELDOUT);
		List<String> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(clinical.get(i).text() + "\r\n" + posology.get(i).sample().text());
		}
		return out;
	}

	public static void main(String[] args) throws Exception {
		Path mirror = Path.of(args[0]);
		int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		int batch = args.length > 2 ? Integer.parseInt(args[2]) : 256;
		System.setProperty("labelbench.hub.mirror", mirror.toString());
		Path work = Files.createTempDirectory("bench-assertion-relations");
		Map<String, Path> models = ServerIT.unzipMirror(work);
		List<ModelRef> embeddings = List.of(new ModelRef(BuildModels.EMBEDDINGS,
				models.get(BuildModels.EMBEDDINGS).toString()));
		List<ModelSpec> ner = List.of(
				new ModelSpec("ner_clinical_labelbench", models.get("ner_clinical_labelbench").toString(), "clinical",
						"text", CLINICAL),
				new ModelSpec("ner_posology_labelbench", models.get("ner_posology_labelbench").toString(), "label",
						"text", POSOLOGY));
		List<ModelSpec> all = new ArrayList<>(ner);
		all.add(new ModelSpec(BuildModels.ASSERTION, models.get(BuildModels.ASSERTION).toString(), "clinical", "text",
				ClinicalGenerator.STATUSES));
		all.add(new ModelSpec(BuildModels.RELATION, models.get(BuildModels.RELATION).toString(), "label", "text",
				PosologyRelationGenerator.RELATIONS));

		List<String> texts = tasks(count);
		long chars = texts.stream().mapToLong(String::length).sum();
		SparkSession spark = SparkSupport.localSession("bench-assertion-relations", 1);
		try {
			Predictor nerOnly = ServerPipeline.load(new ServerSpec("ner", "ner@1", embeddings, ner, List.of()),
					() -> spark).predictor();
			Predictor full = ServerPipeline.load(new ServerSpec("full", "full@1", embeddings, all, List.of()),
					() -> spark).predictor();
			System.out.printf("%d tasks (%.1f MB of text), batches of %d%n", count, chars / 1e6, batch);
			run(nerOnly, texts.subList(0, Math.min(batch, count)), batch); // warm-up: JIT, TensorFlow sessions
			run(full, texts.subList(0, Math.min(batch, count)), batch);
			long nerNanos = 0;
			long fullNanos = 0;
			long nerCpu = 0;
			long fullCpu = 0;
			Timed nerPass = null;
			Timed fullPass = null;
			for (int pass = 1; pass <= 2; pass++) {
				// NER alone first in the first pass, last in the second: what the order gives one, it gives fullPass
				nerPass = pass == 1 ? timed(nerOnly, texts, batch) : null;
				fullPass = timed(full, texts, batch);
				nerPass = nerPass == null ? timed(nerOnly, texts, batch) : nerPass;
				nerNanos += nerPass.wall();
				nerCpu += nerPass.cpu();
				fullNanos += fullPass.wall();
				fullCpu += fullPass.cpu();
				System.out.printf("pass %d: NER alone %.1f s (CPU %.1f s), NER + assertion + relations %.1f s"
						+ " (CPU %.1f s)%n", pass, nerPass.wall() / 1e9, nerPass.cpu() / 1e9, fullPass.wall() / 1e9,
						fullPass.cpu() / 1e9);
			}
			System.out.printf("NER alone:                   %.1f tasks/s, %d entities%n", 2 * count / (nerNanos / 1e9),
					nerPass.counts().entities());
			System.out.printf("NER + assertion + relations: %.1f tasks/s, %d entities, %d statuses, %d relations%n",
					2 * count / (fullNanos / 1e9), fullPass.counts().entities(), fullPass.counts().statuses(),
					fullPass.counts().relations());
			System.out.printf("wall-clock ratio (NER + assertion + relations) / NER alone: %.2fx (on a shared machine"
					+ " other processes move it; the CPU time below does not count them)%n",
					(double) fullNanos / nerNanos);
			printHeldOutScores(mirror);
			printRuleScores();
			System.out.printf("ratio (NER + assertion + relations) / NER alone, CPU time of the JVM: %.2fx"
					+ " (target <= 1.5x)%n", (double) fullCpu / nerCpu);
		} finally {
			spark.stop();
		}
	}

	/** One pass over the texts: wall-clock and CPU nanoseconds, and what it found. */
	record Timed(long wall, long cpu, Counts counts) {
	}

	private static Timed timed(Predictor predictor, List<String> texts, int batch) throws Exception {
		long c0 = cpu();
		long t0 = System.nanoTime();
		Counts counts = run(predictor, texts, batch);
		return new Timed(System.nanoTime() - t0, cpu() - c0, counts);
	}

	/** CPU time of the whole JVM (all threads, TensorFlow's too), in nanoseconds. */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	record Counts(long entities, long statuses, long relations) {
	}

	private static Counts run(Predictor predictor, List<String> texts, int batch) throws Exception {
		long entities = 0;
		long statuses = 0;
		long relations = 0;
		for (int i = 0; i < texts.size(); i += batch) {
			for (TaskResult task : predictor.predict(texts.subList(i, Math.min(texts.size(), i + batch)))) {
				for (Region r : task.result()) {
					if (r.type().equals(Region.RELATION)) {
						relations++;
					} else if (ClinicalGenerator.STATUSES.contains(r.value().labels().get(0))) {
						statuses++;
					} else {
						entities++;
					}
				}
			}
		}
		return new Counts(entities, statuses, relations);
	}

	/** The held-out scores the build measured and published with the trained models. */
	private static void printHeldOutScores(Path mirror) throws Exception {
		ObjectMapper json = new ObjectMapper();
		for (String line : Files.readAllLines(mirror.resolve("public/models/metadata.json"))) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode entry = json.readTree(line);
			JsonNode m = entry.path("metrics");
			switch (entry.path("name").asText()) {
			case BuildModels.ASSERTION -> System.out.printf(
					"held-out assertion accuracy, model %s: %.3f (%d sentences)%n", BuildModels.ASSERTION,
					m.path("accuracy").asDouble(), m.path("heldoutExamples").asInt());
			case BuildModels.RELATION -> System.out.printf(
					"held-out relation F1 (micro), model %s: %.3f (P %.3f, R %.3f; %d sentences)%n",
					BuildModels.RELATION, m.path("f1").asDouble(), m.path("precision").asDouble(),
					m.path("recall").asDouble(), m.path("heldoutExamples").asInt());
			default -> {
			}
			}
		}
	}

	/**
	 * The held-out scores of the rules, on the same held-out sentences and gold entities as the models: the shipped
	 * clinical trigger set (chunks no trigger reaches are present), and one relation rule per posology attribute.
	 */
	private static void printRuleScores() throws Exception {
		NegexAssertions negex = new NegexAssertions(List.of(Rule.assertion("clinical_en",
				new Rule.Assertion(List.of(), NegexAssertions.CLINICAL_EN, List.of(), Rule.Assertion.DEFAULT_WINDOW,
						List.of(), true))));
		DataSet a = BuildModels.ASSERTION_HELDOUT;
		Metrics assertion = ClinicalTraining.scoreAssertion(negex,
				new ClinicalGenerator().generateAsserted(a.seed(), a.count(), a.variant()));
		System.out.printf("held-out assertion accuracy, rules (%s trigger set): %.3f (%d sentences)%n",
				NegexAssertions.CLINICAL_EN, assertion.accuracy(), assertion.examples());
		List<Rule> pairs = new ArrayList<>();
		for (String attribute : PosologyRelationGenerator.ATTRIBUTES) {
			pairs.add(Rule.relation(attribute.toLowerCase(), PosologyRelationGenerator.HEAD + "-" + attribute,
					new Rule.Relation(PosologyRelationGenerator.HEAD, attribute, Rule.Relation.DEFAULT_MAX_TOKENS)));
		}
		DataSet r = BuildModels.RELATION_HELDOUT;
		Metrics relation = ClinicalTraining.scoreRelation(new RelationRules(pairs),
				new PosologyRelationGenerator().generate(r.seed(), r.count(), r.variant()));
		System.out.printf("held-out relation F1 (micro), rules (nearest DRUG, %d words): %.3f (P %.3f, R %.3f; %d"
				+ " sentences)%n", Rule.Relation.DEFAULT_MAX_TOKENS, relation.f1(), relation.precision(),
				relation.recall(), relation.examples());
	}
}
