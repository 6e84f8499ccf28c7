package io.labelbench.server.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import com.johnsnowlabs.nlp.LightPipeline;

import io.labelbench.server.http.PreannotationServer;
import io.labelbench.protocol.ServerSpec;

/**
 * The baseline of the pre-annotation benchmark: the models of a server spec in a bare LightPipeline, texts
 * annotated in batches, nothing else (no HTTP, no JSON, no task files). Prints {@code RAW docs/s}.
 * Usage: RawThroughput SPEC.json TEXTS.txt (one text a line) [BATCH]
 */
public final class RawThroughput {
	private RawThroughput() {
	}

	public static void main(String[] args) throws Exception {
		ServerSpec spec = PreannotationServer.readSpec(Path.of(args[0]));
		List<String> texts = Files.readAllLines(Path.of(args[1]));
		int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
		SparkSession spark = SparkSupport.localSession("labelbench-raw", 1);
		try {
			LightPipeline light = new LightPipeline(PreannotationServer.assemble(spec, spark).model(), false);
			light.fullAnnotateJava("Warm up: aspirin 81 mg daily.");
			long chunks = 0;
			long t0 = System.nanoTime();
			for (int i = 0; i < texts.size(); i += batch) {
				var part = new ArrayList<>(texts.subList(i, Math.min(texts.size(), i + batch)));
				for (var doc : light.fullAnnotateJava(part)) {
					chunks += doc.values().stream().mapToInt(List::size).sum();
				}
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("RAW %.1f docs/s (%d texts in %.1f s, batch %d, %d annotations)%n",
					texts.size() / seconds, texts.size(), seconds, batch, chunks);
		} finally {
			spark.stop();
		}
	}
}
