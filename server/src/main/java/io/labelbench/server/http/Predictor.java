package io.labelbench.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.Region;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.server.nlp.Chunks;
import io.labelbench.server.nlp.Chunks.Chunk;
import io.labelbench.server.nlp.PipelineAssembler.Output;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.TextPieces;
import io.labelbench.server.nlp.TextPieces.Piece;
import io.labelbench.rules.engine.AssertionAnnotator;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RelationAnnotator;
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;

/**
 * Turns texts into GAL prediction results: every NER and classification model of the spec through the
 * LightPipeline, then the rules, then the prompts, then the overlap policy; then, on the entities kept, the assertion annotators and
 * the relation annotators.
 * <p>
 * <b>Long texts</b> go through the models in pieces of at most a few thousand characters, cut at sentence ends
 * ({@link TextPieces}): the pipeline's time grows faster than the length of one document. The pieces of all texts
 * of a request go in batches of {@value #BATCH_PIECES}, and between batches the caller can stop the work. Entity
 * offsets are shifted back into the whole text, exactly; a classifier's answer for a text of several pieces is
 * the label with the highest score averaged over the pieces, weighted by their length. Rules always run on the
 * whole text.
 * <p>
 * <b>Overlapping spans</b> (same {@code from_name}): the longer span wins; of two equally long spans the one with
 * the higher confidence wins; then the source listed first in the spec (models before rules before prompts). A
 * prompt's span has the engine's confidence; a Choices control given a choice by prompts gets the best one. Spans that only
 * touch ({@code end == start}) do not overlap. Spans of different controls never compete, and classification
 * results are never dropped.
 * <p>
 * <b>Assertion and relations</b> run per object ({@code to_name}) on its kept entity spans, in text order, a piece
 * of the text at a time (the pieces of {@link TextPieces}, cut at sentence ends: their work grows with the length of
 * the text, and a relation never spans two sentences anyway). An
 * assertion status becomes a {@code labels} region of its own with the entity's offsets and text, in the control
 * of the annotator's assertion labels; it is not subject to the overlap policy. An entity gets at most one status:
 * that of the first annotator in the spec's order that qualifies it (models before rules). A relation is a
 * {@code relation} result between two entity regions of the same prediction; one per ordered pair, again the first
 * annotator's. Statuses and relation labels the spec does not allow for an annotator are dropped.
 * <p>
 * Offsets are UTF-16 code units of the text, end exclusive, as in GAL and Label Studio. A region's
 * {@code value.confidence} is the model's (NerConverter's mean token confidence; 1 for rules), a relation's
 * {@code confidence} its annotator's, the task's {@code score} the mean over its regions and relations.
 */
public final class Predictor {

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

	/** A NER or classification model of the pipeline: what the spec says of it, and its output column. */
	public record PipelineModel(ModelSpec spec, Output output) {
	}

	/**
	 * An assertion annotator (a model, or assertion rules) for the entities of one object.
	 *
	 * @param fromName the control holding its assertion labels
	 * @param allowed  the statuses it may give (empty: all)
	 */
	public record AssertionStep(String name, AssertionAnnotator annotator, String fromName, String toName,
			List<String> allowed) {
		public AssertionStep {
			allowed = List.copyOf(allowed);
		}
	}

	/**
	 * A relation annotator (a model, or relation rules) for the entities of one object.
	 *
	 * @param allowed the relation labels it may give (empty: all)
	 */
	public record RelationStep(String name, RelationAnnotator annotator, String toName, List<String> allowed) {
		public RelationStep {
			allowed = List.copyOf(allowed);
		}
	}

	/** Rules of one control. */
	private record RuleGroup(String fromName, String toName, RuleEngine engine) {
	}

	/**
	 * The prompts of one control run by one engine: entity spans for a Labels control, the best choice for a
	 * Choices control.
	 */
	public record PromptStep(String fromName, String toName, PromptAnnotator annotator) {
	}

	private final LightPipeline light;
	private final List<PipelineModel> models;
	private final List<AssertionStep> assertions;
	private final List<RelationStep> relations;
	private final List<RuleGroup> ruleGroups = new ArrayList<>();
	private final List<PromptStep> prompts;
	private final int maxPieceLength;

