package io.labelbench.core.edit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.check.TaskChecker;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/**
 * Editing one task's completions: labelling, resizing, relabelling and deleting spans, choices, relations,
 * taking a whole prediction or single prediction regions into the current completion, undo and redo, and
 * submitting with {@code lead_time} and {@code submitted_at}. Works on a copy of the task; predictions are
 * never changed, so {@link #applyTo(Task)} can put the completions into a freshly read task without losing
 * predictions a pre-annotation job wrote meanwhile.
 * <p>
 * Edits follow the config ({@link ResultSchema}): a label the control does not offer, offsets outside the
 * text or splitting a character are refused with an {@link EditRefusedException}. Existing results are never
 * moved or dropped silently; {@link #problems(Annotation)} reports the ones that do not fit.
 * <p>
 * A task that carries both {@code completions} and Label Studio's {@code annotations} is edited as one list of
 * completions in file order ({@link Task#completions()}); the session opens the last one, writes each back under
 * the key it came from, and adds new ones at the end of the list (under the key that comes last).
 */
public final class TaskEditSession {

	/** GAL marks a ground-truth completion with this flag. */
	public static final String GROUND_TRUTH = "honeypot";
	public static final String COPIED_FROM = "copied_from";
	public static final String LEAD_TIME = "lead_time";
	public static final String SUBMITTED_AT = "submitted_at";
	public static final String UPDATED_AT = "updated_at";
	public static final String CREATED_AT = "created_at";

	private static final int UNDO_LIMIT = 200;
	private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	/** The completion keys as they were ({@code completions}, {@code annotations}, whichever the task has). */
	private record State(ObjectNode completions, int current) {
	}

	private static final String[] COMPLETION_KEYS = { Task.COMPLETIONS, Task.ANNOTATIONS };

	private final Task task;
	private ResultSchema schema;
	private TaskChecker checker;
	private final String user;
	private final Clock clock;
	private final Deque<State> undo = new ArrayDeque<>();
	private final Deque<State> redo = new ArrayDeque<>();
	private final Set<ObjectNode> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
	/** The completion keys the working copy has held, so that one that undo removed is removed on save too. */
	private final Set<String> keysHeld = new HashSet<>();
	private int current;
	private long changes;
	private long savedChanges;
	private Instant editingSince;

	/**
	 * @param task   the task as stored; the session edits a copy
	 * @param schema the project's config, or {@code null} to allow any label
	 * @param user   the name written as {@code created_username} of new completions
	 */
	public TaskEditSession(Task task, ResultSchema schema, String user, Clock clock) {
		this.task = task.copy();
		this.schema = schema;
		this.checker = new TaskChecker(schema);
		this.user = Objects.requireNonNull(user);
		this.clock = clock;
		this.current = this.task.completions().size() - 1;
		for (String key : COMPLETION_KEYS) {
			if (this.task.json().has(key)) {
				keysHeld.add(key);
			}
		}
		this.editingSince = clock.instant();
	}

	/**
	 * Follows a changed config: later edits and {@link #problems(Annotation)} use {@code changed}; the completions,
	 * undo history and rejections stay as they are.
	 */
	public void setSchema(ResultSchema changed) {
		this.schema = changed;
		this.checker = new TaskChecker(changed);
	}

	/** The working copy (predictions as read, completions as edited). */
	public Task task() {
		return task;
	}

	/** The text a region of object {@code toName} refers to ({@code data.text} when unknown). */
	public String text(String toName) {
		String text = task.dataText(TaskChecker.dataFieldOf(schema, toName));
		return text == null ? "" : text;
	}

	/**
	 * Predictions newest first: by their timestamps when every prediction has one, otherwise by their
	 * order in the file, the last written first.
	 */
	public List<Annotation> predictionsNewestFirst() {
		List<Annotation> predictions = new ArrayList<>(task.predictions());
		List<Instant> times = new ArrayList<>();
		for (Annotation prediction : predictions) {
			times.add(timeOf(prediction));
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < predictions.size(); i++) {
			order.add(i);
		}
		boolean allTimed = !times.contains(null);
		Comparator<Integer> newestFirst = allTimed
				? Comparator.comparing((Integer i) -> times.get(i)).thenComparing(i -> i).reversed()
				: Comparator.<Integer>naturalOrder().reversed();
		order.sort(newestFirst);
		List<Annotation> sorted = new ArrayList<>();
		for (int i : order) {
			sorted.add(predictions.get(i));
		}
		return sorted;
	}

