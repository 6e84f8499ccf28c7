package io.labelbench.server.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.johnsnowlabs.nlp.annotators.classifier.dl.ClassifierDLModel;
import com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel;
import com.johnsnowlabs.nlp.embeddings.Word2VecModel;

import io.labelbench.server.data.ClinicalGenerator;
import io.labelbench.server.data.ClinicalGenerator.AssertedSample;
import io.labelbench.server.data.DomainCorpus;
import io.labelbench.server.data.DomainCorpus.Example;
import io.labelbench.server.data.FinanceGenerator;
import io.labelbench.server.data.LegalGenerator;
import io.labelbench.server.data.NerCorpus;
import io.labelbench.server.data.NerCorpus.DataSet;
import io.labelbench.server.data.NerCorpus.Generator;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyGenerator;
import io.labelbench.server.data.PosologyRelationGenerator;
import io.labelbench.server.data.PosologyRelationGenerator.RelationSample;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.RelationModel;
import io.labelbench.server.train.ModelTraining.Metrics;
import io.labelbench.server.train.ModelTraining.Params;

/**
 * The build's models, trained from the seeded corpora and published into a local Models Hub mirror:
 * {@value #EMBEDDINGS} (Word2Vec, shared), one NerDL model per domain generator and a ClassifierDL domain
 * classifier. Each model is cached under the hash of everything it is made from (data, parameters, Spark NLP
 * version, the embeddings it uses), so only a changed input costs training time.
 * <p>
 * Usage: BuildModels CACHE_DIR HUB_DIR. The held-out scores are measured here, once per trained model, and
 * published with it.
 */
public final class BuildModels {
	public static final String EMBEDDINGS = "w2v_labelbench_100d";
	public static final String CLASSIFIER = "classifierdl_domain_labelbench";
	private static final String ENTRY_FILE = "entry.json";
	private static final ObjectMapper JSON = new ObjectMapper();

	public static final String ASSERTION = "assertion_clinical_labelbench";
	public static final String RELATION = "re_posology_labelbench";

	/** The domains of the text classifier. */
	public static final List<Generator> GENERATORS = List.of(new PosologyGenerator(), new FinanceGenerator(),
			new LegalGenerator());
	public static final ClinicalGenerator CLINICAL = new ClinicalGenerator();
	/** The NER models: one per domain generator, and the clinical one that the assertion model works on. */
	public static final List<Generator> NER_GENERATORS = List.of(GENERATORS.get(0), GENERATORS.get(1),
			GENERATORS.get(2), CLINICAL);
	/** Sets of the assertion and relation models: more sentences than NER (they are cheap to fit). */
	static final DataSet ASSERTION_TRAIN = new DataSet("train", 42, 3000, Variant.TRAIN);
	public static final DataSet ASSERTION_HELDOUT = new DataSet("heldout", 99, 600, Variant.HELDOUT);
	static final DataSet RELATION_TRAIN = new DataSet("train", 42, 2000, Variant.TRAIN);
	public static final DataSet RELATION_HELDOUT = new DataSet("heldout", 99, 500, Variant.HELDOUT);

	private final Path cache;
	private final Params params = Params.DEFAULT;
	private final io.labelbench.server.fit.FeatureFit.Params clinicalParams = io.labelbench.server.fit.FeatureFit.Params.DEFAULT;
	private SparkSession spark;

	BuildModels(Path cache) {
		this.cache = cache;
	}

