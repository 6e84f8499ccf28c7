package io.labelbench.server.fit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.classifier.dl.ClassifierDLApproach;
import com.johnsnowlabs.nlp.annotators.classifier.dl.ClassifierDLModel;
import com.johnsnowlabs.nlp.annotators.ner.dl.NerDLApproach;
import com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel;
import com.johnsnowlabs.nlp.embeddings.SentenceEmbeddings;
import com.johnsnowlabs.nlp.embeddings.Word2VecModel;
import com.johnsnowlabs.nlp.training.CoNLL;

import io.labelbench.protocol.TrainingDefaults;
import io.labelbench.server.nlp.Chunks;
import io.labelbench.server.nlp.Chunks.Chunk;
import io.labelbench.server.nlp.PipelineAssembler;
import io.labelbench.server.nlp.PipelineAssembler.Assembled;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;

/**
 * Fits a project's model in its own JVM: {@code labelbench-server train --data DIR [--embeddings DIR] --out DIR
 * [--epochs N] [--learning-rate X] [--batch-size N] [--dropout X] [--validation-split X]}. Assertion and relation
 * models need no embeddings and take only {@code --epochs}, the iterations of their logistic regression
 * ({@link ContextTraining}). {@code --data} is the
 * folder the workbench's training-data export wrote ({@code data.json}, {@code train.conll} or {@code train.jsonl},
 * {@code test.jsonl}). Fits NerDL or ClassifierDL on the Word2Vec embeddings of {@code --embeddings} and prints one
 * JSON line per epoch on stdout, read from the approach's own training log (epoch, loss, validation scores):
 * <pre>{"event":"epoch","epoch":1,"epochs":3,"loss":41.2,"seconds":3.1,"validation":{"macroF1":0.5,"microF1":0.6}}</pre>
 * The model is saved, loaded and saved again (a fresh NerDL model keeps its tags out of the first save's metadata)
 * in a temporary folder beside {@code --out}, the trained model predicts the test texts, and only then does the
 * folder move into place as {@code OUT/model} with {@code OUT/test-predictions.jsonl}; a last line
 * {@code {"event":"done",…}} follows. A killed run leaves no {@code OUT/model}.
 */
public final class ProjectTraining {
	private static final ObjectMapper JSON = new ObjectMapper();
	/** Default iterations of an assertion or relation model's logistic regression, as the build's models. */
	static final int CONTEXT_ITERATIONS = 100;
	private static final Pattern EPOCH = Pattern
			.compile("Epoch (\\d+)/(\\d+) - ([0-9.,]+)s - loss: ([0-9.Ee+-]+)(?: - acc: ([0-9.Ee+-]+))?");
	private static final Pattern AVERAGE = Pattern
			.compile("(Macro|Micro)-average\\s+prec: ([0-9.Ee+-]+), rec(?:all)?: ([0-9.Ee+-]+), f1: ([0-9.Ee+-]+)");

	/** Hyper-parameters of one fit; the defaults are those the build's models are trained with. */
	public record Fit(int epochs, float learningRate, int batchSize, float dropout, float validationSplit) {
		public static Fit nerDefaults() {
			return of(TrainingDefaults.NER);
		}

		public static Fit classifierDefaults() {
			return of(TrainingDefaults.CLASSIFICATION);
		}

		private static Fit of(TrainingDefaults d) {
			return new Fit(d.epochs(), d.learningRate(), d.batchSize(), d.dropout(), d.validationSplit());
		}
	}

	private ProjectTraining() {
	}

	/** NerDL with the given parameters (seed 42, per-token and per-chunk confidence). */
	public static NerDLApproach nerApproach(Fit fit) {
		NerDLApproach ner = new NerDLApproach();
		ner.setInputCols(new String[] { "sentence", "token", "embeddings" });
		ner.setOutputCol("ner");
		ner.setLabelColumn("label");
		ner.setMaxEpochs(fit.epochs());
		ner.setLr(fit.learningRate());
		ner.setPo(0.005f);
		ner.setBatchSize(fit.batchSize());
		ner.setDropout(fit.dropout());
		ner.setRandomSeed(42);
		ner.setIncludeConfidence(true);
		if (fit.validationSplit() > 0) {
			ner.setValidationSplit(fit.validationSplit());
		}
		return ner;
	}