	/** The time an annotation was made, from the fields GAL and Label Studio write, or {@code null}. */
	public static Instant timeOf(Annotation annotation) {
		for (String field : new String[] { CREATED_AT, "created_ago", UPDATED_AT }) {
			JsonNode value = annotation.json().get(field);
			if (value != null && value.isTextual()) {
				try {
					return OffsetDateTime.parse(value.asText()).toInstant();
				} catch (DateTimeParseException e) {
					// not a timestamp (GAL also writes "3 hours ago"); try the next field
				}
			}
		}
		return null;
	}

	public List<Annotation> completions() {
		return task.completions();
	}

	/** The completion being edited, or {@code null} when the task has none yet. */
	public Annotation current() {
		List<Annotation> completions = completions();
		return current >= 0 && current < completions.size() ? completions.get(current) : null;
	}

	public int currentIndex() {
		return current;
	}

	/** Switches to another completion of the task (not an edit: nothing to undo). */
	public void selectCompletion(int index) {
		if (index < 0 || index >= completions().size()) {
			throw new IndexOutOfBoundsException("completion " + index + " of " + completions().size());
		}
		current = index;
		editingSince = clock.instant();
	}

	/** Adds an empty completion by the session's user and makes it current. */
	public Annotation newCompletion() {
		edit();
		return addCompletion();
	}

	/** Adds a completion holding a copy of the whole prediction, {@code copied_from} set, and makes it current. */
	public Annotation createFromPrediction(Annotation prediction) {
		requirePrediction(prediction);
		edit();
		Annotation completion = addCompletion();
		if (prediction.id() != null) {
			completion.json().set(COPIED_FROM, prediction.json().get("id").deepCopy());
		}
		ArrayNode result = completion.json().putArray(Annotation.RESULT);
		for (Region region : prediction.results()) {
			result.add(region.json().deepCopy());
		}
		return completion;
	}

	/**
	 * Copies one region of a prediction into the current completion (a new completion when there is none).
	 * A relation is accepted only when both its ends already are in the completion. Returns the new region.
	 */
	public Region accept(Annotation prediction, Region region) {
		requirePrediction(prediction);
		if (!containsNode(prediction.json().get(Annotation.RESULT), region.json())) {
			throw new EditRefusedException("the region is not part of this prediction");
		}
		if (region.kind() == Region.Kind.RELATION) {
			Annotation completion = current();
			if (completion == null || find(completion, region.fromId()) == null || find(completion, region.toId()) == null) {
				throw new EditRefusedException("accept both ends of the relation first");
			}
		}
		edit();
		Annotation completion = current() == null ? addCompletion() : current();
		ObjectNode copy = region.json().deepCopy();
		if (region.id() != null && find(completion, region.id()) != null) {
			copy.put("id", newRegionId());
		}
		resultArray(completion).add(copy);
		rejected.remove(region.json());
		return new Region(copy);
	}

	/** Marks a prediction region as rejected for this session: the reviewer has seen it and does not want it. */
	public void reject(Region region) {
		rejected.add(region.json());
	}

	public boolean isRejected(Region region) {
		return rejected.contains(region.json());
	}

