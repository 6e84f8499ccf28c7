package io.labelbench.server.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.SparkSession;

import io.labelbench.rules.engine.AssertionAnnotator;
import io.labelbench.rules.engine.AssertionAnnotator.Assertion;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.RelationAnnotator;
import io.labelbench.rules.engine.RelationAnnotator.Relation;
import io.labelbench.server.data.ClinicalGenerator;
import io.labelbench.server.data.ClinicalGenerator.AssertedSample;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.PosologyRelationGenerator;
import io.labelbench.server.data.PosologyRelationGenerator.Link;
import io.labelbench.server.data.PosologyRelationGenerator.RelationSample;
import io.labelbench.server.fit.FeatureFit;
import io.labelbench.server.fit.FeatureFit.Example;
import io.labelbench.server.fit.FeatureFit.Params;
import io.labelbench.server.nlp.clinical.AssertionFeatures;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.FeatureClassifier.Description;
import io.labelbench.server.nlp.clinical.RelationFeatures;
import io.labelbench.server.nlp.clinical.RelationModel;
import io.labelbench.server.nlp.clinical.SentenceUnits;
import io.labelbench.server.nlp.clinical.TokenizedText;
import io.labelbench.server.train.ModelTraining.Metrics;

/**
 * Trains the assertion and relation models ({@link FeatureFit}: Spark ML logistic regressions over the server's own
 * feature extraction, on the gold entities of the generated sentences) and scores them on held-out sentences through the
 * same classes the server runs.
 */
public final class ClinicalTraining {
	private ClinicalTraining() {
	}

	public static List<Entity> entities(Sample sample) {
		return sample.spans().stream().map(s -> new Entity(s.start(), s.end(), s.label())).toList();
	}

	public static List<Example> assertionExamples(List<AssertedSample> samples) {
		List<Example> out = new ArrayList<>();
		for (AssertedSample s : samples) {
			List<Entity> entities = entities(s.sample());
			SentenceUnits units = new SentenceUnits(TokenizedText.of(s.sample().text()), entities);
			for (int e = 0; e < entities.size(); e++) {
				out.add(new Example(AssertionFeatures.of(units, e), s.statuses().get(e)));
			}
		}
		return out;
	}

	public static AssertionModel assertion(SparkSession spark, List<AssertedSample> train, Params params) {
		Description description = new Description(AssertionModel.CLASS_NAME,
				ClinicalGenerator.STATUSES.stream().sorted().toList(), ClinicalGenerator.LABELS,
				ClinicalGenerator.STATUSES, null);
		return new AssertionModel(FeatureFit.fit(spark, assertionExamples(train), description,
				params.hashBuckets(), params.regParam(), params.maxIterations()));
	}

	public static List<Example> relationExamples(List<RelationSample> samples) {
		List<Example> out = new ArrayList<>();
		for (RelationSample s : samples) {
			List<Entity> entities = entities(s.sample());
			SentenceUnits units = new SentenceUnits(TokenizedText.of(s.sample().text()), entities);
			Map<String, String> gold = new LinkedHashMap<>();
			s.links().forEach(l -> gold.put(l.from() + ">" + l.to(), l.label()));
			for (int h = 0; h < entities.size(); h++) {
				if (!entities.get(h).label().equals(PosologyRelationGenerator.HEAD)) {
					continue;
				}
				for (int a = 0; a < entities.size(); a++) {
					if (!PosologyRelationGenerator.ATTRIBUTES.contains(entities.get(a).label())) {
						continue;
					}
					List<String> features = RelationFeatures.of(units, h, a, PosologyRelationGenerator.HEAD);
					if (features != null) {
						out.add(new Example(features, gold.getOrDefault(h + ">" + a, RelationModel.NO_RELATION)));
					}
				}
			}
		}
		return out;
	}

