package io.labelbench.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;

import io.labelbench.rules.RuleEngine;
import io.labelbench.rules.RuleException;
import io.labelbench.rules.RuleMatch;
import io.labelbench.server.http.ServerSpec.ModelSpec;
import io.labelbench.server.http.ServerSpec.RuleSpec;
import io.labelbench.server.nlp.Chunks;
import io.labelbench.server.nlp.Chunks.Chunk;
import io.labelbench.server.nlp.PipelineAssembler.Output;
import io.labelbench.server.nlp.SavedModel;

/**
 * Turns texts into GAL prediction results: every model of the spec through one LightPipeline call, then the
 * rules, then the overlap policy.
 * <p>
 * <b>Overlapping spans</b> (same {@code from_name}): the longer span wins; of two equally long spans the one with
 * the higher confidence wins; then the source listed first in the spec (models before rules). Spans that only
 * touch ({@code end == start}) do not overlap. Spans of different controls never compete, and classification
 * results are never dropped.
 * <p>
 * Offsets are UTF-16 code units of the text, end exclusive, as in GAL and Label Studio. A region's
 * {@code value.confidence} is the model's (NerConverter's mean token confidence; 1 for rules), the task's
 * {@code score} the mean over its regions.
 */
public final class Predictor {
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** A candidate span before the overlap policy. */
	record Span(int start, int end, String text, String label, double confidence, String fromName, String toName,
			int source) {
		int length() {
			return end - start;
		}

		boolean overlaps(Span o) {
			return fromName.equals(o.fromName) && start < o.end && o.start < end;
		}
	}

	/** Rules of one control. */
	private record RuleGroup(String fromName, String toName, RuleEngine engine) {
	}

	private final LightPipeline light;
	private final List<Output> outputs;
	private final List<ModelSpec> models;
	private final List<RuleGroup> ruleGroups = new ArrayList<>();

	/**
	 * @param light   the assembled pipeline (null when the spec has rules only)
	 * @param outputs the pipeline's outputs, in the order of {@code spec.models()}
	 */
	public Predictor(ServerSpec spec, LightPipeline light, List<Output> outputs) throws RuleException {
		this.light = light;
		this.outputs = List.copyOf(outputs);
		this.models = spec.models();
		Map<String, List<RuleSpec>> byControl = new LinkedHashMap<>();
		for (RuleSpec r : spec.rules()) {
			byControl.computeIfAbsent(r.fromName() + "\u0000" + r.toName(), k -> new ArrayList<>()).add(r);
		}
		for (List<RuleSpec> group : byControl.values()) {
			ruleGroups.add(new RuleGroup(group.get(0).fromName(), group.get(0).toName(),
					new RuleEngine(group.stream().map(RuleSpec::rule).toList())));
		}
	}

	/** One result object per text: {"result": [...], "score": 0.97}. Blank texts get an empty result. */
	public List<ObjectNode> predict(List<String> texts) throws RuleException {
		ArrayList<String> nonBlank = new ArrayList<>();
		for (String t : texts) {
			if (t != null && !t.isBlank()) {
				nonBlank.add(t);
			}
		}
		List<Map<String, List<IAnnotation>>> annotated = light == null || nonBlank.isEmpty() ? null
				: light.fullAnnotateJava(nonBlank);
		List<ObjectNode> out = new ArrayList<>(texts.size());
		int j = 0;
		for (String text : texts) {
			boolean blank = text == null || text.isBlank();
			out.add(predictOne(text, blank || annotated == null ? Map.of() : annotated.get(j)));
			if (!blank) {
				j++;
			}
		}
		return out;
	}

	private ObjectNode predictOne(String text, Map<String, List<IAnnotation>> annotated) throws RuleException {
		List<Span> spans = new ArrayList<>();
		List<ObjectNode> choices = new ArrayList<>();
		for (int k = 0; k < outputs.size(); k++) {
			Output output = outputs.get(k);
			ModelSpec model = models.get(k);
			if (output.kind() == SavedModel.Kind.NER) {
				for (Chunk c : Chunks.of(annotated, output.column())) {
					if (allowed(model, c.label())) {
						spans.add(new Span(c.start(), c.end(), c.text(), c.label(),
								c.confidence() == null ? 0 : c.confidence(), model.fromName(), model.toName(), k));
					}
				}
			} else {
				for (IAnnotation ia : annotated.getOrDefault(output.column(), List.of())) {
					JavaAnnotation a = (JavaAnnotation) ia;
					if (allowed(model, a.result())) {
						choices.add(choice(model, a.result(), parse(a.metadata().get(a.result()))));
					}
				}
			}
		}
		if (text != null) {
			for (int g = 0; g < ruleGroups.size(); g++) {
				RuleGroup group = ruleGroups.get(g);
				for (RuleMatch m : group.engine().apply(text)) {
					spans.add(new Span(m.start(), m.end(), m.text(), m.label(), 1.0, group.fromName(), group.toName(),
							outputs.size() + g));
				}
			}
		}
		List<Span> kept = resolveOverlaps(spans);
		ObjectNode task = NODES.objectNode();
		var result = task.putArray("result");
		double sum = 0;
		int n = 0;
		for (Span s : kept) {
			ObjectNode region = result.addObject();
			region.put("id", "lb" + (++n));
			region.put("from_name", s.fromName());
			region.put("to_name", s.toName());
			region.put("type", "labels");
			ObjectNode value = region.putObject("value");
			value.put("start", s.start());
			value.put("end", s.end());
			value.put("text", s.text());
			value.putArray("labels").add(s.label());
			value.put("confidence", round(s.confidence()));
			sum += s.confidence();
		}
		for (ObjectNode c : choices) {
			c.put("id", "lb" + (++n));
			result.add(c);
			sum += c.path("value").path("confidence").asDouble();
		}
		if (n > 0) {
			task.put("score", round(sum / n));
		}
		return task;
	}

	/** The overlap policy of the class comment; the kept spans in text order. */
	static List<Span> resolveOverlaps(List<Span> spans) {
		List<Span> order = new ArrayList<>(spans);
		order.sort(Comparator.comparingInt(Span::length).reversed()
				.thenComparing(Comparator.comparingDouble(Span::confidence).reversed())
				.thenComparingInt(Span::source).thenComparingInt(Span::start));
		List<Span> kept = new ArrayList<>();
		for (Span s : order) {
			if (kept.stream().noneMatch(s::overlaps)) {
				kept.add(s);
			}
		}
		kept.sort(Comparator.comparingInt(Span::start).thenComparing(Span::fromName));
		return kept;
	}

	private static boolean allowed(ModelSpec model, String label) {
		return model.labels().isEmpty() || model.labels().contains(label);
	}

	private static ObjectNode choice(ModelSpec model, String label, double confidence) {
		ObjectNode region = NODES.objectNode();
		region.put("from_name", model.fromName());
		region.put("to_name", model.toName());
		region.put("type", "choices");
		ObjectNode value = region.putObject("value");
		value.putArray("choices").add(label);
		value.put("confidence", round(confidence));
		return region;
	}

	private static double parse(String number) {
		try {
			return number == null ? 0 : Double.parseDouble(number);
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static double round(double v) {
		return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : 0;
	}
}
