package io.labelbench.project.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.eval.CountedCompletion;
import io.labelbench.core.eval.TestSelection;
import io.labelbench.core.json.Json;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;

/**
 * Exports what a training run fits on, from the {@link CountedCompletion} of every task that is not a test task
 * ({@link TestSelection}: tagged "test", or, when no task is, the {@code split} fraction by id). Writes into a folder:
 * <ul>
 * <li>{@value #NER_FILE} for NER: CoNLL 2003 as Spark NLP's CoNLL reader reads it (token, two "-X-" columns, BIO tag,
 * space-separated; a blank line between sentences), cut so that entity boundaries are token boundaries;</li>
 * <li>{@value #CLASSIFICATION_FILE} for classification: one {@code {"text", "label"}} JSON object a line;</li>
 * <li>{@value #TEST_FILE}: the test tasks with a counted completion, {@code {"id", "text"}} a line, for the trained
 * model to predict on;</li>
 * <li>{@value #DATA_FILE}: type, labels, the control and object the model's results belong to, counts and the
 * training-data hash (SHA-256 of the type, the labels and both data files).</li>
 * </ul>
 * Refused with a {@link TrainingException} when no task outside the test set has a completion, when the
 * completions use fewer than two labels, or labels the config does not have.
 */
public final class TrainingData {

	public static final String NER_FILE = "train.conll";
	public static final String CLASSIFICATION_FILE = "train.jsonl";
	public static final String TEST_FILE = "test.jsonl";
	public static final String DATA_FILE = "data.json";

	/** What was exported. {@code fromName}/{@code toName} name the control and object of the results. */
	public record Exported(TrainingType type, Path folder, List<String> labels, String fromName, String toName,
			int trainTasks, int testTasks, int examples, Map<String, Integer> labelCounts, String hash,
			String testSelection, List<String> entityLabels, String headLabel) {

		public Path trainFile() {
			return folder.resolve(type == TrainingType.NER ? NER_FILE : CLASSIFICATION_FILE);
		}
	}

	private final LabelbenchProject project;
	private final LabelingConfig config;
	private final TrainingType type;
	private final Double split;

	/** @param split the fraction of tasks held out by id when no task is tagged "test"; {@code null} for none */
	public TrainingData(LabelbenchProject project, LabelingConfig config, TrainingType type, Double split) {
		this.project = project;
		this.config = config;
		this.type = type;
		if (split != null) {
			TestSelection.checkFraction(split);
		}
		this.split = split;
	}

	/**
	 * The refusal when no task outside the test tasks has a counted completion (ground truth, else the latest
	 * submitted; drafts do not count), saying how many completed tasks the test selection took.
	 */
	private String noCompletions(int tasks, int completedTest, boolean tagged) {
		if (completedTest == 0) {
			return "no completions: none of the " + tasks + " task" + (tasks == 1 ? "" : "s") + " has a counted"
					+ " completion (a ground-truth or submitted one; drafts do not count)";
		}
		String held = tagged ? "tagged \"" + TestSelection.TEST_TAG + "\""
				: "in the held-out split of " + split + " of the tasks by id";
		int others = tasks - completedTest;
		return "no completions outside the test tasks: " + completedTest + " completed task"
				+ (completedTest == 1 ? ", " : "s, all " + completedTest + " ") + held
				+ " (held out to score the model)" + (others == 0 ? "" : "; the other " + others + " task"
						+ (others == 1 ? " has" : "s have") + " no counted completion")
				+ ". Submit completions of tasks outside the test set to train on";
	}