	/** ClassifierDL on pooled sentence embeddings ({@code sent_emb}) with the given parameters (seed 42). */
	public static ClassifierDLApproach classifierApproach(Fit fit) {
		ClassifierDLApproach classifier = new ClassifierDLApproach();
		classifier.setInputCols(new String[] { "sent_emb" });
		classifier.setOutputCol("class");
		classifier.setLabelColumn("label");
		classifier.setMaxEpochs(fit.epochs());
		classifier.setLr(fit.learningRate());
		classifier.setBatchSize(fit.batchSize());
		classifier.setDropout(fit.dropout());
		classifier.setRandomSeed(42);
		classifier.setEnableOutputLogs(false);
		if (fit.validationSplit() > 0) {
			classifier.setValidationSplit(fit.validationSplit());
		}
		return classifier;
	}

	/** A CoNLL file read as Spark NLP reads it: the delimiter must be " " (an empty one splits characters). */
	public static Dataset<Row> readConll(SparkSession spark, Path conll) {
		CoNLL reader = new CoNLL("document", "sentence", "token", "pos", 3, 1, "doc_id", "text", "label", true, " ",
				false);
		return reader.readDataset(spark, conll.toAbsolutePath().toString(), "TEXT", 2, StorageLevel.MEMORY_ONLY())
				.toDF();
	}

