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
	 * Copies one region of a prediction into the current completion (a new completion when there is none) and
	 * returns the copy. A relation is accepted only when both its ends already are in the completion (found by
	 * place and labels, since accepted regions may have got new ids); it then names the completion's regions, and
	 * replaces a relation between the same ends. An assertion replaces the status its entity has in the
	 * completion; when the entity is not there yet, it is accepted along with its assertion (one edit).
	 */
	public Region accept(Annotation prediction, Region region) {
		requirePrediction(prediction);
		if (!containsNode(prediction.json().get(Annotation.RESULT), region.json())) {
			throw new EditRefusedException("the region is not part of this prediction");
		}
		if (region.kind() == Region.Kind.RELATION) {
			return acceptRelation(prediction, region);
		}
		Assertions assertions = assertions();
		if (assertions.isAssertion(region)) {
			return acceptAssertion(prediction, region, assertions);
		}
		edit();
		Annotation completion = current() == null ? addCompletion() : current();
		Region copy = copyInto(completion, region);
		rejected.remove(region.json());
		return copy;
	}

	private Region copyInto(Annotation completion, Region region) {
		ObjectNode copy = region.json().deepCopy();
		if (region.id() != null && find(completion, region.id()) != null) {
			copy.put("id", newRegionId());
		}
		resultArray(completion).add(copy);
		return new Region(copy);
	}

	private Region acceptAssertion(Annotation prediction, Region assertion, Assertions assertions) {
		Annotation completion = current();
		Region entity = completion == null ? null : assertions.entityOf(completion, assertion);
		Region predictedEntity = assertions.entityOf(prediction, assertion);
		if (entity == null && predictedEntity == null) {
			throw new EditRefusedException("the assertion qualifies no entity: there is no span or box at its place");
		}
		edit();
		completion = completion == null ? addCompletion() : completion;
		if (entity == null) {
			copyInto(completion, predictedEntity);
			rejected.remove(predictedEntity.json());
		} else {
			removeAll(completion, assertions.assertionsOf(completion, entity));
		}
		Region copy = copyInto(completion, assertion);
		rejected.remove(assertion.json());
		return copy;
	}

	private Region acceptRelation(Annotation prediction, Region relation) {
		Annotation completion = current();
		Region from = completion == null ? null : counterpart(completion, find(prediction, relation.fromId()));
		Region to = completion == null ? null : counterpart(completion, find(prediction, relation.toId()));
		if (from == null || to == null) {
			throw new EditRefusedException("accept both ends of the relation first");
		}
		edit();
		ensureId(from);
		ensureId(to);
		removeAll(completion, relationsBetween(completion, from.id(), to.id()));
		ObjectNode copy = relation.json().deepCopy();
		copy.put("from_id", from.id());
		copy.put("to_id", to.id());
		if (relation.id() != null && findAny(completion, relation.id()) != null) {
			copy.put("id", newRegionId());
		}
		resultArray(completion).add(copy);
		rejected.remove(relation.json());
		return new Region(copy);
	}

	/**
	 * The region of the completion that stands for a region of a prediction: the one with its id at its place,
	 * else an entity at its place with its labels, else any entity at its place; {@code null} when none is there.
	 */
	private Region counterpart(Annotation completion, Region predicted) {
		if (predicted == null) {
			return null;
		}
		Assertions assertions = assertions();
		Region samePlace = null;
		for (Region region : completion.results()) {
			if (region.kind() == Region.Kind.RELATION || !assertions.isEntity(region)
					|| !Assertions.samePlace(region, predicted)) {
				continue;
			}
			if (predicted.id() != null && predicted.id().equals(region.id())) {
				return region;
			}
			if (samePlace == null || (!samePlace.labels().equals(predicted.labels())
					&& region.labels().equals(predicted.labels()))) {
				samePlace = region;
			}
		}
		return samePlace;
	}

	private static List<Region> relationsBetween(Annotation annotation, String fromId, String toId) {
		List<Region> relations = new ArrayList<>();
		for (Region region : annotation.results()) {
			if (region.kind() == Region.Kind.RELATION && fromId.equals(region.fromId()) && toId.equals(region.toId())) {
				relations.add(region);
			}
		}
		return relations;
	}

	private static void removeAll(Annotation annotation, List<Region> regions) {
		ArrayNode result = resultArray(annotation);
		for (Region region : regions) {
			for (int i = result.size() - 1; i >= 0; i--) {
				if (result.get(i) == region.json()) {
					result.remove(i);
				}
			}
		}
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
		Assertions assertions = assertions();
		if (assertions.labels().contains(label)) {
			Region entity = entityAt(completion, toName, start, end, assertions);
			if (entity == null) {
				throw new EditRefusedException("'" + label + "' is an assertion status: label the entity first");
			}
			return setAssertion(entity, fromName, label);
		}
		if (completion != null) {
			for (Region region : completion.results()) {
				if (Objects.equals(region.fromName(), fromName) && Objects.equals(region.start(), start)
						&& Objects.equals(region.end(), end) && assertions.isEntity(region)) {
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

	/**
	 * Gives a span, choice or relation region of the current completion another (single) label. An assertion label
	 * given to an entity sets the entity's assertion status instead ({@link #setAssertion}).
	 */
	public void relabel(Region region, String label) {
		requireEditable(region);
		Assertions assertions = assertions();
		if (region.kind() == Region.Kind.RELATION) {
			requireRelationLabel(label);
		} else if (assertions.labels().contains(label) && assertions.isEntity(region)) {
			String control = schema == null || schema.valuesOf(region.fromName()).contains(label) ? region.fromName()
					: null;
			Region existing = assertions.assertionOf(current(), region);
			setAssertion(region, control != null ? control : existing != null ? existing.fromName() : null, label);
			return;
		} else {
			requireLabel(region.fromName(), region.toName(), label);
			if (assertions.isAssertion(region) != assertions.labels().contains(label)) {
				throw new EditRefusedException("an assertion status and an entity label cannot take each other's place");
			}
		}
		edit();
		setLabel(region, label);
	}

	/**
	 * Sets the assertion status of an entity of the current completion: a region of its own with the entity's
	 * object and place, labelled {@code status} of control {@code fromName}; an entity has at most one, so an
	 * earlier status is replaced. Returns the assertion region.
	 */
	public Region setAssertion(Region entity, String fromName, String status) {
		requireEditable(entity);
		Assertions assertions = assertions();
		if (!assertions.isEntity(entity)) {
			throw new EditRefusedException("an assertion status qualifies a labelled span or box");
		}
		if (!assertions.labels().contains(status)) {
			throw new EditRefusedException("'" + status + "' is not an assertion label of the config");
		}
		if (fromName == null) {
			throw new EditRefusedException("no control of the config offers the assertion label '" + status + "'");
		}
		requireLabel(fromName, entity.toName(), status);
		edit();
		Annotation completion = current();
		removeAll(completion, assertions.assertionsOf(completion, entity));
		ObjectNode json = entity.json().deepCopy();
		json.put("id", newRegionId());
		json.put("from_name", fromName);
		json.remove("score");
		ObjectNode value = json.putObject("value");
		for (String field : new String[] { "start", "end", "text", "x", "y", "width", "height", "rotation", "pageNumber" }) {
			if (entity.value() != null && entity.value().has(field)) {
				value.set(field, entity.value().get(field).deepCopy());
			}
		}
		value.putArray(entity.type() == null ? "labels" : entity.type()).add(status);
		ArrayNode result = resultArray(completion);
		result.insert(indexOf(result, entity.json()) + 1, json);
		return new Region(json);
	}

	/** Removes the assertion status of an entity of the current completion; {@code false} when it had none. */
	public boolean removeAssertion(Region entity) {
		requireEditable(entity);
		List<Region> existing = assertions().assertionsOf(current(), entity);
		if (existing.isEmpty()) {
			return false;
		}
		edit();
		removeAll(current(), existing);
		return true;
	}

	/** The assertion status of {@code entity} in {@code annotation}, or {@code null}. */
	public String assertionStatus(Annotation annotation, Region entity) {
		return assertions().statusOf(annotation, entity);
	}

	/** Which regions are assertions, by the config's assertion labels. */
	public Assertions assertions() {
		return Assertions.of(schema);
	}

	/** Turns a relation of the current completion around: its ends change places. */
	public void reverse(Region relation) {
		requireEditable(relation);
		if (relation.kind() != Region.Kind.RELATION) {
			throw new EditRefusedException("only a relation can be reversed");
		}
		edit();
		JsonNode from = relation.json().get("from_id");
		JsonNode to = relation.json().get("to_id");
		relation.json().set("from_id", to);
		relation.json().set("to_id", from);
	}

	/**
	 * Moves the boundaries of a span of the current completion; its {@code value.text} follows, and so does its
	 * assertion status.
	 */
	public void resize(Region region, int start, int end) {
		requireEditable(region);
		if (region.start() == null) {
			throw new EditRefusedException("only spans of text can be resized");
		}
		Assertions assertions = assertions();
		if (assertions.isAssertion(region)) {
			throw new EditRefusedException("an assertion status follows its entity: resize the entity");
		}
		String text = text(region.toName());
		requireOffsets(text, start, end);
		List<Region> qualifying = assertions.assertionsOf(current(), region);
		edit();
		for (Region moved : concat(List.of(region), qualifying)) {
			ObjectNode value = moved.value();
			value.put("start", start);
			value.put("end", end);
			value.put("text", text.substring(start, end));
		}
	}

	private static List<Region> concat(List<Region> first, List<Region> second) {
		List<Region> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static Region entityAt(Annotation completion, String toName, int start, int end, Assertions assertions) {
		if (completion != null) {
			for (Region region : completion.results()) {
				if (assertions.isEntity(region) && Objects.equals(region.toName(), toName)
						&& Objects.equals(region.start(), start) && Objects.equals(region.end(), end)) {
					return region;
				}
			}
		}
		return null;
	}

	private static int indexOf(ArrayNode array, JsonNode node) {
		for (int i = 0; i < array.size(); i++) {
			if (array.get(i) == node) {
				return i;
			}
		}
		return array.size() - 1;
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

	/**
	 * Deletes regions, with the relations that end at them and the assertion statuses of entities, as one edit:
	 * one undo brings them all back.
	 */
	public void delete(List<Region> regions) {
		regions.forEach(this::requireEditable);
		if (regions.isEmpty()) {
			return;
		}
		Assertions assertions = assertions();
		List<Region> withAssertions = new ArrayList<>(regions);
		for (Region region : regions) {
			if (assertions.isEntity(region)) {
				withAssertions.addAll(assertions.assertionsOf(current(), region));
			}
		}
		regions = withAssertions;
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
		Assertions assertions = assertions();
		if (assertions.isAssertion(from) || assertions.isAssertion(to) || from.kind() == Region.Kind.RELATION
				|| to.kind() == Region.Kind.RELATION) {
			throw new EditRefusedException("a relation relates two entities, not their assertion statuses or relations");
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

	/** The region or relation with this id, or {@code null}. */
	private static Region findAny(Annotation annotation, String id) {
		for (Region region : annotation.results()) {
			if (id.equals(region.id())) {
				return region;
			}
		}
		return null;
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