	/**
	 * Labels {@code [start, end)} of the text of {@code toName} with {@code label} of control {@code fromName}
	 * in the current completion (a new one when there is none). Labelling a span the control already labels
	 * there replaces its label rather than stacking a duplicate region.
	 */
	public Region applyLabel(String fromName, String toName, int start, int end, String label) {
		requireLabel(fromName, toName, label);
		String text = text(toName);
		requireOffsets(text, start, end);
		Annotation completion = current();
		if (completion != null) {
			for (Region region : completion.results()) {
				if (Objects.equals(region.fromName(), fromName) && Objects.equals(region.start(), start)
						&& Objects.equals(region.end(), end) && region.kind() != Region.Kind.RELATION) {
					edit();
					setLabel(region, label);
					return region;
				}
			}
		}
		edit();
		completion = completion == null ? addCompletion() : completion;
		ObjectNode json = resultArray(completion).addObject();
		json.put("id", newRegionId());
		json.put("from_name", fromName);
		json.put("to_name", toName);
		json.put("type", "labels");
		Region region = new Region(json);
		region.span(start, end, text.substring(start, end), label);
		return region;
	}

	/** Gives a span, choice or relation region of the current completion another (single) label. */
	public void relabel(Region region, String label) {
		requireEditable(region);
		if (region.kind() == Region.Kind.RELATION) {
			requireRelationLabel(label);
		} else {
			requireLabel(region.fromName(), region.toName(), label);
		}
		edit();
		setLabel(region, label);
	}

	/** Moves the boundaries of a span of the current completion; its {@code value.text} follows. */
	public void resize(Region region, int start, int end) {
		requireEditable(region);
		if (region.start() == null) {
			throw new EditRefusedException("only spans of text can be resized");
		}
		String text = text(region.toName());
		requireOffsets(text, start, end);
		edit();
		ObjectNode value = region.value();
		value.put("start", start);
		value.put("end", end);
		value.put("text", text.substring(start, end));
	}

	/**
	 * Draws a labelled box on a page of a visual task in the current completion (a new one when there is none).
	 * {@code text} is what the box covers (the words inside it), or {@code null}.
	 */
	public Region addRectangle(String fromName, String toName, PageBox box, double pageWidth, double pageHeight,
			String text, String label) {
		requireLabel(fromName, toName, label);
		requireOnPage(box);
		edit();
		Annotation completion = current() == null ? addCompletion() : current();
		ObjectNode json = resultArray(completion).addObject();
		json.put("id", newRegionId());
		json.put("from_name", fromName);
		json.put("to_name", toName);
		json.put("type", "rectanglelabels");
		json.put("original_width", pageWidth);
		json.put("original_height", pageHeight);
		json.put("image_rotation", 0);
		ObjectNode value = json.putObject("value");
		box.writeTo(value);
		value.put("rotation", 0);
		if (text != null) {
			value.put("text", text);
		}
		value.putArray("rectanglelabels").add(label);
		return new Region(json);
	}

	/** Moves or resizes a box of the current completion; {@code text} replaces what it covers ({@code null}: none). */
	public void reshape(Region region, PageBox box, String text) {
		requireEditable(region);
		if (region.kind() != Region.Kind.RECTANGLE_LABELS || region.value() == null) {
			throw new EditRefusedException("only boxes can be moved and resized on the page");
		}
		requireOnPage(box);
		edit();
		box.writeTo(region.value());
		if (text == null) {
			region.value().remove("text");
		} else {
			region.value().put("text", text);
		}
	}

	private static void requireOnPage(PageBox box) {
		if (!box.isOnPage()) {
			throw new EditRefusedException("the box must have an area and lie on the page");
		}
	}

	/** Deletes a region of the current completion, and the relations that end at it. */
	public void delete(Region region) {
		delete(List.of(region));
	}

	/** Deletes regions, with the relations that end at them, as one edit: one undo brings them all back. */
	public void delete(List<Region> regions) {
		regions.forEach(this::requireEditable);
		if (regions.isEmpty()) {
			return;
		}
		edit();
		ArrayNode result = resultArray(current());
		for (Region region : regions) {
			String id = region.id();
			for (int i = result.size() - 1; i >= 0; i--) {
				JsonNode node = result.get(i);
				Region other = new Region((ObjectNode) node);
				boolean endsHere = id != null && other.kind() == Region.Kind.RELATION
						&& (id.equals(other.fromId()) || id.equals(other.toId()));
				if (node == region.json() || endsHere) {
					result.remove(i);
				}
			}
		}
	}

