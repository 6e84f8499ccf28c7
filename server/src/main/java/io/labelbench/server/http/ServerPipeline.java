package io.labelbench.server.http;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

import com.johnsnowlabs.nlp.LightPipeline;

import io.labelbench.protocol.ServerInfo.ModelInfo;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelRef;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.prompts.llm.LlmEndpoint;
import io.labelbench.prompts.llm.LlmPromptAnnotator;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RelationRules;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.server.http.Predictor.AssertionStep;
import io.labelbench.server.http.Predictor.PipelineModel;
import io.labelbench.server.http.Predictor.PromptStep;
import io.labelbench.server.http.Predictor.RelationStep;
import io.labelbench.server.nlp.PipelineAssembler;
import io.labelbench.server.nlp.PipelineAssembler.Assembled;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.clinical.AssertionModel;
import io.labelbench.server.nlp.clinical.RelationModel;
import io.labelbench.server.prompt.EmbeddingPromptAnnotator;
import io.labelbench.server.prompt.MiniLm;

/**
 * What a spec runs, loaded: its NER and classification models in one Spark NLP pipeline, its regex and
 * dictionary rules and its prompts (the built-in embedding engine or an LLM endpoint); after them, on the entities found, its assertion and relation models (Spark ML, not pipeline
 * stages) and then its assertion rules (one NegEx annotator per control) and relation rules (one per object); and
 * what {@code /info} says of them. A rule spec was checked against the config when it was derived: every status
 * or relation label it gives is allowed.
 *
 * @param labels          the entity and class labels the server gives (as the spec allows them)
 * @param assertionLabels the assertion statuses it gives
 * @param relationLabels  the relation labels it gives
 */
