package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.labelbench.config.ConfigValidator;
import io.labelbench.config.Diagnostic;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.json.Json;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;

/**
 * {@code labelbench validate-config [--json] [--cache DIR] FILE…}: prints
 * {@code FILE:LINE:COLUMN: error|warning|info: message [code]} per finding (or one JSON array); exit 1 when a
 * file has an error, 2 when a file cannot be read. Models named by labels are looked up in the local cache.
 */
final class ConfigCommand {

	private final PrintStream out;
	private final PrintStream err;

	ConfigCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> rest) throws IOException {
		Arguments args = new Arguments("validate-config", rest, Set.of("cache"), Set.of("json"));
		if (args.operands().isEmpty()) {
			throw new UsageException("validate-config: name at least one labeling-config.xml");
		}
		ModelCache cache = args.optional("cache", null) == null ? ModelCache.defaultCache()
				: new ModelCache(Path.of(args.optional("cache", null)));
		ConfigValidator validator = new ConfigValidator(PipelineSpec.modelInfo(cache), Map.of(), false);
		boolean errors = false;
		ArrayNode all = Json.nodes().arrayNode();
		for (String operand : args.operands()) {
			Path file = Path.of(operand);
			LabelingConfig config;
			try {
				// read by its byte order mark or encoding declaration; undecodable bytes are a finding with a position
				config = LabelingConfig.decode(Files.readAllBytes(file));
			} catch (NoSuchFileException e) {
				throw new IOException(operand + ": no such file");
			}
			List<Diagnostic> diagnostics = validator.validate(config);
			errors |= diagnostics.stream().anyMatch(Diagnostic::isError);
			if (args.flag("json")) {
				all.addAll(ConfigValidator.toJson(file, diagnostics));
			} else {
				diagnostics.forEach(d -> out.println(ConfigValidator.format(file, d)));
			}
		}
		if (args.flag("json")) {
			out.println(Json.mapper().writeValueAsString(all));
		}
		return errors ? Labelbench.PROBLEMS : Labelbench.OK;
	}

	/** The project's config as the task checks need it. */
	static ResultSchema schemaOf(Path configFile) {
		try {
			return LabelingConfig.read(configFile);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
