package io.labelbench.server.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.classifier.dl.ClassifierDLModel;
import com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.embeddings.Word2VecApproach;
import com.johnsnowlabs.nlp.embeddings.Word2VecModel;

import io.labelbench.server.data.DomainCorpus.Example;
import io.labelbench.server.fit.ProjectTraining;
import io.labelbench.server.data.NerCorpus;
import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.nlp.Chunks;
import io.labelbench.server.nlp.Chunks.Chunk;
import io.labelbench.server.nlp.PipelineAssembler;
import io.labelbench.server.nlp.PipelineAssembler.Assembled;
import io.labelbench.server.nlp.SavedModel;

/**
 * Trains the build's models with Spark NLP, offline: Word2Vec word embeddings, NerDL entity recognisers (the
 * BiLSTM-CNN-CRF graphs that ship in the Spark NLP jar) and a ClassifierDL text classifier; and scores a saved
 * model exactly as the server will run it (through {@link PipelineAssembler} and a LightPipeline).
 */
public final class ModelTraining {
	private ModelTraining() {
	}

	/** Hyper-parameters; part of every model's cache key. */
	public record Params(int nerEpochs, int classifierEpochs, int w2vIterations) {
		public static final Params DEFAULT = new Params(10, 12, 10);
	}

	/**
	 * Precision, recall and F1 on a held-out set of {@code examples} sentences; an assertion model adds its
	 * accuracy, assertion and relation models their F1 per label (null when not measured).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Metrics(double precision, double recall, double f1, int examples, Double accuracy,
			Map<String, Double> perLabel) {
		@JsonCreator
		public Metrics {
		}

		public Metrics(double precision, double recall, double f1, int examples) {
			this(precision, recall, f1, examples, null, null);
		}
	}

	/** Word2Vec on the tokens of {@code texts} (unlabelled), saved with {@code storageRef} as its name. */
	public static Word2VecModel word2vec(SparkSession spark, List<String> texts, String storageRef, Params params) {
		DocumentAssembler document = new DocumentAssembler();
		document.setInputCol("text");
		document.setOutputCol("document");
		SentenceDetector sentence = new SentenceDetector();
		sentence.setInputCols(new String[] { "document" });
		sentence.setOutputCol("sentence");
		PipelineModel tokens = new Pipeline().setStages(new PipelineStage[] { document, sentence,
				PipelineAssembler.tokenizer("sentence", "token") }).fit(textFrame(spark, List.of()));
		Word2VecApproach w2v = new Word2VecApproach();
		w2v.setInputCols(new String[] { "token" });
		w2v.setOutputCol("embeddings");
		w2v.setVectorSize(100);
		w2v.setWindowSize(5);
		w2v.setMinCount(1); // small corpus: keep every word
		w2v.setMaxIter(params.w2vIterations());
		w2v.setSeed(42);
		w2v.setStorageRef(storageRef);
		return w2v.fit(tokens.transform(textFrame(spark, texts)));
	}

	/** NerDL on a CoNLL file, with the given embeddings. */
	public static NerDLModel ner(SparkSession spark, Path conll, Word2VecModel embeddings, Params params) {
		Dataset<Row> train = ProjectTraining.readConll(spark, conll);
		embeddings.setInputCols(new String[] { "token" });
		embeddings.setOutputCol("embeddings");
		Dataset<Row> withEmbeddings = embeddings.transform(train).persist(StorageLevel.MEMORY_ONLY());
		try {
			return ProjectTraining.nerApproach(new ProjectTraining.Fit(params.nerEpochs(), 0.003f, 16, 0.5f, 0f))
					.fit(withEmbeddings);
		} finally {
			withEmbeddings.unpersist();
		}
	}

	/** ClassifierDL on averaged word embeddings of each text. */
	public static ClassifierDLModel classifier(SparkSession spark, List<Example> examples, Word2VecModel embeddings,
			Params params) {
		StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.StringType);
		List<Row> rows = new ArrayList<>();
		examples.forEach(e -> rows.add(RowFactory.create(e.text(), e.label())));
		Dataset<Row> frame = spark.createDataFrame(rows, schema);
		Dataset<Row> withFeatures = ProjectTraining.classifierFeatures(frame, embeddings)
				.persist(StorageLevel.MEMORY_ONLY());
		try {
			return ProjectTraining
					.classifierApproach(new ProjectTraining.Fit(params.classifierEpochs(), 0.005f, 32, 0.3f, 0f))
					.fit(withFeatures);
		} finally {
			withFeatures.unpersist();
		}
	}

	/** Exact span and label, micro-averaged (conlleval style), from raw text as the server sees it. */
	public static Metrics scoreNer(SparkSession spark, SavedModel embeddings, SavedModel model, List<Sample> heldout)
			throws IOException {
		Assembled assembled = new PipelineAssembler().embeddings(embeddings).model("model", model).assemble(spark);
		List<Map<String, List<IAnnotation>>> results = annotate(assembled, heldout.stream().map(Sample::text).toList());
		String column = assembled.outputs().get(0).column();
		int tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < heldout.size(); i++) {
			Set<Span> gold = new HashSet<>(heldout.get(i).spans());
			Set<Span> predicted = new HashSet<>();
			for (Chunk c : Chunks.of(results.get(i), column)) {
				predicted.add(new NerCorpus.Span(c.start(), c.end(), c.label()));
			}
			for (Span p : predicted) {
				if (gold.contains(p)) {
					tp++;
				} else {
					fp++;
				}
			}
			for (Span g : gold) {
				if (!predicted.contains(g)) {
					fn++;
				}
			}
		}
		return metrics(tp, fp, fn, heldout.size());
	}

	/** Macro-averaged precision, recall and F1 over the classes. */
	public static Metrics scoreClassifier(SparkSession spark, SavedModel embeddings, SavedModel model,
			List<Example> heldout) throws IOException {
		Assembled assembled = new PipelineAssembler().embeddings(embeddings).model("model", model).assemble(spark);
		List<Map<String, List<IAnnotation>>> results = annotate(assembled,
				heldout.stream().map(Example::text).toList());
		String column = assembled.outputs().get(0).column();
		Map<String, int[]> counts = new TreeMap<>(); // class -> tp, fp, fn
		for (int i = 0; i < heldout.size(); i++) {
			List<IAnnotation> classes = results.get(i).getOrDefault(column, List.of());
			String predicted = classes.isEmpty() ? "" : ((JavaAnnotation) classes.get(0)).result();
			String gold = heldout.get(i).label();
			if (predicted.equals(gold)) {
				counts.computeIfAbsent(gold, c -> new int[3])[0]++;
			} else {
				counts.computeIfAbsent(predicted, c -> new int[3])[1]++;
				counts.computeIfAbsent(gold, c -> new int[3])[2]++;
			}
		}
		double p = 0, r = 0;
		for (int[] c : counts.values()) {
			Metrics m = metrics(c[0], c[1], c[2], 0);
			p += m.precision();
			r += m.recall();
		}
		p /= counts.size();
		r /= counts.size();
		return new Metrics(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), heldout.size());
	}

	private static List<Map<String, List<IAnnotation>>> annotate(Assembled assembled, List<String> texts) {
		return new LightPipeline(assembled.model(), false).fullAnnotateJava(new ArrayList<>(texts));
	}

	private static Metrics metrics(int tp, int fp, int fn, int examples) {
		double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		return new Metrics(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), examples);
	}

	static Dataset<Row> textFrame(SparkSession spark, List<String> texts) {
		return spark.createDataset(texts.isEmpty() ? List.of("") : texts, Encoders.STRING()).toDF("text");
	}
}
