package io.labelbench.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;

import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.server.nlp.Chunks;
import io.labelbench.server.nlp.Chunks.Chunk;
import io.labelbench.server.nlp.PipelineAssembler.Output;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.TextPieces;
import io.labelbench.server.nlp.TextPieces.Piece;

/**
 * Turns texts into GAL prediction results: every model of the spec through the LightPipeline, then the rules,
 * then the overlap policy.
 * <p>
 * <b>Long texts</b> go through the models in pieces of at most a few thousand characters, cut at sentence ends
 * ({@link TextPieces}): the pipeline's time grows faster than the length of one document. The pieces of all texts
 * of a request go in batches of {@value #BATCH_PIECES}, and between batches the caller can stop the work. Entity
 * offsets are shifted back into the whole text, exactly; a classifier's answer for a text of several pieces is
 * the label with the highest score averaged over the pieces, weighted by their length. Rules always run on the
 * whole text.
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
	private final int maxPieceLength;

	/**
	 * @param light   the assembled pipeline (null when the spec has rules only)
	 * @param outputs the pipeline's outputs, in the order of {@code spec.models()}
	 */
	public Predictor(ServerSpec spec, LightPipeline light, List<Output> outputs) throws RuleException {
		this(spec, light, outputs, TextPieces.DEFAULT_MAX_LENGTH);
	}

	/** @param maxPieceLength texts longer than this go through the models in pieces ({@link TextPieces}) */
	public Predictor(ServerSpec spec, LightPipeline light, List<Output> outputs, int maxPieceLength)
			throws RuleException {
		this.maxPieceLength = maxPieceLength;
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

	/** Thrown when a request is abandoned between two batches of pieces (its deadline passed). */
	public static final class Abandoned extends Exception {
		private static final long serialVersionUID = 1L;

		Abandoned(String message) {
			super(message);
		}
	}

	/** At most this many pieces go to the pipeline in one call; the deadline is checked between calls. */
	static final int BATCH_PIECES = 32;

	/** One result object per text: {"result": [...], "score": 0.97}. Blank texts get an empty result. */
	public List<ObjectNode> predict(List<String> texts) throws RuleException {
		try {
			return predict(texts, () -> false);
		} catch (Abandoned e) {
			throw new IllegalStateException(e); // nothing asks to stop
		}
	}

	/**
	 * As {@link #predict(List)}, checking {@code stop} between batches of pieces and between texts: once it says
	 * true, the rest of the work is dropped and {@link Abandoned} thrown.
	 */
	public List<ObjectNode> predict(List<String> texts, BooleanSupplier stop) throws RuleException, Abandoned {
		List<List<Piece>> pieces = new ArrayList<>(texts.size());
		ArrayList<String> all = new ArrayList<>();
		for (String t : texts) {
			List<Piece> split = light == null ? List.of() : TextPieces.split(t, maxPieceLength);
			pieces.add(split);
			split.forEach(p -> all.add(p.text()));
		}
		List<Map<String, List<IAnnotation>>> annotated = new ArrayList<>(all.size());
		for (int from = 0; from < all.size(); from += BATCH_PIECES) {
			checkStop(stop, from, all.size());
			for (Map<String, List<IAnnotation>> piece : light.fullAnnotateJava(new ArrayList<>(all.subList(from,
					Math.min(all.size(), from + BATCH_PIECES))))) {
				annotated.add(outputsOnly(piece));
			}
		}
		List<ObjectNode> out = new ArrayList<>(texts.size());
		int next = 0;
		for (int i = 0; i < texts.size(); i++) {
			checkStop(stop, all.size(), all.size());
			int count = pieces.get(i).size();
			out.add(predictOne(texts.get(i), pieces.get(i), annotated.subList(next, next + count)));
			next += count;
		}
		return out;
	}

	/**
	 * The models' output columns of one piece: the others (tokens, word vectors) would hold hundreds of MB for
	 * a long text until the request is answered.
	 */
	private Map<String, List<IAnnotation>> outputsOnly(Map<String, List<IAnnotation>> piece) {
		Map<String, List<IAnnotation>> kept = new HashMap<>();
		for (Output output : outputs) {
			List<IAnnotation> list = piece.get(output.column());
			if (list != null) {
				kept.put(output.column(), list);
			}
		}
		return kept;
	}

	private static void checkStop(BooleanSupplier stop, int done, int total) throws Abandoned {
		if (stop.getAsBoolean()) {
			throw new Abandoned("stopped after " + done + " of " + total + " pieces of text");
		}
	}

	private ObjectNode predictOne(String text, List<Piece> pieces, List<Map<String, List<IAnnotation>>> annotated)
			throws RuleException {
		List<Span> spans = new ArrayList<>();
		List<ObjectNode> choices = new ArrayList<>();
		for (int k = 0; k < outputs.size(); k++) {
			Output output = outputs.get(k);
			ModelSpec model = models.get(k);
			if (output.kind() == SavedModel.Kind.NER) {
				for (int p = 0; p < pieces.size(); p++) {
					for (Chunk c : Chunks.of(annotated.get(p), output.column(), pieces.get(p).start())) {
						if (allowed(model, c.label())) {
							spans.add(new Span(c.start(), c.end(), c.text(), c.label(),
									c.confidence() == null ? 0 : c.confidence(), model.fromName(), model.toName(), k));
						}
					}
				}
			} else {
				ObjectNode choice = classify(model, output, pieces, annotated);
				if (choice != null) {
					choices.add(choice);
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
		// per control the kept spans by start: they never overlap, so the one starting last before a candidate's end
		// is the only one that can reach into it (a long text has 100,000s of spans: no pairwise comparison)
		Map<String, TreeMap<Integer, Span>> keptByControl = new HashMap<>();
		List<Span> kept = new ArrayList<>();
		for (Span s : order) {
			if (s.length() <= 0) {
				continue; // models and rules give no empty spans; one would have no text to label
			}
			TreeMap<Integer, Span> control = keptByControl.computeIfAbsent(s.fromName(), n -> new TreeMap<>());
			Map.Entry<Integer, Span> before = control.lowerEntry(s.end());
			if (before == null || !before.getValue().overlaps(s)) {
				control.put(s.start(), s);
				kept.add(s);
			}
		}
		kept.sort(Comparator.comparingInt(Span::start).thenComparing(Span::fromName));
		return kept;
	}

	/**
	 * The class of a text from the classes of its pieces: each label's score averaged over the pieces, weighted by
	 * their length (as the classifier itself averages word vectors over a document), and the best label kept when
	 * the model's labels allow it. A text of one piece keeps the classifier's own answer. Null when the text is
	 * blank or its class is not allowed.
	 */
	private static ObjectNode classify(ModelSpec model, Output output, List<Piece> pieces,
			List<Map<String, List<IAnnotation>>> annotated) {
		Map<String, Double> weighted = new LinkedHashMap<>();
		double total = 0;
		for (int p = 0; p < pieces.size(); p++) {
			double weight = pieces.size() == 1 ? 1 : pieces.get(p).end() - pieces.get(p).start();
			for (IAnnotation ia : annotated.get(p).getOrDefault(output.column(), List.of())) {
				JavaAnnotation a = (JavaAnnotation) ia;
				total += weight;
				if (pieces.size() == 1) {
					weighted.merge(a.result(), parse(a.metadata().get(a.result())), Double::sum);
					continue;
				}
				for (String label : output.labels()) {
					weighted.merge(label, weight * parse(a.metadata().get(label)), Double::sum);
				}
			}
		}
		String best = null;
		for (Map.Entry<String, Double> e : weighted.entrySet()) {
			if (best == null || e.getValue() > weighted.get(best)) {
				best = e.getKey();
			}
		}
		return best == null || !allowed(model, best) ? null : choice(model, best, weighted.get(best) / total);
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