	/** Sets the choices of a control in the current completion; no choices removes the result. */
	public void setChoices(String fromName, String toName, List<String> choices) {
		for (String choice : choices) {
			requireLabel(fromName, toName, choice);
		}
		edit();
		Annotation completion = current() == null ? addCompletion() : current();
		ArrayNode result = resultArray(completion);
		for (int i = result.size() - 1; i >= 0; i--) {
			Region existing = new Region((ObjectNode) result.get(i));
			if (existing.kind() == Region.Kind.CHOICES && fromName.equals(existing.fromName())) {
				result.remove(i);
			}
		}
		if (!choices.isEmpty()) {
			ObjectNode json = result.addObject();
			json.put("id", newRegionId());
			json.put("from_name", fromName);
			json.put("to_name", toName);
			json.put("type", "choices");
			ArrayNode values = json.putObject("value").putArray("choices");
			choices.forEach(values::add);
		}
	}

	/** Relates two regions of the current completion ({@code label} may be {@code null}: no label). */
	public Region relate(Region from, Region to, String label) {
		requireEditable(from);
		requireEditable(to);
		if (from.json() == to.json()) {
			throw new EditRefusedException("a relation needs two different regions");
		}
		if (label != null) {
			requireRelationLabel(label);
		}
		edit();
		ensureId(from);
		ensureId(to);
		ObjectNode json = resultArray(current()).addObject();
		json.put("from_id", from.id());
		json.put("to_id", to.id());
		json.put("type", "relation");
		json.put("direction", "right");
		ArrayNode labels = json.putArray("labels");
		if (label != null) {
			labels.add(label);
		}
		return new Region(json);
	}

	public void setGroundTruth(boolean groundTruth) {
		Annotation completion = current();
		if (completion == null) {
			throw new EditRefusedException("there is no completion to mark");
		}
		edit();
		completion.json().put(GROUND_TRUTH, groundTruth);
	}

	public boolean isGroundTruth() {
		Annotation completion = current();
		return completion != null && completion.json().path(GROUND_TRUTH).asBoolean(false);
	}

	/**
	 * Stamps the current completion as submitted now: {@code submitted_at} the first time, {@code updated_at}
	 * every time, and the time spent since it was opened or last submitted added to {@code lead_time}
	 * (seconds). Not undoable: it records what happened.
	 */
	public Annotation submit() {
		Annotation completion = current();
		if (completion == null) {
			throw new EditRefusedException("there is no completion to submit");
		}
		Instant now = clock.instant();
		ObjectNode json = completion.json();
		double spent = Duration.between(editingSince, now).toMillis() / 1000.0;
		json.put(LEAD_TIME, Math.round((json.path(LEAD_TIME).asDouble(0) + spent) * 1000) / 1000.0);
		if (!json.hasNonNull(SUBMITTED_AT)) {
			json.put(SUBMITTED_AT, now.toString());
		}
		json.put(UPDATED_AT, now.toString());
		editingSince = now;
		changes++;
		return completion;
	}

	/** The problems of each result of {@code annotation} (offsets, text, labels the config lacks). */
	public Map<ObjectNode, List<String>> problems(Annotation annotation) {
		return checker.check(task, annotation);
	}

	/**
	 * Takes the predictions of a fresh read of the task (a pre-annotation job wrote new ones while the task was
	 * open). Completions being edited stay as they are; rejections of predictions that are gone are forgotten.
	 */
	public void replacePredictions(Task stored) {
		Set<String> rejectedKeys = new java.util.HashSet<>();
		forEachPredictionRegion((key, region) -> {
			if (rejected.contains(region)) {
				rejectedKeys.add(key);
			}
		});
		JsonNode predictions = stored.json().get(Task.PREDICTIONS);
		if (predictions == null) {
			task.json().remove(Task.PREDICTIONS);
		} else {
			task.json().set(Task.PREDICTIONS, predictions.deepCopy());
		}
		rejected.clear();
		forEachPredictionRegion((key, region) -> {
			if (rejectedKeys.contains(key)) {
				rejected.add(region);
			}
		});
	}