	/**
	 * @param light  the assembled pipeline (null when the spec has no NER or classification model)
	 * @param models the pipeline's models, in the order of the spec
	 */
	public Predictor(ServerSpec spec, LightPipeline light, List<PipelineModel> models, List<AssertionStep> assertions,
			List<RelationStep> relations) throws RuleException {
		this(spec, light, models, assertions, relations, List.of(), TextPieces.DEFAULT_MAX_LENGTH);
	}

	/** @param prompts the prompt engines, after the rules in the overlap policy's order of sources */
	public Predictor(ServerSpec spec, LightPipeline light, List<PipelineModel> models, List<AssertionStep> assertions,
			List<RelationStep> relations, List<PromptStep> prompts) throws RuleException {
		this(spec, light, models, assertions, relations, prompts, TextPieces.DEFAULT_MAX_LENGTH);
	}

	/** @param maxPieceLength texts longer than this go through the models in pieces ({@link TextPieces}) */
	public Predictor(ServerSpec spec, LightPipeline light, List<PipelineModel> models, List<AssertionStep> assertions,
			List<RelationStep> relations, int maxPieceLength) throws RuleException {
		this(spec, light, models, assertions, relations, List.of(), maxPieceLength);
	}

	private Predictor(ServerSpec spec, LightPipeline light, List<PipelineModel> models, List<AssertionStep> assertions,
			List<RelationStep> relations, List<PromptStep> prompts, int maxPieceLength) throws RuleException {
		this.maxPieceLength = maxPieceLength;
		this.prompts = List.copyOf(prompts);
		this.light = light;
		this.models = List.copyOf(models);
		this.assertions = List.copyOf(assertions);
		this.relations = List.copyOf(relations);
		Map<String, List<RuleSpec>> byControl = new LinkedHashMap<>();
		for (RuleSpec r : spec.rules()) {
			if (!r.type().findsSpans()) {
				continue; // assertion and relation rules come as annotators
			}
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

	/** One result per text, in order. Blank texts get an empty result and no score. */
	public List<TaskResult> predict(List<String> texts) throws RuleException {
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
	public List<TaskResult> predict(List<String> texts, BooleanSupplier stop) throws RuleException, Abandoned {
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
		List<TaskResult> out = new ArrayList<>(texts.size());
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
		for (PipelineModel model : models) {
			List<IAnnotation> list = piece.get(model.output().column());
			if (list != null) {
				kept.put(model.output().column(), list);
			}
		}
		return kept;
	}

	private static void checkStop(BooleanSupplier stop, int done, int total) throws Abandoned {
		if (stop.getAsBoolean()) {
			throw new Abandoned("stopped after " + done + " of " + total + " pieces of text");
		}
	}

	private TaskResult predictOne(String text, List<Piece> pieces, List<Map<String, List<IAnnotation>>> annotated)
			throws RuleException {
		List<Span> spans = new ArrayList<>();
		List<PipelineModel> classified = new ArrayList<>();
		List<Map.Entry<String, Double>> classes = new ArrayList<>();
		for (int k = 0; k < models.size(); k++) {
			ModelSpec model = models.get(k).spec();
			Output output = models.get(k).output();
			if (output.kind() == SavedModel.Kind.NER) {
				for (int p = 0; p < pieces.size(); p++) {
					for (Chunk c : Chunks.of(annotated.get(p), output.column(), pieces.get(p).start())) {
						if (allowed(model.labels(), c.label())) {
							spans.add(new Span(c.start(), c.end(), c.text(), c.label(),
									c.confidence() == null ? 0 : c.confidence(), model.fromName(), model.toName(), k));
						}
					}
				}
			} else {
				Map.Entry<String, Double> best = classify(model, output, pieces, annotated);
				if (best != null) {
					classified.add(models.get(k));
					classes.add(best);
				}
			}
		}
		if (text != null) {
			for (int g = 0; g < ruleGroups.size(); g++) {
				RuleGroup group = ruleGroups.get(g);
				for (RuleMatch m : group.engine().apply(text)) {
					spans.add(new Span(m.start(), m.end(), m.text(), m.label(), 1.0, group.fromName(), group.toName(),
							models.size() + g));
				}
			}
		}
		List<PromptAnnotator.Choice> promptChoices = new ArrayList<>();
		List<PromptStep> promptChoiceSteps = new ArrayList<>();
		if (text != null) {
			for (int g = 0; g < prompts.size(); g++) {
				PromptStep step = prompts.get(g);
				for (PromptAnnotator.Span p : step.annotator().entities(text)) {
					RuleMatch m = p.match();
					spans.add(new Span(m.start(), m.end(), m.text(), m.label(), p.confidence(), step.fromName(),
							step.toName(), models.size() + ruleGroups.size() + g));
				}
				List<PromptAnnotator.Choice> choices = step.annotator().classify(text);
				if (!choices.isEmpty()) {
					promptChoices.add(choices.get(0)); // best first: one choice per control
					promptChoiceSteps.add(step);
				}
			}
		}
		List<Span> kept = resolveOverlaps(spans);
		Result result = new Result();
		for (Span s : kept) {
			result.add(Region.span(result.nextId(), s.fromName(), s.toName(), s.start(), s.end(), s.text(),
					s.label(), round(s.confidence())), s.confidence());
		}
		List<RelationAnnotator.Relation> related = List.of();
		if (text != null && !kept.isEmpty() && (!assertions.isEmpty() || !relations.isEmpty())) {
			List<Window> windows = windows(text, pieces.isEmpty() ? TextPieces.split(text, maxPieceLength) : pieces,
					kept);
			assess(windows, kept, result);
			related = relate(windows, kept.size());
		}
		for (int c = 0; c < classified.size(); c++) {
			ModelSpec model = classified.get(c).spec();
			double confidence = classes.get(c).getValue();
			result.add(Region.choice(result.nextId(), model.fromName(), model.toName(), classes.get(c).getKey(),
					round(confidence)), confidence);
		}
		for (int c = 0; c < promptChoices.size(); c++) {
			PromptStep step = promptChoiceSteps.get(c);
			PromptAnnotator.Choice choice = promptChoices.get(c);
			result.add(Region.choice(result.nextId(), step.fromName(), step.toName(), choice.choice(),
					round(choice.confidence())), choice.confidence());
		}
		for (RelationAnnotator.Relation r : related) {
			// entity regions come first in the result, in the order of the kept spans
			result.add(Region.relation(result.nextId(), result.regions.get(r.from()).id(),
					result.regions.get(r.to()).id(), r.label(), round(r.confidence())), r.confidence());
		}
		return new TaskResult(result.regions, result.regions.isEmpty() ? null : round(result.sum / result.regions.size()));
	}

	/** The regions of one prediction as they are added, their ids (lb1, lb2, …) and their confidences' sum. */
	private static final class Result {
		final List<Region> regions = new ArrayList<>();
		double sum;

		String nextId() {
			return "lb" + (regions.size() + 1);
		}

		void add(Region region, double confidence) {
			regions.add(region);
			sum += confidence;
		}
	}

	/**
	 * The entities of one object in one piece of the text (pieces end at sentence ends, see {@link TextPieces}):
	 * what the assertion and relation annotators see at once, so that their work grows with the length of the text,
	 * not with its square. {@code entities} are shifted into {@code text}; {@code kept} are their indexes among the
	 * kept spans.
	 */
	private record Window(String toName, String text, List<Entity> entities, List<Integer> kept) {
	}

	/** The windows of the kept spans (in text order): per object, the spans starting in each piece. */
	private static List<Window> windows(String text, List<Piece> pieces, List<Span> kept) {
		Map<String, List<Integer>> byObject = new LinkedHashMap<>();
		for (int i = 0; i < kept.size(); i++) {
			byObject.computeIfAbsent(kept.get(i).toName(), o -> new ArrayList<>()).add(i);
		}
		List<Window> out = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> object : byObject.entrySet()) {
			List<Integer> spans = object.getValue();
			int next = 0;
			for (int p = 0; p < pieces.size() && next < spans.size(); p++) {
				int from = p == 0 ? 0 : pieces.get(p).start();
				int until = p + 1 < pieces.size() ? pieces.get(p + 1).start() : Integer.MAX_VALUE;
				List<Integer> inPiece = new ArrayList<>();
				int end = pieces.get(p).end();
				while (next < spans.size() && kept.get(spans.get(next)).start() < until) {
					inPiece.add(spans.get(next));
					end = Math.max(end, kept.get(spans.get(next)).end()); // a rule's match may run past a cut
					next++;
				}
				if (inPiece.isEmpty()) {
					continue;
				}
				List<Entity> entities = new ArrayList<>(inPiece.size());
				for (int k : inPiece) {
					Span s = kept.get(k);
					entities.add(new Entity(s.start() - from, s.end() - from, s.label()));
				}
				out.add(new Window(object.getKey(), text.substring(from, end), entities, inPiece));
			}
		}
		return out;
	}

	/** Adds the assertion regions of the kept spans, in their order: at most one per entity, the first annotator's. */
	private void assess(List<Window> windows, List<Span> kept, Result result) {
		AssertionAnnotator.Assertion[] byEntity = new AssertionAnnotator.Assertion[kept.size()];
		AssertionStep[] by = new AssertionStep[kept.size()];
		for (Window w : windows) {
			for (AssertionStep step : assertions) {
				if (!step.toName().equals(w.toName())) {
					continue;
				}
				for (AssertionAnnotator.Assertion a : step.annotator().assess(w.text(), w.entities())) {
					if (a.entity() < 0 || a.entity() >= w.entities().size()) {
						throw new IllegalStateException("the assertion annotator " + step.name()
								+ " qualified entity " + a.entity() + " of " + w.entities().size());
					}
					int k = w.kept().get(a.entity());
					if (byEntity[k] == null && allowed(step.allowed(), a.status())) {
						byEntity[k] = a;
						by[k] = step;
					}
				}
			}
		}
		for (int k = 0; k < kept.size(); k++) {
			if (byEntity[k] != null) {
				Span s = kept.get(k);
				double confidence = byEntity[k].confidence();
				result.add(Region.span(result.nextId(), by[k].fromName(), s.toName(), s.start(), s.end(), s.text(),
						byEntity[k].status(), round(confidence)), confidence);
			}
		}
	}

	/**
	 * The relations between kept spans (indexes among them), ordered by their ends: at most one per ordered pair,
	 * the first annotator's.
	 */
	private List<RelationAnnotator.Relation> relate(List<Window> windows, int keptCount) {
		TreeMap<Long, RelationAnnotator.Relation> byPair = new TreeMap<>();
		for (Window w : windows) {
			for (RelationStep step : relations) {
				if (!step.toName().equals(w.toName())) {
					continue;
				}
				int n = w.entities().size();
				for (RelationAnnotator.Relation r : step.annotator().relate(w.text(), w.entities())) {
					if (r.from() < 0 || r.from() >= n || r.to() < 0 || r.to() >= n || r.from() == r.to()) {
						throw new IllegalStateException("the relation annotator " + step.name() + " related entity "
								+ r.from() + " to " + r.to() + " of " + n);
					}
					if (allowed(step.allowed(), r.label())) {
						int from = w.kept().get(r.from());
						int to = w.kept().get(r.to());
						byPair.putIfAbsent((long) from * keptCount + to,
								new RelationAnnotator.Relation(from, to, r.label(), r.confidence()));
					}
				}
			}
		}
		return new ArrayList<>(byPair.values());
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
	 * blank or its class is not allowed; else the class and its confidence.
	 */
	private static Map.Entry<String, Double> classify(ModelSpec model, Output output, List<Piece> pieces,
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
		return best == null || !allowed(model.labels(), best) ? null : Map.entry(best, weighted.get(best) / total);
	}

	private static boolean allowed(List<String> allowed, String label) {
		return allowed.isEmpty() || allowed.contains(label);
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
