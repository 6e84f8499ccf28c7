package io.labelbench.config;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.InputSource;

/**
 * Benchmark (not a test): full validation of a generated config with 200 labels tied to 5 models, against
 * plain JAXP DOM parsing of the same text, warm, in the same run. Prints both times per config and the ratio
 * last. Target: under 5 ms per validation. Run by releng/benchmarks/config-validation.sh.
 */
public final class ConfigValidationBench {

	private static final int LABELS = 200;
	private static final int MODELS = 5;
	private static final double TARGET_MS = 5;

	public static void main(String[] args) throws Exception {
		Map<String, ModelInfo.Model> hub = new HashMap<>();
		StringBuilder config = new StringBuilder("<View>\n  <!-- generated: ").append(LABELS).append(" labels, ")
				.append(MODELS).append(" models -->\n  <Relations>\n");
		for (int r = 0; r < 10; r++) {
			config.append("    <Relation value=\"REL_").append(r).append("\"/>\n");
		}
		config.append("  </Relations>\n  <Labels name=\"label\" toName=\"text\" showInline=\"true\">\n");
		for (int m = 0; m < MODELS; m++) {
			Set<String> tags = new HashSet<>(Set.of("O"));
			for (int l = 0; l < LABELS / MODELS; l++) {
				String label = "ENTITY_" + m + "_" + l;
				tags.add("B-" + label);
				tags.add("I-" + label);
				config.append("    <Label value=\"").append(label).append("\" model=\"ner_model_").append(m)
						.append("\" background=\"").append(PredefinedLabels.colour(m * 40 + l)).append('"');
				if (l < 8) {
					config.append(" hotkey=\"").append(m).append('+').append(l).append('"');
				}
				config.append("/>\n");
			}
			hub.put("ner_model_" + m, new ModelInfo.Model(tags, "glove_100d", 170L << 20));
		}
		// downloaded, like the models that run on them (else every model gets an embeddings-missing warning)
		hub.put("glove_100d", new ModelInfo.Model(Set.of(), null));
		config.append("    <Label value=\"ABSENT\" assertion=\"true\"/>\n  </Labels>\n")
				.append("  <Choices name=\"sentiment\" toName=\"text\" choice=\"single\">\n")
				.append("    <Choice value=\"Positive\"/><Choice value=\"Negative\"/>\n  </Choices>\n")
				.append("  <Text name=\"text\" value=\"$text\" granularity=\"word\"/>\n</View>\n");
		String text = config.toString();

		ConfigValidator validator = new ConfigValidator(ModelInfo.of(hub), Map.of("ENTITY_0_0", 10), false);
		List<Diagnostic> found = validator.validate(text);
		if (!found.isEmpty()) {
			throw new IllegalStateException("the generated config must be valid: " + found);
		}
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		DocumentBuilder builder = factory.newDocumentBuilder();

		int rounds = 2000;
		long sink = 0;
		for (int warm = 0; warm < 5; warm++) {
			for (int i = 0; i < rounds; i++) {
				sink += validator.validate(text).size();
				sink += builder.parse(new InputSource(new StringReader(text))).getDocumentElement().getChildNodes()
						.getLength();
			}
		}
		double best = Double.MAX_VALUE;
		double bestJaxp = Double.MAX_VALUE;
		for (int run = 0; run < 5; run++) {
			long start = System.nanoTime();
			for (int i = 0; i < rounds; i++) {
				sink += validator.validate(text).size();
			}
			best = Math.min(best, (System.nanoTime() - start) / 1e6 / rounds);
			start = System.nanoTime();
			for (int i = 0; i < rounds; i++) {
				sink += builder.parse(new InputSource(new StringReader(text))).getDocumentElement().getChildNodes()
						.getLength();
			}
			bestJaxp = Math.min(bestJaxp, (System.nanoTime() - start) / 1e6 / rounds);
		}
		System.out.printf(Locale.ROOT, "config: %d labels, %d models, %d characters (checksum %d)%n", LABELS, MODELS,
				text.length(), sink % 10);
		System.out.printf(Locale.ROOT, "full validation:  %.3f ms per config (target < %.0f ms: %s)%n", best, TARGET_MS,
				best < TARGET_MS ? "met" : "MISSED");
		System.out.printf(Locale.ROOT, "JAXP DOM parsing: %.3f ms per config%n", bestJaxp);
		System.out.printf(Locale.ROOT, "ratio validation / JAXP parse: %.2f%n", best / bestJaxp);
	}
}
