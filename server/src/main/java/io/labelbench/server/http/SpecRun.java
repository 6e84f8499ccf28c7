package io.labelbench.server.http;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.server.nlp.SparkSupport;

/**
 * {@code labelbench-server predict --spec SPEC.json --in TEXTS.jsonl --out RESULTS.jsonl}: runs a spec's pipeline on
 * texts without an HTTP server, for the command line's {@code prompt test} and {@code prompt evaluate}. Each input
 * line is {@code {"text": "…"}}; each output line the {@link TaskResult} of the same line (the server's
 * {@code /predict} answer for one text). Exit 2 with one {@code ERROR} line for a bad spec or input.
 */
public final class SpecRun {

	private static final int BATCH = 32;

	private SpecRun() {
	}

	public static void main(String[] args) throws Exception {
		try {
			Map<String, String> options = PreannotationServer.options(args);
			run(Path.of(PreannotationServer.required(options, "spec")), Path.of(PreannotationServer.required(options,
					"in")), Path.of(PreannotationServer.required(options, "out")));
		} catch (IOException | IllegalArgumentException | RuleException e) {
			System.err.println("ERROR " + e.getMessage());
			System.exit(2);
		}
		System.exit(0); // Spark's and ONNX Runtime's threads would keep the JVM alive
	}

	static void run(Path specFile, Path in, Path out) throws IOException, RuleException {
		ServerSpec spec = PreannotationServer.readSpec(specFile);
		SparkSession[] spark = new SparkSession[1];
		ServerPipeline pipeline = ServerPipeline.load(spec,
				() -> spark[0] = SparkSupport.localSession("labelbench-predict", 1));
		ObjectMapper json = PreannotationServer.protocolMapper();
		try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
				BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			List<String> batch = new ArrayList<>();
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				JsonNode node = json.readTree(line);
				JsonNode text = node == null ? null : node.get("text");
				if (text == null || !(text.isTextual() || text.isNull())) {
					throw new IOException(in + ":" + number + ": expected {\"text\": \"…\"}");
				}
				batch.add(text.isNull() ? null : text.asText());
				if (batch.size() == BATCH) {
					write(pipeline, batch, json, writer);
				}
			}
			write(pipeline, batch, json, writer);
		} finally {
			if (spark[0] != null) {
				spark[0].stop();
			}
		}
	}

	private static void write(ServerPipeline pipeline, List<String> batch, ObjectMapper json, BufferedWriter writer)
			throws IOException, RuleException {
		if (batch.isEmpty()) {
			return;
		}
		for (TaskResult result : pipeline.predictor().predict(batch)) {
			writer.write(json.writeValueAsString(result));
			writer.newLine();
		}
		batch.clear();
	}
}
