package io.labelbench.server.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.embeddings.Word2VecModel;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyGenerator;
import io.labelbench.server.fit.ProjectTraining;
import io.labelbench.server.nlp.Chunks;
import io.labelbench.server.nlp.PipelineAssembler;
import io.labelbench.server.nlp.PipelineAssembler.Assembled;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;

/**
 * The direct side of the training benchmark ({@code releng/benchmarks/training.sh}), run in the server distribution:
 * <ul>
 * <li>{@code tasks FILE TRAIN TEST}: GAL tasks of generated posology sentences with a submitted completion each, the
 * last TEST of them (held-out sentences) tagged "test", one JSON object a line for {@code labelbench import};</li>
 * <li>{@code fit DATA EMBEDDINGS EPOCHS}: NerDLApproach, set up as the training JVM sets it up, fitted directly on
 * the CoNLL file that {@code labelbench train --export} wrote;</li>
 * <li>{@code evaluate MODEL EMBEDDINGS TEST}: the model in a bare LightPipeline on the test sentences, exact span
 * micro-F1 against the generated spans, counted here: {@code DIRECT_F1 x}.</li>
 * </ul>
 */
public final class TrainingBench {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final long TRAIN_SEED = 42;
	private static final long TEST_SEED = 99;

	private TrainingBench() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
		case "tasks" -> tasks(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
		case "fit" -> fit(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
		case "evaluate" -> evaluate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
		default -> throw new IllegalArgumentException("tasks, fit or evaluate, not " + args[0]);
		}
		System.exit(0);
	}

	private static List<Sample> test(int count) {
		return new PosologyGenerator().generate(TEST_SEED, count, Variant.HELDOUT);
	}

	private static void tasks(Path file, int train, int test) throws Exception {
		List<Sample> samples = new ArrayList<>(new PosologyGenerator().generate(TRAIN_SEED, train, Variant.TRAIN));
		samples.addAll(test(test));
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < samples.size(); i++) {
			Sample s = samples.get(i);
			ObjectNode task = JSON.createObjectNode();
			task.put("id", i + 1);
			task.putObject("data").put("text", s.text());
			if (i >= train) {
				task.putArray("tags").add("test");
			}
			ObjectNode completion = task.putArray("completions").addObject();
			completion.put("id", 1).put("created_username", "bench").put("submitted_at", "2026-11-01T10:00:00Z");
			ArrayNode result = completion.putArray("result");
			int n = 0;
			for (Span span : s.spans()) {
				ObjectNode region = result.addObject();
				region.put("id", "r" + ++n).put("from_name", "label").put("to_name", "text").put("type", "labels");
				region.putObject("value").put("start", span.start()).put("end", span.end())
						.put("text", s.text().substring(span.start(), span.end())).putArray("labels").add(span.label());
			}
			out.append(JSON.writeValueAsString(task)).append('\n');
		}
		Files.writeString(file, out, StandardCharsets.UTF_8);
	}

	/** The fit the training JVM makes, without anything around it; prints its JVM's seconds so far. */
	private static void fit(Path data, Path embeddingsFolder, int epochs) throws Exception {
		long started = System.nanoTime();
		SparkSession spark = SparkSupport.localSession("labelbench-direct-fit",
				Math.max(1, Runtime.getRuntime().availableProcessors()));
		Word2VecModel embeddings = (Word2VecModel) Word2VecModel.load(embeddingsFolder.toAbsolutePath().toString());
		embeddings.setInputCols(new String[] { "token" });
		embeddings.setOutputCol("embeddings");
		Dataset<Row> train = ProjectTraining.readConll(spark, data.resolve("train.conll"));
		Dataset<Row> withEmbeddings = embeddings.transform(train).persist(StorageLevel.MEMORY_ONLY());
		ProjectTraining.Fit defaults = ProjectTraining.Fit.nerDefaults();
		ProjectTraining.nerApproach(new ProjectTraining.Fit(epochs, defaults.learningRate(), defaults.batchSize(),
				defaults.dropout(), defaults.validationSplit())).fit(withEmbeddings);
		System.out.printf("DIRECT_FIT_SECONDS %.1f%n", (System.nanoTime() - started) / 1e9);
		spark.stop();
	}

	private static void evaluate(Path model, Path embeddings, int count) throws Exception {
		SparkSession spark = SparkSupport.localSession("labelbench-direct-evaluation", 1);
		Assembled assembled = new PipelineAssembler().embeddings(SavedModel.read(embeddings))
				.model("model", SavedModel.read(model)).assemble(spark);
		String column = assembled.outputs().get(0).column();
		List<Sample> test = test(count);
		ArrayList<String> texts = new ArrayList<>(test.stream().map(Sample::text).toList());
		List<Map<String, List<IAnnotation>>> results = new LightPipeline(assembled.model(), false)
				.fullAnnotateJava(texts);
		int tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < test.size(); i++) {
			Set<Span> gold = new HashSet<>(test.get(i).spans());
			Set<Span> predicted = new HashSet<>();
			Chunks.of(results.get(i), column).forEach(c -> predicted.add(new Span(c.start(), c.end(), c.label())));
			for (Span p : predicted) {
				if (gold.contains(p)) {
					tp++;
				} else {
					fp++;
				}
			}
			fn += (int) gold.stream().filter(g -> !predicted.contains(g)).count();
		}
		System.out.printf("DIRECT_F1 %.4f (tp %d, fp %d, fn %d)%n", 2.0 * tp / (2 * tp + fp + fn), tp, fp, fn);
		spark.stop();
	}
}