	/** Writes the data files into {@code folder} (created) and describes them. */
	public Exported export(Path folder) throws IOException, TrainingException {
		ControlTag control = control();
		String toName = control.toNames().isEmpty() ? null : control.toNames().get(0);
		String field = toName == null ? null : config.dataFieldOf(toName);
		Set<String> allowed = new TreeSet<>();
		Set<String> assertion = config.assertionLabels();
		for (LabelValue value : control.values()) {
			if (!value.assertion()) {
				allowed.add(value.value());
			}
		}
		EntityContextData context = type == TrainingType.ASSERTION || type == TrainingType.RELATION
				? new EntityContextData(config, type, toName)
				: null;
		List<ObjectNode> contextRows = new ArrayList<>();
		List<Task> tasks = new ArrayList<>();
		boolean anyTagged = false;
		for (TaskId id : project.tasks().ids()) {
			try {
				Task task = project.tasks().read(id);
				tasks.add(task);
				anyTagged |= TestSelection.isTaggedTest(task);
			} catch (TaskFormatException | UncheckedIOException e) {
				throw new TrainingException("task " + id + " cannot be read: " + e.getMessage(), e);
			}
		}
		tasks.sort(Comparator.comparing(Task::id));
		StringBuilder train = new StringBuilder(type == TrainingType.NER ? "-DOCSTART- -X- -X- O\n\n" : "");
		StringBuilder test = new StringBuilder();
		Map<String, Integer> labelCounts = new TreeMap<>();
		int trainTasks = 0, testTasks = 0, examples = 0;
		for (Task task : tasks) {
			Annotation completion = CountedCompletion.of(task);
			String text = field != null ? task.dataText(field) : task.text();
			if (completion == null || text == null) {
				continue;
			}
			boolean isTest = anyTagged ? TestSelection.isTaggedTest(task)
					: split != null && TestSelection.inSplit(task.id(), split);
			if (isTest) {
				ObjectNode line = Json.mapper().createObjectNode();
				line.set("id", task.id().toJson());
				line.put("text", text);
				if (context != null) {
					line = context.testRow(task, completion, text);
				}
				test.append(Json.mapper().writeValueAsString(line)).append('\n');
				testTasks++;
				continue;
			}
			trainTasks++;
			if (context != null) {
				ObjectNode row = context.trainingRow(task, completion, text);
				contextRows.add(row);
				train.append(Json.mapper().writeValueAsString(row)).append('\n');
			} else if (type == TrainingType.NER) {
				List<ConllTokens.Span> spans = spans(task, completion, control.name(), allowed, assertion, text);
				spans.forEach(s -> labelCounts.merge(s.label(), 1, Integer::sum));
				for (List<ConllTokens.Token> sentence : ConllTokens.sentences(text, spans)) {
					for (ConllTokens.Token token : sentence) {
						train.append(token.text()).append(" -X- -X- ").append(token.tag()).append('\n');
					}
					train.append('\n');
					examples++;
				}
			} else {
				String label = choice(task, completion, control.name(), allowed);
				if (label != null) {
					labelCounts.merge(label, 1, Integer::sum);
					ObjectNode line = Json.mapper().createObjectNode();
					line.put("text", text);
					line.put("label", label);
					train.append(Json.mapper().writeValueAsString(line)).append('\n');
					examples++;
				}
			}
		}
		if (trainTasks == 0) {
			throw new TrainingException(noCompletions(tasks.size(), testTasks, anyTagged));
		}
		String headLabel = null;
		List<String> entityLabels = List.of();
		if (type == TrainingType.ASSERTION) {
			context.countStatuses(contextRows);
			labelCounts.putAll(context.outcomeCounts);
			examples = context.examples;
			entityLabels = List.copyOf(context.modelEntityLabels);
			if (entityLabels.isEmpty()) {
				throw new TrainingException("one label only: no entity of the " + trainTasks + " training tasks'"
						+ " completions carries an assertion label (" + String.join(", ", assertion)
						+ "); training needs entities with a status and entities without one");
			}
		} else if (type == TrainingType.RELATION) {
			headLabel = context.headLabel();
			labelCounts.putAll(context.outcomeCounts);
			examples = context.examples;
			entityLabels = List.copyOf(context.modelEntityLabels);
			if (labelCounts.isEmpty()) {
				throw new TrainingException("one label only: the completions of the " + trainTasks + " training tasks"
						+ " relate no entities with a <Relation> label, so every pair would be " 
						+ EntityContextData.NO_RELATION + "; training needs related and unrelated pairs");
			}
		}
		if (type != TrainingType.RELATION && labelCounts.size() < 2) {
			throw new TrainingException("one label only: the completions of the " + trainTasks + " training tasks use "
					+ (labelCounts.isEmpty() ? "no label" : "only " + labelCounts.keySet().iterator().next())
					+ " of control " + control.name() + "; training needs at least two labels");
		}
		Files.createDirectories(folder);
		Path trainFile = folder.resolve(type == TrainingType.NER ? NER_FILE : CLASSIFICATION_FILE);
		Files.writeString(trainFile, train, StandardCharsets.UTF_8);
		Files.writeString(folder.resolve(TEST_FILE), test, StandardCharsets.UTF_8);
		List<String> labels = new ArrayList<>(labelCounts.keySet());
		if (type == TrainingType.ASSERTION && !assertion.contains(EntityContextData.PRESENT)) {
			labels.remove(EntityContextData.PRESENT); // the status of an entity without assertion label
		}
		labels = List.copyOf(labels);
		String hash = hash(type.id(), String.join("\n", labels), train.toString(), test.toString());
		String selection = anyTagged ? "tasks tagged \"" + TestSelection.TEST_TAG + "\""
				: split != null ? "a split of " + split + " of the tasks by id" : "none";
		Exported exported = new Exported(type, folder, labels, control.name(), toName, trainTasks, testTasks, examples,
				labelCounts, hash, selection, entityLabels, headLabel);
		ObjectNode data = Json.mapper().createObjectNode();
		data.put("type", type.id());
		data.set("labels", Json.mapper().valueToTree(labels));
		data.put("fromName", control.name());
		data.put("toName", toName);
		data.put("trainTasks", trainTasks);
		data.put("testTasks", testTasks);
		data.put("examples", examples);
		data.set("labelCounts", Json.mapper().valueToTree(labelCounts));
		data.put("hash", hash);
		data.put("testSelection", selection);
		if (context != null) {
			data.set("entityLabels", Json.mapper().valueToTree(entityLabels));
			data.put("headLabel", headLabel);
		}
		Files.writeString(folder.resolve(DATA_FILE), Json.mapper().writeValueAsString(data), StandardCharsets.UTF_8);
		return exported;
	}