	/** The pooled-embeddings features ClassifierDL is fitted on, for a frame of {@code text} (and label). */
	public static Dataset<Row> classifierFeatures(Dataset<Row> frame, Word2VecModel embeddings) {
		DocumentAssembler document = new DocumentAssembler();
		document.setInputCol("text");
		document.setOutputCol("document");
		embeddings.setInputCols(new String[] { "doc_token" });
		embeddings.setOutputCol("doc_emb");
		SentenceEmbeddings pooled = new SentenceEmbeddings();
		pooled.setInputCols(new String[] { "document", "doc_emb" });
		pooled.setOutputCol("sent_emb");
		pooled.setPoolingStrategy("AVERAGE");
		PipelineModel features = new Pipeline().setStages(new PipelineStage[] { document,
				PipelineAssembler.tokenizer("document", "doc_token"), embeddings, pooled }).fit(frame);
		return features.transform(frame);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path data = Path.of(required(options, "data"));
		Path out = Path.of(required(options, "out"));
		JsonNode description = JSON.readTree(data.resolve("data.json").toFile());
		String type = description.path("type").asText();
		if (type.equals("assertion") || type.equals("relation")) {
			fitInContext(options, data, description, out);
			return;
		}
		Path embeddingsFolder = Path.of(required(options, "embeddings"));
		boolean ner = type.equals("ner");
		if (!ner && !type.equals("classification")) {
			throw new IllegalArgumentException("unknown training type " + type);
		}
		Fit defaults = ner ? Fit.nerDefaults() : Fit.classifierDefaults();
		Fit fit = new Fit(intOption(options, "epochs", defaults.epochs()),
				floatOption(options, "learning-rate", defaults.learningRate()),
				intOption(options, "batch-size", defaults.batchSize()),
				floatOption(options, "dropout", defaults.dropout()),
				floatOption(options, "validation-split", defaults.validationSplit()));
		Files.createDirectories(out);
		Path work = Files.createTempDirectory(out, "partial-");
		Path logs = Files.createDirectories(work.resolve("logs"));
		PrintStream progress = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		long started = System.nanoTime();
		SparkSession spark = SparkSupport.localSession("labelbench-training",
				Math.max(1, Runtime.getRuntime().availableProcessors()));
		SavedModel embeddingsModel = SavedModel.read(embeddingsFolder);
		Word2VecModel embeddings = (Word2VecModel) Word2VecModel.load(embeddingsFolder.toAbsolutePath().toString());
		Path model = work.resolve("model");
		Path firstSave = work.resolve("first-save");
		EpochLog epochLog = new EpochLog(logs, progress, fit.validationSplit() > 0);
		Thread tail = new Thread(epochLog::follow, "training-log");
		tail.setDaemon(true);
		tail.start();
		if (ner) {
			Dataset<Row> train = readConll(spark, data.resolve("train.conll"));
			embeddings.setInputCols(new String[] { "token" });
			embeddings.setOutputCol("embeddings");
			Dataset<Row> withEmbeddings = embeddings.transform(train).persist(StorageLevel.MEMORY_ONLY());
			NerDLApproach approach = nerApproach(fit);
			approach.setEnableOutputLogs(true);
			approach.setOutputLogsPath(logs.toString());
			NerDLModel fitted = approach.fit(withEmbeddings);
			withEmbeddings.unpersist();
			fitted.write().overwrite().save(firstSave.toString());
			((NerDLModel) NerDLModel.load(firstSave.toString())).write().overwrite().save(model.toString());
		} else {
			StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.StringType);
			List<Row> rows = new ArrayList<>();
			for (String line : Files.readAllLines(data.resolve("train.jsonl"), StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					JsonNode row = JSON.readTree(line);
					rows.add(RowFactory.create(row.path("text").asText(), row.path("label").asText()));
				}
			}
			Dataset<Row> features = classifierFeatures(spark.createDataFrame(rows, schema), embeddings)
					.persist(StorageLevel.MEMORY_ONLY());
			ClassifierDLApproach approach = classifierApproach(fit);
			approach.setEnableOutputLogs(true);
			approach.setOutputLogsPath(logs.toString());
			ClassifierDLModel fitted = approach.fit(features);
			features.unpersist();
			fitted.write().overwrite().save(firstSave.toString());
			((ClassifierDLModel) ClassifierDLModel.load(firstSave.toString())).write().overwrite()
					.save(model.toString());
		}
		double fitSeconds = (System.nanoTime() - started) / 1e9;
		epochLog.stop();
		tail.join();
		SavedModel saved = SavedModel.read(model);
		writePredictions(spark, embeddingsModel, saved, description, data.resolve("test.jsonl"),
				work.resolve("test-predictions.jsonl"));
		deleteTree(firstSave);
		// the model and its predictions appear together, or not at all
		Files.move(work, out.resolve("result"), StandardCopyOption.ATOMIC_MOVE);
		ObjectNode done = JSON.createObjectNode();
		done.put("event", "done");
		done.put("seconds", round((System.nanoTime() - started) / 1e9));
		done.put("fitSeconds", round(fitSeconds));
		done.set("labels", JSON.valueToTree(saved.labels()));
		ObjectNode parameters = done.putObject("parameters"); // the values used, defaults included
		parameters.put("epochs", fit.epochs());
		parameters.put("learningRate", Double.parseDouble(Float.toString(fit.learningRate())));
		parameters.put("batchSize", fit.batchSize());
		parameters.put("dropout", Double.parseDouble(Float.toString(fit.dropout())));
		parameters.put("validationSplit", Double.parseDouble(Float.toString(fit.validationSplit())));
		done.put("model", out.resolve("result/model").toString());
		progress.println(JSON.writeValueAsString(done));
		spark.stop();
		System.exit(0);
	}

	/**
	 * Assertion and relation models: {@link ContextTraining} on {@code train.jsonl}, {@code --epochs} iterations of
	 * the logistic regression (default {@value #CONTEXT_ITERATIONS}), the same result layout and closing line.
	 */
	private static void fitInContext(Map<String, String> options, Path data, JsonNode description, Path out)
			throws Exception {
		FeatureFit.Params defaults = FeatureFit.Params.DEFAULT;
		FeatureFit.Params params = new FeatureFit.Params(defaults.hashBuckets(), defaults.regParam(),
				intOption(options, "epochs", CONTEXT_ITERATIONS));
		Files.createDirectories(out);
		Path work = Files.createTempDirectory(out, "partial-");
		PrintStream progress = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		long started = System.nanoTime();
		SparkSession spark = SparkSupport.localSession("labelbench-training",
				Math.max(1, Runtime.getRuntime().availableProcessors()));
		Path model = work.resolve("model");
		ContextTraining.fit(spark, description, data.resolve("train.jsonl"), params, model, progress);
		double fitSeconds = (System.nanoTime() - started) / 1e9;
		ContextTraining.predict(description, model, data.resolve("test.jsonl"), work.resolve("test-predictions.jsonl"));
		Files.move(work, out.resolve("result"), StandardCopyOption.ATOMIC_MOVE);
		ObjectNode done = JSON.createObjectNode();
		done.put("event", "done");
		done.put("seconds", round((System.nanoTime() - started) / 1e9));
		done.put("fitSeconds", round(fitSeconds));
		done.set("labels", JSON.valueToTree(SavedModel.read(out.resolve("result/model")).labels()));
		ObjectNode parameters = done.putObject("parameters");
		parameters.put("iterations", params.maxIterations());
		parameters.put("hashBuckets", params.hashBuckets());
		parameters.put("regParam", params.regParam());
		done.put("model", out.resolve("result/model").toString());
		progress.println(JSON.writeValueAsString(done));
		spark.stop();
		System.exit(0);
	}

	/** Runs the saved model as the server would and writes each test task's result, GAL-shaped. */
	private static void writePredictions(SparkSession spark, SavedModel embeddings, SavedModel model,
			JsonNode description, Path tests, Path target) throws IOException {
		List<JsonNode> tasks = new ArrayList<>();
		for (String line : Files.readAllLines(tests, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				tasks.add(JSON.readTree(line));
			}
		}
		StringBuilder out = new StringBuilder();
		if (!tasks.isEmpty()) {
			Assembled assembled = new PipelineAssembler().embeddings(embeddings).model("model", model).assemble(spark);
			String column = assembled.outputs().get(0).column();
			List<String> texts = tasks.stream().map(t -> t.path("text").asText()).toList();
			List<Map<String, List<IAnnotation>>> results = new LightPipeline(assembled.model(), false)
					.fullAnnotateJava(new ArrayList<>(texts));
			String fromName = description.path("fromName").asText();
			String toName = description.path("toName").asText();
			for (int i = 0; i < tasks.size(); i++) {
				ObjectNode line = JSON.createObjectNode();
				line.set("id", tasks.get(i).get("id"));
				ArrayNode result = line.putArray("result");
				if (model.kind() == SavedModel.Kind.NER) {
					for (Chunk chunk : Chunks.of(results.get(i), column)) {
						ObjectNode region = result.addObject();
						region.put("from_name", fromName).put("to_name", toName).put("type", "labels");
						ObjectNode value = region.putObject("value");
						value.put("start", chunk.start()).put("end", chunk.end()).put("text", chunk.text());
						value.putArray("labels").add(chunk.label());
					}
				} else {
					List<IAnnotation> classes = results.get(i).getOrDefault(column, List.of());
					if (!classes.isEmpty()) {
						ObjectNode region = result.addObject();
						region.put("from_name", fromName).put("to_name", toName).put("type", "choices");
						region.putObject("value").putArray("choices").add(((JavaAnnotation) classes.get(0)).result());
					}
				}
				out.append(JSON.writeValueAsString(line)).append('\n');
			}
		}
		Files.writeString(target, out, StandardCharsets.UTF_8);
	}

	/**
	 * Follows the approach's training logs and prints one JSON line per epoch. Spark NLP appends to
	 * {@code <logs>/<uid>.log} as it trains: "Epoch i/n - …s - loss: …" per epoch (ClassifierDL counts from 0, NerDL
	 * from 1; printed from 1), then, with a validation split, the "Macro-average"/"Micro-average" lines of that
	 * epoch's validation — NerDL in the same file, ClassifierDL in a new {@code ClassifierMetrics_<uid>.log} per
	 * epoch. Without validation an epoch is printed as soon as its line is read; with it, once its scores are in.
	 */
	static final class EpochLog {
		private final Path folder;
		private final PrintStream out;
		private final boolean validating;
		private volatile boolean stopping;
		private final Map<Path, Long> read = new LinkedHashMap<>();
		private final Map<Path, StringBuilder> pending = new LinkedHashMap<>();
		private final java.util.ArrayDeque<ObjectNode> epochs = new java.util.ArrayDeque<>();
		private Integer firstEpoch;

		EpochLog(Path folder, PrintStream out, boolean validating) {
			this.folder = folder;
			this.out = out;
			this.validating = validating;
		}

		void stop() {
			stopping = true;
		}

		void follow() {
			try {
				while (true) {
					boolean last = stopping;
					poll();
					if (last) {
						while (!epochs.isEmpty()) {
							print(epochs.poll());
						}
						return;
					}
					Thread.sleep(200);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (IOException e) {
				System.err.println("cannot read the training log: " + e);
			}
		}

		private void poll() throws IOException {
			List<Path> files;
			try (Stream<Path> list = Files.list(folder)) {
				files = new ArrayList<>(list.filter(f -> f.toString().endsWith(".log")).toList());
			}
			// files seen before keep their order; new ones come after, oldest first
			files.removeAll(read.keySet());
			files.sort(Comparator.comparing((Path f) -> {
				try {
					return Files.getLastModifiedTime(f);
				} catch (IOException e) {
					return java.nio.file.attribute.FileTime.fromMillis(0);
				}
			}).thenComparing(Comparator.naturalOrder()));
			files.forEach(f -> read.put(f, 0L));
			for (Map.Entry<Path, Long> file : read.entrySet()) {
				byte[] bytes = Files.readAllBytes(file.getKey());
				if (bytes.length <= file.getValue()) {
					continue;
				}
				StringBuilder text = pending.computeIfAbsent(file.getKey(), f -> new StringBuilder());
				text.append(new String(bytes, file.getValue().intValue(), (int) (bytes.length - file.getValue()),
						StandardCharsets.UTF_8));
				file.setValue((long) bytes.length);
				int newline;
				while ((newline = text.indexOf("\n")) >= 0) {
					line(text.substring(0, newline));
					text.delete(0, newline + 1);
				}
			}
		}

		void line(String line) {
			Matcher m = EPOCH.matcher(line);
			if (m.find()) {
				int number = Integer.parseInt(m.group(1));
				if (firstEpoch == null) {
					firstEpoch = number;
				}
				ObjectNode epoch = JSON.createObjectNode();
				epoch.put("event", "epoch");
				epoch.put("epoch", number - firstEpoch + 1);
				epoch.put("epochs", Integer.parseInt(m.group(2)));
				epoch.put("loss", Double.parseDouble(m.group(4)));
				epoch.put("seconds", Double.parseDouble(m.group(3).replace(',', '.')));
				if (m.group(5) != null) {
					epoch.put("accuracy", Double.parseDouble(m.group(5)));
				}
				if (validating) {
					epochs.add(epoch);
				} else {
					print(epoch);
				}
				return;
			}
			Matcher average = AVERAGE.matcher(line);
			if (average.find()) {
				ObjectNode epoch = epochs.stream().filter(e -> !e.path("validation").has("microF1")).findFirst()
						.orElse(null);
				if (epoch == null) {
					return;
				}
				String kind = average.group(1).toLowerCase(java.util.Locale.ROOT);
				ObjectNode validation = epoch.with("validation");
				validation.put(kind + "Precision", Double.parseDouble(average.group(2)));
				validation.put(kind + "Recall", Double.parseDouble(average.group(3)));
				validation.put(kind + "F1", Double.parseDouble(average.group(4)));
				while (!epochs.isEmpty() && epochs.peek().path("validation").has("microF1")) {
					print(epochs.poll());
				}
			}
		}

		private void print(ObjectNode epoch) {
			try {
				out.println(JSON.writeValueAsString(epoch));
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --option value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	private static int intOption(Map<String, String> options, String name, int fallback) {
		return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
	}

	private static float floatOption(Map<String, String> options, String name, float fallback) {
		return options.containsKey(name) ? Float.parseFloat(options.get(name)) : fallback;
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