public record ServerPipeline(Predictor predictor, List<ModelInfo> models, List<String> labels,
		List<String> assertionLabels, List<String> relationLabels) {

	/**
	 * Loads the models of the spec; {@code spark} is asked once for a session, and only when the spec has models.
	 */
	public static ServerPipeline load(ServerSpec spec, Supplier<SparkSession> spark) throws IOException, RuleException {
		return of(spec, Loaded.load(spec, spark));
	}

	/**
	 * The spec's models as Spark loaded them: the fitted pipeline of its NER and classification models, and its
	 * assertion and relation models. Serializable, so that a Spark cluster's executors can each build the same
	 * pipeline from it ({@link #of}) without reading the model folders again.
	 *
	 * @param pipeline   the assembled pipeline, null when the spec has no NER or classification model
	 * @param inPipeline the indexes (in the spec's models) of the pipeline's models, with their output columns
	 * @param afterwards the assertion and relation models by their index in the spec's models
	 */
	public record Loaded(org.apache.spark.ml.PipelineModel pipeline, List<Integer> inPipeline,
			List<PipelineAssembler.Output> outputs, Map<Integer, Serializable> afterwards, List<String> kinds,
			List<List<String>> modelLabels) implements Serializable {
		private static final long serialVersionUID = 1L;

		public static Loaded load(ServerSpec spec, Supplier<SparkSession> spark) throws IOException {
			List<SavedModel> saved = new ArrayList<>();
			for (ModelSpec m : spec.models()) {
				saved.add(SavedModel.read(Path.of(m.path()))); // every folder checked before Spark starts
			}
			SparkSession session = spec.models().isEmpty() ? null : spark.get();
			PipelineAssembler assembler = new PipelineAssembler();
			for (ModelRef e : spec.embeddings()) {
				assembler.embeddings(SavedModel.read(Path.of(e.path())));
			}
			List<Integer> inPipeline = new ArrayList<>();
			Map<Integer, Serializable> afterwards = new LinkedHashMap<>();
			List<String> kinds = new ArrayList<>();
			List<List<String>> modelLabels = new ArrayList<>();
			for (int i = 0; i < spec.models().size(); i++) {
				ModelSpec m = spec.models().get(i);
				SavedModel model = saved.get(i);
				SavedModel.Kind kind = model.kind();
				kinds.add(kind.name().toLowerCase());
				modelLabels.add(model.labels());
				switch (kind) {
				case ASSERTION -> afterwards.put(i, AssertionModel.load(model.folder()));
				case RELATION -> afterwards.put(i, RelationModel.load(model.folder()));
				default -> { // NER and classification; the assembler refuses embeddings named as a model
					assembler.model(m.name(), model);
					inPipeline.add(i);
				}
				}
			}
			if (inPipeline.isEmpty()) {
				return new Loaded(null, inPipeline, List.of(), afterwards, kinds, modelLabels);
			}
			Assembled assembled = assembler.assemble(session);
			return new Loaded(assembled.model(), inPipeline, assembled.outputs(), afterwards, kinds, modelLabels);
		}
	}

	/** The pipeline of a spec from its loaded models: the same on a server and on every executor of a cluster. */
	public static ServerPipeline of(ServerSpec spec, Loaded loaded) throws IOException, RuleException {
		return of(spec, loaded, true);
	}

	/**
	 * As {@link #of(ServerSpec, Loaded)}; without {@code warmUp} the TensorFlow sessions start with the first
	 * prediction (a cluster's driver, which only describes the pipeline, never starts them).
	 */
	public static ServerPipeline of(ServerSpec spec, Loaded loaded, boolean warmUp) throws IOException, RuleException {
		List<AssertionStep> assertions = new ArrayList<>();
		List<RelationStep> relations = new ArrayList<>();
		TreeSet<String> labels = new TreeSet<>();
		TreeSet<String> assertionLabels = new TreeSet<>();
		TreeSet<String> relationLabels = new TreeSet<>();
		List<ModelInfo> infos = new ArrayList<>();
		for (int i = 0; i < spec.models().size(); i++) {
			ModelSpec m = spec.models().get(i);
			infos.add(new ModelInfo(m.name(), loaded.kinds().get(i), loaded.modelLabels().get(i)));
			Serializable after = loaded.afterwards().get(i);
			if (after instanceof AssertionModel assertion) {
				assertions.add(new AssertionStep(m.name(), assertion, m.fromName(), m.toName(), m.labels()));
				addAllowed(assertionLabels, assertion.statuses(), m.labels());
			} else if (after instanceof RelationModel relation) {
				relations.add(new RelationStep(m.name(), relation, m.toName(), m.labels()));
				addAllowed(relationLabels, relation.labels(), m.labels());
			} else {
				addAllowed(labels, loaded.modelLabels().get(i), m.labels());
			}
		}
		LightPipeline light = null;
		List<PipelineModel> pipeline = new ArrayList<>();
		if (loaded.pipeline() != null) {
			light = new LightPipeline(loaded.pipeline(), false);
			if (warmUp) {
				light.fullAnnotateJava("Warm up: aspirin 81 mg daily."); // loads the TensorFlow sessions once
			}
			for (int k = 0; k < loaded.inPipeline().size(); k++) {
				pipeline.add(new PipelineModel(spec.models().get(loaded.inPipeline().get(k)), loaded.outputs().get(k)));
			}
		}
		// rules after models: where both qualify an entity or relate a pair, the model's answer is kept
		Map<String, List<RuleSpec>> assertionRules = new LinkedHashMap<>();
		Map<String, List<RuleSpec>> relationRules = new LinkedHashMap<>();
		for (RuleSpec r : spec.rules()) {
			switch (r.type()) {
			case ASSERTION -> assertionRules.computeIfAbsent(r.fromName() + "\u0000" + r.toName(),
					k -> new ArrayList<>()).add(r);
			case RELATION -> relationRules.computeIfAbsent(r.toName(), k -> new ArrayList<>()).add(r);
			default -> labels.add(r.label());
			}
		}
		for (List<RuleSpec> group : assertionRules.values()) {
			NegexAssertions negex = new NegexAssertions(group.stream().map(RuleSpec::rule).toList());
			assertions.add(new AssertionStep(names(group), negex, group.get(0).fromName(), group.get(0).toName(),
					List.of()));
			assertionLabels.addAll(negex.statuses());
		}
		for (List<RuleSpec> group : relationRules.values()) {
			RelationRules rules = new RelationRules(group.stream().map(RuleSpec::rule).toList());
			relations.add(new RelationStep(names(group), rules, group.get(0).toName(), List.of()));
			relationLabels.addAll(rules.labels());
		}
		List<PromptStep> prompts = promptSteps(spec, labels);
		relations.addAll(llmRelationSteps(spec, relationLabels));
		Predictor predictor = new Predictor(spec, light, pipeline, assertions, relations, prompts);
		return new ServerPipeline(predictor, infos, List.copyOf(labels), List.copyOf(assertionLabels),
				List.copyOf(relationLabels));
	}

	/**
	 * The engine for the entity and classification prompts of each control: the built-in one (the MiniLM session is
	 * loaded once per JVM, and only when the spec has built-in prompts) or the LLM endpoint of the spec; the labels
	 * they give are added to {@code labels}.
	 */
	private static List<PromptStep> promptSteps(ServerSpec spec, TreeSet<String> labels)
			throws IOException, RuleException {
		Map<String, List<PromptSpec>> byControl = new LinkedHashMap<>();
		for (PromptSpec p : spec.prompts()) {
			if (p.prompt().kind() != Prompt.Kind.RELATION) {
				byControl.computeIfAbsent(p.prompt().engine() + "\u0000" + p.fromName() + "\u0000" + p.toName(),
						k -> new ArrayList<>()).add(p);
			}
		}
		List<PromptStep> steps = new ArrayList<>();
		for (List<PromptSpec> group : byControl.values()) {
			List<Prompt> prompts = group.stream().map(PromptSpec::prompt).toList();
			PromptAnnotator engine = prompts.get(0).engine() == Prompt.Engine.LLM
					? new LlmPromptAnnotator(llmEndpoint(spec), prompts)
					: new EmbeddingPromptAnnotator(MiniLm.shared(), prompts);
			steps.add(new PromptStep(group.get(0).fromName(), group.get(0).toName(), engine));
			prompts.forEach(p -> labels.add(p.label()));
		}
		return steps;
	}

	/** Relation prompts (LLM only) run after the entities are found, one step per object. */
	private static List<RelationStep> llmRelationSteps(ServerSpec spec, TreeSet<String> relationLabels)
			throws RuleException {
		Map<String, List<Prompt>> byObject = new LinkedHashMap<>();
		for (PromptSpec p : spec.prompts()) {
			if (p.prompt().kind() == Prompt.Kind.RELATION) {
				if (p.prompt().engine() != Prompt.Engine.LLM) {
					throw new RuleException("relation prompt '" + p.prompt().name() + "' needs the LLM engine");
				}
				byObject.computeIfAbsent(p.toName(), k -> new ArrayList<>()).add(p.prompt());
			}
		}
		List<RelationStep> steps = new ArrayList<>();
		for (Map.Entry<String, List<Prompt>> e : byObject.entrySet()) {
			LlmPromptAnnotator llm = new LlmPromptAnnotator(llmEndpoint(spec), e.getValue());
			steps.add(new RelationStep("prompts " + String.join(", ", e.getValue().stream().map(Prompt::name).toList()),
					llm, e.getKey(), List.of()));
			relationLabels.addAll(llm.labels());
		}
		return steps;
	}

	/** The spec's endpoint with the key of this process's environment (a spec never holds the key). */
	private static LlmEndpoint llmEndpoint(ServerSpec spec) throws RuleException {
		try {
			return LlmEndpoint.fromEnvironment(spec.llm() == null ? null : spec.llm().baseUrl(),
					spec.llm() == null ? null : spec.llm().model(), System.getenv());
		} catch (IllegalArgumentException e) {
			throw new RuleException(e.getMessage(), e);
		}
	}

	private static String names(List<RuleSpec> rules) {
		return "rules " + String.join(", ", rules.stream().map(RuleSpec::name).toList());
	}

	/** The labels a model gives that its spec allows (all when the spec names none). */
	private static void addAllowed(TreeSet<String> into, List<String> gives, List<String> allowed) {
		for (String label : gives) {
			if (allowed.isEmpty() || allowed.contains(label)) {
				into.add(label);
			}
		}
	}
}
