package io.labelbench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.model.Task;
import io.labelbench.preannotate.Annotator;
import io.labelbench.preannotate.AnnotatorException;
import io.labelbench.preannotate.server.PipelineSpec;

/** A pipeline spec as an annotator: the texts of a data field, run in a JVM of the server distribution. */
final class SpecAnnotator implements Annotator {

	private final PipelineSpec spec;
	private final SpecProcess process;
	private final String dataField;

	/**
	 * The checkout's server distribution, or null (said on stderr) when a build of this bundle alone has not made it
	 * (the full build makes it first).
	 */
	static Path builtDistribution(String test) {
		Path distribution = Path.of("../../server/target/labelbench-server/labelbench-server").toAbsolutePath()
				.normalize();
		if (!Files.isRegularFile(distribution.resolve("bin/labelbench-server"))) {
			System.err.println(test + ": no server distribution in " + distribution + ", not run");
			return null;
		}
		return distribution;
	}

	SpecAnnotator(PipelineSpec spec, SpecProcess process, String dataField) {
		this.spec = spec;
		this.process = process;
		this.dataField = dataField;
	}

	@Override
	public String author() {
		return "prompts";
	}

	@Override
	public String modelVersion() {
		return spec.modelVersion();
	}

	@Override
	public List<Output> annotate(List<Task> tasks) throws AnnotatorException {
		List<String> texts = tasks.stream().map(t -> t.dataText(dataField)).toList();
		try {
			List<Output> out = new ArrayList<>();
			for (ObjectNode result : process.run(spec.json(), texts)) {
				List<ObjectNode> regions = new ArrayList<>();
				result.path("result").forEach(r -> regions.add((ObjectNode) r));
				JsonNode score = result.get("score");
				out.add(new Output(regions, score == null ? null : score.decimalValue()));
			}
			return out;
		} catch (IOException e) {
			throw new AnnotatorException(e.getMessage(), e);
		}
	}
}
