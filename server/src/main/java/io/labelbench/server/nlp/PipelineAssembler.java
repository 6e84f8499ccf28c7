package io.labelbench.server.nlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.classifier.dl.ClassifierDLModel;
import com.johnsnowlabs.nlp.annotators.ner.NerConverter;
import com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.embeddings.SentenceEmbeddings;
import com.johnsnowlabs.nlp.embeddings.Word2VecModel;

/**
 * Puts saved annotators (NER and classification models and the word embeddings they were trained with) into one
 * inference pipeline, the same way for the server and for the build's evaluation of the models it trains:
 *
 * <pre>
 * text -> document -> sentence -> token -> emb_REF -> ner_K -> chunk_K          (each NER model K)
 *         document -> doc_token -> doc_emb_REF -> sent_emb_REF -> class_K      (each classifier K)
 * </pre>
 *
 * Each embeddings model is loaded once per use (token level for NER, document level for classifiers) and shared
 * by every model trained with it (same {@code storageRef}).
 */
public final class PipelineAssembler {

	/** One model of the pipeline and the output column holding its annotations. */
	public record Output(String name, SavedModel.Kind kind, String column, List<String> labels)
			implements java.io.Serializable {
		private static final long serialVersionUID = 1L;
	}

	/** The fitted pipeline and its outputs, in the order the models were added. */
	public record Assembled(PipelineModel model, List<Output> outputs) {
	}

	private final Map<String, SavedModel> embeddings = new LinkedHashMap<>();
	private final List<Map.Entry<String, SavedModel>> models = new ArrayList<>();

	/** Word embeddings, found by the storageRef the models name. */
	public PipelineAssembler embeddings(SavedModel model) throws IOException {
		if (model.kind() != SavedModel.Kind.EMBEDDINGS) {
			throw new IOException(model.folder() + " is a " + model.simpleClassName() + ", not word embeddings");
		}
		embeddings.put(model.storageRef(), model);
		return this;
	}

	/** A NER or classification model, named as it is in the Models Hub. */
	public PipelineAssembler model(String name, SavedModel model) throws IOException {
		if (model.kind() == SavedModel.Kind.EMBEDDINGS) {
			throw new IOException(name + " is word embeddings, not a NER or classification model");
		}
		if (runsAfterThePipeline(model.kind())) {
			throw new IOException(name + (model.kind() == SavedModel.Kind.ASSERTION ? " is an assertion" : " is a relation")
					+ " model: it runs on the pipeline's entities, not in the pipeline");
		}
		if (!embeddings.containsKey(model.storageRef())) {
			throw new IOException(name + " needs the embeddings " + model.storageRef() + ", which are not deployed");
		}
		models.add(Map.entry(name, model));
		return this;
	}

	public Assembled assemble(SparkSession spark) throws IOException {
		List<PipelineStage> stages = new ArrayList<>();
		DocumentAssembler document = new DocumentAssembler();
		document.setInputCol("text");
		document.setOutputCol("document");
		stages.add(document);
		boolean anyNer = models.stream().anyMatch(m -> kindOf(m.getValue()) == SavedModel.Kind.NER);
		boolean anyClassifier = models.stream()
				.anyMatch(m -> kindOf(m.getValue()) == SavedModel.Kind.CLASSIFICATION);
		if (anyNer) {
			SentenceDetector sentence = new SentenceDetector();
			sentence.setInputCols(new String[] { "document" });
			sentence.setOutputCol("sentence");
			stages.add(sentence);
			stages.add(tokenizer("sentence", "token"));
		}
		if (anyClassifier) {
			stages.add(tokenizer("document", "doc_token"));
		}
		Map<String, String> tokenEmbeddings = new LinkedHashMap<>();
		Map<String, String> documentEmbeddings = new LinkedHashMap<>();
		List<Output> outputs = new ArrayList<>();
		int k = 0;
		for (Map.Entry<String, SavedModel> entry : models) {
			SavedModel saved = entry.getValue();
			String ref = saved.storageRef();
			String column;
			if (saved.kind() == SavedModel.Kind.NER) {
				String emb = tokenEmbeddings.computeIfAbsent(ref, r -> {
					String col = "emb_" + tokenEmbeddings.size();
					stages.add(word2vec(embeddings.get(r), "token", col));
					return col;
				});
				NerDLModel ner = (NerDLModel) NerDLModel.load(SparkPaths.of(saved.folder()));
				ner.setInputCols(new String[] { "sentence", "token", emb });
				ner.setOutputCol("ner_" + k);
				stages.add(ner);
				NerConverter converter = new NerConverter();
				converter.setInputCols(new String[] { "sentence", "token", "ner_" + k });
				converter.setOutputCol(column = "chunk_" + k);
				stages.add(converter);
			} else {
				String sentEmb = documentEmbeddings.computeIfAbsent(ref, r -> {
					int i = documentEmbeddings.size();
					stages.add(word2vec(embeddings.get(r), "doc_token", "doc_emb_" + i));
					SentenceEmbeddings pooled = new SentenceEmbeddings();
					pooled.setInputCols(new String[] { "document", "doc_emb_" + i });
					pooled.setOutputCol("sent_emb_" + i);
					pooled.setPoolingStrategy("AVERAGE");
					stages.add(pooled);
					return "sent_emb_" + i;
				});
				ClassifierDLModel classifier = (ClassifierDLModel) ClassifierDLModel
						.load(SparkPaths.of(saved.folder()));
				classifier.setInputCols(new String[] { sentEmb });
				classifier.setOutputCol(column = "class_" + k);
				stages.add(classifier);
			}
			outputs.add(new Output(entry.getKey(), saved.kind(), column, saved.labels()));
			k++;
		}
		// Tokenizer is an estimator: fitting on an empty frame turns it into a TokenizerModel
		var empty = spark.createDataset(List.of(""), Encoders.STRING()).toDF("text");
		PipelineModel model = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(empty);
		return new Assembled(model, outputs);
	}

	/**
	 * Assertion and relation models are Spark ML models over the entities the pipeline found, not Spark NLP
	 * stages: the server runs them after the pipeline.
	 */
	public static boolean runsAfterThePipeline(SavedModel.Kind kind) {
		return kind == SavedModel.Kind.ASSERTION || kind == SavedModel.Kind.RELATION;
	}

	private static SavedModel.Kind kindOf(SavedModel model) {
		try {
			return model.kind();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static Tokenizer tokenizer(String input, String output) {
		Tokenizer tokenizer = new Tokenizer();
		tokenizer.setInputCols(new String[] { input });
		tokenizer.setOutputCol(output);
		return tokenizer;
	}

	private static Word2VecModel word2vec(SavedModel saved, String input, String output) {
		Word2VecModel w2v = (Word2VecModel) Word2VecModel.load(SparkPaths.of(saved.folder()));
		w2v.setInputCols(new String[] { input });
		w2v.setOutputCol(output);
		return w2v;
	}
}