	public static String nerName(Generator generator) {
		return "ner_" + generator.domain() + "_labelbench";
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: BuildModels CACHE_DIR HUB_DIR");
			System.exit(2);
		}
		BuildModels build = new BuildModels(Path.of(args[0]));
		try {
			build.publish(Path.of(args[1]));
		} finally {
			if (build.spark != null) {
				build.spark.stop();
			}
		}
	}

	void publish(Path hub) throws Exception {
		HubPublisher publisher = new HubPublisher(hub);

		List<String> corpus = new ArrayList<>();
		for (Generator g : NER_GENERATORS) {
			for (DataSet d : DataSet.DEFAULTS) {
				g.generate(d.seed(), d.count(), d.variant()).forEach(s -> corpus.add(s.text()));
			}
		}
		// unsupervised embeddings on every text, labelled or not, as a project would train them
		String w2vHash = hash(EMBEDDINGS, params.w2vIterations(), String.join("\n", corpus));
		Cached w2v = cached(EMBEDDINGS, w2vHash, dir -> {
			Word2VecModel model = ModelTraining.word2vec(session(), corpus, EMBEDDINGS, params);
			model.write().overwrite().save(dir.toString());
			return null;
		});
		publisher.add(new HubPublisher.Entry(EMBEDDINGS, w2v.model(), w2v.trained(), "embeddings", "General",
				"Word2Vec word embeddings, 100 dimensions, trained on the Labelbench posology, clinical, finance and legal"
						+ " corpora",
				null));

		for (Generator g : NER_GENERATORS) {
			List<Sample> train = g.generate(42, 1500, Variant.TRAIN);
			List<Sample> heldout = g.generate(99, 300, Variant.HELDOUT);
			String conll = NerCorpus.toConll(train);
			String name = nerName(g);
			Cached ner = cached(name, hash(name, w2vHash, params.nerEpochs(), conll, NerCorpus.toConll(heldout)),
					dir -> {
						Path file = dir.resolveSibling(name + ".conll");
						NerCorpus.writeConll(train, file);
						Word2VecModel embeddings = embeddings(w2v);
						var model = ModelTraining.ner(session(), file, embeddings, params);
						// a freshly trained NerDL model keeps its tags out of the saved metadata: save, load and save
						// again, so "classes" (the labels) can be read without Spark
						Path first = dir.resolveSibling("first-save");
						model.write().overwrite().save(first.toString());
						((NerDLModel) NerDLModel.load(first.toString())).write().overwrite().save(dir.toString());
						HubPublisher.deleteTree(first);
						Files.delete(file);
						List<String> labels = SavedModel.read(dir).labels();
						if (!labels.equals(g.labels().stream().sorted().toList())) {
							throw new IOException(name + " saved labels " + labels + ", trained with " + g.labels());
						}
						return ModelTraining.scoreNer(session(), w2v.model(), SavedModel.read(dir), heldout);
					});
			publisher.add(new HubPublisher.Entry(name, ner.model(), ner.trained(), "ner", domainOf(g),
					"NerDL " + g.domain() + " entities (" + String.join(", ", g.labels())
							+ ") trained on the seeded Labelbench " + g.domain() + " corpus; scored on held-out"
							+ " sentence frames and unseen names",
					ner.metrics()));
		}

		List<Example> train = DomainCorpus.generate(GENERATORS, 42, 500, Variant.TRAIN);
		List<Example> heldout = DomainCorpus.generate(GENERATORS, 99, 100, Variant.HELDOUT);
		Cached classifier = cached(CLASSIFIER, hash(CLASSIFIER, w2vHash, params.classifierEpochs(),
				examples(train), examples(heldout)), dir -> {
					Word2VecModel embeddings = embeddings(w2v);
					Path first = dir.resolveSibling("first-save");
					ModelTraining.classifier(session(), train, embeddings, params).write().overwrite()
							.save(first.toString());
					((ClassifierDLModel) ClassifierDLModel.load(first.toString())).write().overwrite()
							.save(dir.toString());
					HubPublisher.deleteTree(first);
					if (!SavedModel.read(dir).labels().equals(List.of("clinical", "finance", "legal"))) {
						throw new IOException(CLASSIFIER + " saved classes " + SavedModel.read(dir).labels());
					}
					return ModelTraining.scoreClassifier(session(), w2v.model(), SavedModel.read(dir), heldout);
				});
		publisher.add(new HubPublisher.Entry(CLASSIFIER, classifier.model(), classifier.trained(), "classification",
				"General", "ClassifierDL over averaged Word2Vec embeddings: is a text clinical, finance or legal?",
				classifier.metrics()));
		publishAssertion(publisher);
		publishRelation(publisher);
		publisher.finish();
		System.out.println("[models] published the hub mirror in " + hub.toAbsolutePath());
	}

	private void publishAssertion(HubPublisher publisher) throws Exception {
		List<AssertedSample> train = CLINICAL.generateAsserted(ASSERTION_TRAIN.seed(), ASSERTION_TRAIN.count(),
				ASSERTION_TRAIN.variant());
		List<AssertedSample> heldout = CLINICAL.generateAsserted(ASSERTION_HELDOUT.seed(), ASSERTION_HELDOUT.count(),
				ASSERTION_HELDOUT.variant());
		// the features themselves are hashed, so a change of the feature extraction retrains the model
		String hash = hash(ASSERTION, clinicalParams, ClinicalTraining.assertionExamples(train),
				ClinicalTraining.assertionExamples(heldout));
		Cached assertion = cached(ASSERTION, hash, dir -> {
			ClinicalTraining.assertion(session(), train, clinicalParams).classifier().save(dir);
			List<String> labels = SavedModel.read(dir).labels();
			if (SavedModel.read(dir).kind() != SavedModel.Kind.ASSERTION
					|| !labels.equals(ClinicalGenerator.STATUSES.stream().sorted().toList())) {
				throw new IOException(ASSERTION + " saved statuses " + labels);
			}
			return ClinicalTraining.scoreAssertion(AssertionModel.load(dir), heldout);
		});
		publisher.add(new HubPublisher.Entry(ASSERTION, assertion.model(), assertion.trained(), "assertion",
				"Clinical", "Assertion status of PROBLEM, TEST and TREATMENT chunks (present, absent, possible,"
						+ " hypothetical, conditional, associated_with_someone_else): a Spark ML logistic regression"
						+ " over the chunk's context in its sentence, trained on the seeded Labelbench clinical corpus;"
						+ " scored on held-out sentence frames and unseen names",
				assertion.metrics()));
	}

	private void publishRelation(HubPublisher publisher) throws Exception {
		PosologyRelationGenerator generator = new PosologyRelationGenerator();
		List<RelationSample> train = generator.generate(RELATION_TRAIN.seed(), RELATION_TRAIN.count(),
				RELATION_TRAIN.variant());
		List<RelationSample> heldout = generator.generate(RELATION_HELDOUT.seed(), RELATION_HELDOUT.count(),
				RELATION_HELDOUT.variant());
		String hash = hash(RELATION, clinicalParams, ClinicalTraining.relationExamples(train),
				ClinicalTraining.relationExamples(heldout), heldout);
		Cached relation = cached(RELATION, hash, dir -> {
			ClinicalTraining.relation(session(), train, clinicalParams).classifier().save(dir);
			List<String> labels = SavedModel.read(dir).labels();
			if (SavedModel.read(dir).kind() != SavedModel.Kind.RELATION
					|| !labels.equals(PosologyRelationGenerator.RELATIONS.stream().sorted().toList())) {
				throw new IOException(RELATION + " saved relation labels " + labels);
			}
			return ClinicalTraining.scoreRelation(RelationModel.load(dir), heldout);
		});
		publisher.add(new HubPublisher.Entry(RELATION, relation.model(), relation.trained(), "relation", "Clinical",
				"Relations from each DRUG to its DOSAGE, STRENGTH, FREQUENCY, ROUTE, FORM and DURATION in one"
						+ " sentence (the labels of ner_posology_labelbench): a Spark ML logistic regression over"
						+ " candidate pairs, trained on seeded sentences with several drugs; scored on held-out"
						+ " sentence frames and unseen drug names",
				relation.metrics()));
	}

	private static String domainOf(Generator g) {
		return switch (g.domain()) {
		case "posology", "clinical" -> "Clinical";
		case "finance" -> "Finance";
		case "legal" -> "Legal";
		default -> "General";
		};
	}

	private static String examples(List<Example> examples) {
		StringBuilder sb = new StringBuilder();
		examples.forEach(e -> sb.append(e.label()).append('\t').append(e.text()).append('\n'));
		return sb.toString();
	}

	/** The cached embeddings, loaded (Spark NLP loads through the active session, so there must be one). */
	private Word2VecModel embeddings(Cached w2v) {
		session();
		return (Word2VecModel) Word2VecModel.load(w2v.model().folder().toString());
	}

	private SparkSession session() {
		if (spark == null) {
			spark = SparkSupport.localSession("labelbench-models", 2);
		}
		return spark;
	}

	interface Training {
		/** Saves the model into {@code dir} and returns its held-out metrics (null for embeddings). */
		Metrics train(Path dir) throws Exception;
	}

	/** A model from the cache: its folder, when it was trained, its held-out metrics. */
	record Cached(SavedModel model, Instant trained, Metrics metrics) {
	}

	private Cached cached(String name, String hash, Training training) throws Exception {
		Path entryDir = cache.resolve(name + "-" + hash.substring(0, 16));
		Path modelDir = entryDir.resolve("model");
		Path entryFile = entryDir.resolve(ENTRY_FILE);
		boolean fromCache = Files.isRegularFile(entryFile);
		if (!fromCache) {
			Path work = cache.resolve(".work-" + name);
			if (Files.exists(work)) {
				HubPublisher.deleteTree(work);
			}
			Files.createDirectories(work);
			long t0 = System.nanoTime();
			System.out.println("[models] training " + name + " (inputs changed or not cached)");
			Metrics metrics = training.train(work.resolve("model").toAbsolutePath());
			double seconds = (System.nanoTime() - t0) / 1e9;
			ObjectNode entry = JSON.createObjectNode();
			entry.put("name", name);
			entry.put("hash", hash);
			entry.put("trained", Instant.now().toString());
			entry.put("seconds", Math.round(seconds));
			if (metrics != null) {
				entry.set("metrics", JSON.valueToTree(metrics));
			}
			Files.writeString(work.resolve(ENTRY_FILE), JSON.writeValueAsString(entry));
			if (Files.exists(entryDir)) {
				HubPublisher.deleteTree(entryDir);
			}
			Files.move(work, entryDir, StandardCopyOption.ATOMIC_MOVE);
			System.out.printf("[models] %s trained in %.0f s%s%n", name, seconds, describe(metrics));
		}
		JsonNode entry = JSON.readTree(entryFile.toFile());
		Metrics metrics = entry.has("metrics") ? JSON.treeToValue(entry.get("metrics"), Metrics.class) : null;
		if (fromCache) {
			System.out.println("[models] " + name + " from the cache " + entryDir + describe(metrics));
		}
		return new Cached(SavedModel.read(modelDir), Instant.parse(entry.get("trained").asText()), metrics);
	}

	private static String describe(Metrics metrics) {
		if (metrics == null) {
			return "";
		}
		return String.format(java.util.Locale.ROOT, ", held-out P %.3f R %.3f F1 %.3f%s%s", metrics.precision(),
				metrics.recall(), metrics.f1(),
				metrics.accuracy() == null ? "" : String.format(java.util.Locale.ROOT, " accuracy %.3f", metrics.accuracy()),
				metrics.perLabel() == null ? "" : " per label F1 " + metrics.perLabel());
	}

	static String hash(Object... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(HubPublisher.key("spark-nlp", Instant.EPOCH).getBytes(StandardCharsets.UTF_8));
			for (Object part : parts) {
				sha.update((byte) 0);
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