	public static RelationModel relation(SparkSession spark, List<RelationSample> train, Params params) {
		List<String> outcomes = new ArrayList<>();
		outcomes.add(RelationModel.NO_RELATION);
		outcomes.addAll(PosologyRelationGenerator.RELATIONS);
		List<String> entityLabels = new ArrayList<>();
		entityLabels.add(PosologyRelationGenerator.HEAD);
		entityLabels.addAll(PosologyRelationGenerator.ATTRIBUTES);
		Description description = new Description(RelationModel.CLASS_NAME,
				PosologyRelationGenerator.RELATIONS.stream().sorted().toList(), entityLabels, outcomes,
				PosologyRelationGenerator.HEAD);
		return new RelationModel(FeatureFit.fit(spark, relationExamples(train), description,
				params.hashBuckets(), params.regParam(), params.maxIterations()));
	}

	/**
	 * Accuracy over every gold entity, and per status precision, recall and F1 (precision, recall and F1 of the
	 * result are their macro averages).
	 */
	public static Metrics scoreAssertion(AssertionAnnotator model, List<AssertedSample> heldout) {
		Map<String, int[]> counts = new TreeMap<>(); // status -> tp, fp, fn
		int right = 0;
		int total = 0;
		for (AssertedSample s : heldout) {
			List<Entity> entities = entities(s.sample());
			String[] predicted = new String[entities.size()];
			for (Assertion a : model.assess(s.sample().text(), entities)) {
				predicted[a.entity()] = a.status();
			}
			for (int e = 0; e < entities.size(); e++) {
				String gold = s.statuses().get(e);
				total++;
				counts.computeIfAbsent(gold, k -> new int[3]);
				if (gold.equals(predicted[e])) {
					right++;
					counts.get(gold)[0]++;
				} else {
					counts.get(gold)[2]++;
					if (predicted[e] != null) {
						counts.computeIfAbsent(predicted[e], k -> new int[3])[1]++;
					}
				}
			}
		}
		return perLabel(counts, heldout.size(), total == 0 ? 0 : (double) right / total);
	}

	/** Micro-averaged precision, recall and F1 of the relations (no-relation pairs are not counted). */
	public static Metrics scoreRelation(RelationAnnotator model, List<RelationSample> heldout) {
		Map<String, int[]> counts = new TreeMap<>();
		for (RelationSample s : heldout) {
			Set<String> gold = new HashSet<>();
			for (Link l : s.links()) {
				gold.add(l.from() + ">" + l.to() + " " + l.label());
			}
			Set<String> predicted = new HashSet<>();
			for (Relation r : model.relate(s.sample().text(), entities(s.sample()))) {
				predicted.add(r.from() + ">" + r.to() + " " + r.label());
			}
			for (String p : predicted) {
				counts.computeIfAbsent(p.substring(p.indexOf(' ') + 1), k -> new int[3])[gold.contains(p) ? 0 : 1]++;
			}
			for (String g : gold) {
				if (!predicted.contains(g)) {
					counts.computeIfAbsent(g.substring(g.indexOf(' ') + 1), k -> new int[3])[2]++;
				}
			}
		}
		int tp = 0, fp = 0, fn = 0;
		for (int[] c : counts.values()) {
			tp += c[0];
			fp += c[1];
			fn += c[2];
		}
		Metrics micro = perLabel(counts, heldout.size(), null);
		double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		return new Metrics(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), heldout.size(), null, micro.perLabel());
	}

	private static Metrics perLabel(Map<String, int[]> counts, int examples, Double accuracy) {
		Map<String, Double> f1s = new TreeMap<>();
		double p = 0, r = 0;
		for (Map.Entry<String, int[]> e : counts.entrySet()) {
			int[] c = e.getValue();
			double pl = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
			double rl = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
			f1s.put(e.getKey(), pl + rl == 0 ? 0 : Math.round(2 * pl * rl / (pl + rl) * 1000) / 1000.0);
			p += pl;
			r += rl;
		}
		p /= Math.max(1, counts.size());
		r /= Math.max(1, counts.size());
		return new Metrics(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), examples, accuracy, f1s);
	}
}