	/** The control whose labels are trained: the first Labels (NER) or Choices (classification) on a text. */
	private ControlTag control() throws TrainingException {
		if (type == TrainingType.ASSERTION) {
			for (ControlTag control : config.controlTags()) {
				if (control.values().stream().anyMatch(LabelValue::assertion) && !control.toNames().isEmpty()) {
					return control;
				}
			}
			throw new TrainingException("the labeling config has no assertion labels (<Label value=\"absent\""
					+ " assertion=\"true\"/>) to train assertion on");
		}
		if (type == TrainingType.RELATION && config.relationLabels().isEmpty()) {
			throw new TrainingException("the labeling config has no <Relation> labels to train relation on");
		}
		String wanted = type == TrainingType.CLASSIFICATION ? "choices" : "labels";
		for (ControlTag control : config.controlTags()) {
			if (control.type().equals(wanted) && control.hasClosedValues()) {
				return control;
			}
		}
		throw new TrainingException("the labeling config has no " + (type == TrainingType.CLASSIFICATION ? "<Choices>" : "<Labels>")
				+ " control with labels to train " + type.id() + " on");
	}

	private static List<ConllTokens.Span> spans(Task task, Annotation completion, String control, Set<String> allowed,
			Set<String> assertion, String text) throws TrainingException {
		List<ConllTokens.Span> spans = new ArrayList<>();
		for (Region region : completion.results()) {
			if (!"labels".equals(region.type()) || !control.equals(region.fromName())) {
				continue;
			}
			Integer start = region.start();
			Integer end = region.end();
			for (String label : region.labels()) {
				if (assertion.contains(label)) {
					continue;
				}
				if (!allowed.contains(label)) {
					throw new TrainingException(unknownLabel(task, label, control, allowed));
				}
				if (start == null || end == null || start < 0 || end > text.length() || start >= end) {
					throw new TrainingException("task " + task.id() + ": the " + label + " span " + start + "-" + end
							+ " is outside its text of " + text.length() + " characters");
				}
				spans.add(new ConllTokens.Span(start, end, label));
			}
		}
		spans.sort(Comparator.comparingInt(ConllTokens.Span::start).thenComparing(s -> -s.end()));
		List<ConllTokens.Span> kept = new ArrayList<>();
		int reached = 0;
		for (ConllTokens.Span span : spans) {
			if (span.start() >= reached) { // a CoNLL token has one tag: of overlapping spans the first, longest, wins
				kept.add(span);
				reached = span.end();
			}
		}
		return kept;
	}

	private static String choice(Task task, Annotation completion, String control, Set<String> allowed)
			throws TrainingException {
		Set<String> chosen = new LinkedHashSet<>();
		for (Region region : completion.results()) {
			if ("choices".equals(region.type()) && control.equals(region.fromName())) {
				region.value().path("choices").forEach(c -> chosen.add(c.asText()));
			}
		}
		for (String label : chosen) {
			if (!allowed.contains(label)) {
				throw new TrainingException(unknownLabel(task, label, control, allowed));
			}
		}
		return chosen.isEmpty() ? null : chosen.iterator().next();
	}

	static String unknownLabel(Task task, String label, String control, Set<String> allowed) {
		return "labels the config does not have: task " + task.id() + " uses \"" + label + "\", which control "
				+ control + " does not offer (it has " + String.join(", ", allowed)
				+ "); add the label to the config or correct the completion";
	}

	static String hash(String... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				sha.update(part.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