	/** Each region of each prediction with a key that finds it again in a fresh read: prediction id, region id. */
	private void forEachPredictionRegion(java.util.function.BiConsumer<String, ObjectNode> action) {
		for (JsonNode prediction : task.json().path(Task.PREDICTIONS)) {
			for (JsonNode region : prediction.path(Annotation.RESULT)) {
				if (region instanceof ObjectNode object && region.hasNonNull("id") && prediction.hasNonNull("id")) {
					action.accept(prediction.get("id").asText() + "\u0000" + region.get("id").asText(), object);
				}
			}
		}
	}

	/**
	 * Whether the stored task holds exactly what this session would write (so a change event is our own save).
	 * Numbers compare by value: a lead time or a box coordinate the session holds as a double is read back from
	 * the file as a decimal.
	 */
	public boolean matches(Task stored) {
		return stored.json().equals(SAME_VALUE, applyTo(stored.copy()).json())
				&& stored.json().path(Task.PREDICTIONS).equals(SAME_VALUE, task.json().path(Task.PREDICTIONS));
	}

	private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
		if (a.equals(b)) {
			return 0;
		}
		if (a.isNumber() && b.isNumber() && Double.isFinite(a.doubleValue()) && Double.isFinite(b.doubleValue())) {
			return a.decimalValue().compareTo(b.decimalValue());
		}
		return 1;
	};

	/**
	 * Replaces the completions of {@code stored} (a fresh read of the task file) with the edited ones, each key
	 * ({@code completions}, {@code annotations}) with its own.
	 */
	public Task applyTo(Task stored) {
		for (String key : COMPLETION_KEYS) {
			JsonNode value = task.json().get(key);
			if (value != null) {
				stored.json().set(key, value.deepCopy());
			} else if (keysHeld.contains(key)) {
				stored.json().remove(key); // the key this session added, then undid
			}
		}
		return stored;
	}

	public boolean isDirty() {
		return changes != savedChanges;
	}

	/** Called once the task is written: the current state becomes the clean one. */
	public void markSaved() {
		savedChanges = changes;
	}

	public boolean canUndo() {
		return !undo.isEmpty();
	}

	public boolean canRedo() {
		return !redo.isEmpty();
	}

	public void undo() {
		if (undo.isEmpty()) {
			return;
		}
		redo.push(snapshot());
		restore(undo.pop());
		changes--;
	}

	public void redo() {
		if (redo.isEmpty()) {
			return;
		}
		undo.push(snapshot());
		restore(redo.pop());
		changes++;
	}

	/** Records the state before an edit. Edits are few and small next to a deep copy of the completions. */
	private void edit() {
		undo.push(snapshot());
		if (undo.size() > UNDO_LIMIT) {
			undo.removeLast();
		}
		redo.clear();
		changes++;
	}

	private State snapshot() {
		ObjectNode completions = task.json().objectNode();
		for (String key : COMPLETION_KEYS) {
			JsonNode value = task.json().get(key);
			if (value != null) {
				completions.set(key, value.deepCopy());
			}
		}
		return new State(completions, current);
	}

	private void restore(State state) {
		for (String key : COMPLETION_KEYS) {
			JsonNode value = state.completions().get(key);
			if (value == null) {
				task.json().remove(key);
			} else {
				task.json().set(key, value);
			}
		}
		current = state.current();
	}

	private Annotation addCompletion() {
		ObjectNode json = task.addCompletion().json();
		keysHeld.addAll(task.completionFields());
		json.put("id", nextAnnotationId());
		json.put("created_username", user);
		json.put(CREATED_AT, clock.instant().toString());
		json.put(LEAD_TIME, 0.0);
		json.putArray(Annotation.RESULT);
		current = task.completions().size() - 1;
		editingSince = clock.instant();
		return new Annotation(json);
	}

	/** One more than the largest numeric id among the task's predictions and completions. */
	private long nextAnnotationId() {
		long max = 0;
		for (String field : new String[] { Task.PREDICTIONS, Task.COMPLETIONS, Task.ANNOTATIONS }) {
			for (JsonNode annotation : task.json().path(field)) {
				JsonNode id = annotation.get("id");
				if (id != null && id.canConvertToLong()) {
					max = Math.max(max, id.asLong());
				}
			}
		}
		return max + 1;
	}

	private static ArrayNode resultArray(Annotation annotation) {
		JsonNode array = annotation.json().get(Annotation.RESULT);
		return array instanceof ArrayNode existing ? existing : annotation.json().putArray(Annotation.RESULT);
	}

	private static Region find(Annotation annotation, String id) {
		if (id == null) {
			return null;
		}
		for (Region region : annotation.results()) {
			if (id.equals(region.id()) && region.kind() != Region.Kind.RELATION) {
				return region;
			}
		}
		return null;
	}

	private static boolean containsNode(JsonNode array, JsonNode node) {
		if (array != null) {
			for (JsonNode element : array) {
				if (element == node) {
					return true;
				}
			}
		}
		return false;
	}

	private void setLabel(Region region, String label) {
		if (region.kind() == Region.Kind.RELATION) {
			region.json().putArray("labels").add(label);
			return;
		}
		ObjectNode value = region.value() == null ? region.json().putObject("value") : region.value();
		String type = region.type() == null ? "labels" : region.type();
		value.putArray(type).add(label);
	}

	private void ensureId(Region region) {
		if (region.id() == null) {
			region.json().put("id", newRegionId());
		}
	}

	/** A ten-character id, as Label Studio makes them. */
	private static String newRegionId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(10);
		for (int i = 0; i < 10; i++) {
			id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
		}
		return id.toString();
	}

	private void requirePrediction(Annotation prediction) {
		if (!containsNode(task.json().get(Task.PREDICTIONS), prediction.json())) {
			throw new EditRefusedException("not a prediction of this task");
		}
	}

	private void requireEditable(Region region) {
		Annotation completion = current();
		if (completion == null || !containsNode(completion.json().get(Annotation.RESULT), region.json())) {
			throw new EditRefusedException("the region is not part of the completion being edited");
		}
	}

	private void requireLabel(String fromName, String toName, String label) {
		if (label == null || label.isEmpty()) {
			throw new EditRefusedException("no label given");
		}
		if (schema == null) {
			return;
		}
		if (!schema.hasControl(fromName)) {
			throw new EditRefusedException("'" + fromName + "' is not a control of the labeling config");
		}
		if (toName != null && !schema.controlTargets(fromName, toName)) {
			throw new EditRefusedException("control '" + fromName + "' does not label '" + toName + "' in the config");
		}
		Set<String> allowed = schema.valuesOf(fromName);
		if (!allowed.isEmpty() && !allowed.contains(label)) {
			throw new EditRefusedException("label '" + label + "' is not offered by control '" + fromName + "' in the config");
		}
	}

	private void requireRelationLabel(String label) {
		Set<String> allowed = schema == null ? Set.of() : schema.relationLabels();
		if (!allowed.isEmpty() && !allowed.contains(label)) {
			throw new EditRefusedException("relation label '" + label + "' is not a Relation of the config");
		}
	}

	private static void requireOffsets(String text, int start, int end) {
		if (start < 0 || end <= start || end > text.length()) {
			throw new EditRefusedException("[" + start + ", " + end + ") is not a span of the text of " + text.length()
					+ " characters");
		}
		if (splits(text, start) || splits(text, end)) {
			throw new EditRefusedException("[" + start + ", " + end + ") would split a character");
		}
	}

	/** Whether an offset falls inside a surrogate pair or before a combining mark of the previous character. */
	private static boolean splits(String text, int offset) {
		if (offset <= 0 || offset >= text.length()) {
			return false;
		}
		char before = text.charAt(offset - 1);
		char after = text.charAt(offset);
		if (Character.isHighSurrogate(before) && Character.isLowSurrogate(after)) {
			return true;
		}
		int type = Character.getType(text.codePointAt(offset));
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK || (before == '\r' && after == '\n');
	}
}
