package io.labelbench.server.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.Span;
import io.labelbench.server.data.NerCorpus.Variant;
import io.labelbench.server.data.PosologyGenerator;

/**
 * A Labelbench project of generated posology notes, as annotators leave it: every training sample a task with a
 * submitted completion, every test sample a task tagged "test" with one; the config has the posology labels.
 * {@code java … GeneratedProject FOLDER TRAIN TEST SEED [MODEL]} writes one for the benchmarks.
 */
public final class GeneratedProject {
	private static final ObjectMapper JSON = new ObjectMapper();

	private GeneratedProject() {
	}

	public static void main(String[] args) throws IOException {
		PosologyGenerator generator = new PosologyGenerator();
		long seed = Long.parseLong(args[3]);
		write(Path.of(args[0]), generator.generate(seed, Integer.parseInt(args[1]), Variant.TRAIN),
				generator.generate(seed + 1, Integer.parseInt(args[2]), Variant.HELDOUT), args.length > 4 ? args[4] : null);
	}

	/** Writes the project into {@code folder}; the config's labels name {@code model} when it is not null. */
	public static Path write(Path folder, List<Sample> train, List<Sample> test, String model) throws IOException {
		Files.createDirectories(folder.resolve("tasks"));
		StringBuilder config = new StringBuilder("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
		for (String label : PosologyGenerator.LABELS) {
			config.append("    <Label value=\"").append(label).append('"')
					.append(model == null ? "" : " model=\"" + model + "\"").append("/>\n");
		}
		config.append("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
		Files.writeString(folder.resolve("labeling-config.xml"), config);
		List<Sample> all = new ArrayList<>(train);
		all.addAll(test);
		int id = 0;
		for (Sample sample : all) {
			id++;
			ObjectNode task = JSON.createObjectNode();
			task.put("id", id);
			task.putObject("data").put("text", sample.text());
			if (id > train.size()) {
				task.putArray("tags").add("test");
			}
			ObjectNode completion = task.putArray("completions").addObject();
			completion.put("id", 1).put("created_username", "ana").put("submitted_at", "2026-12-01T09:00:00Z");
			ArrayNode result = completion.putArray("result");
			int r = 0;
			for (Span span : sample.spans()) {
				ObjectNode region = result.addObject().put("id", "r" + (++r)).put("from_name", "label")
						.put("to_name", "text").put("type", "labels");
				ObjectNode value = region.putObject("value").put("start", span.start()).put("end", span.end())
						.put("text", sample.text().substring(span.start(), span.end()));
				value.putArray("labels").add(span.label());
			}
			Files.writeString(folder.resolve("tasks").resolve(id + ".json"), JSON.writeValueAsString(task));
		}
		return folder;
	}

	/** The ids of the test tasks of a project written with these sizes, comma-separated. */
	public static String testIds(int train, int test) {
		StringBuilder ids = new StringBuilder();
		for (int id = train + 1; id <= train + test; id++) {
			ids.append(ids.length() == 0 ? "" : ",").append(id);
		}
		return ids.toString();
	}
}
