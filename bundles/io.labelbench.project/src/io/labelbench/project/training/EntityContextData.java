package io.labelbench.project.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.config.Tags;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;

/**
 * The assertion and relation training rows of completions: the entities of a task's text (spans of the entity
 * labels of every Labels control on the text object, in text order) with, for assertion, each entity's status (the
 * assertion label on the same offsets; {@value #PRESENT} when it has none) and, for relations, the relations
 * between them (by index, from the head entity to the attribute). One JSON object a line:
 *
 * <pre>
 * {"text": …, "entities": [{"start", "end", "label", "status"?, "fromName"}], "relations"?: [{"from", "to", "label"}]}
 * </pre>
 *
 * A relation model relates one head label to attribute labels, the relation named {@code HEAD-ATTRIBUTE}
 * ({@code DRUG-DOSAGE} from a DRUG to a DOSAGE), as the server's relation models do; completions whose relations do
 * not fit that are refused with the task named.
 */
final class EntityContextData {
	/** The status of an entity that carries no assertion label. */
	static final String PRESENT = "present";
	/** The outcome of a head–attribute pair without a relation. */
	static final String NO_RELATION = "no_relation";

	private record Entity(int start, int end, String label, String fromName, String id) {
	}

	private final LabelingConfig config;
	private final TrainingType type;
	private final String toName;
	private final Set<String> entityLabels = new TreeSet<>();
	private final Set<String> assertionLabels;
	private final Set<String> relationLabels;
	/** Statuses and relations counted, with the implicit {@value #PRESENT}. */
	final Map<String, Integer> outcomeCounts = new TreeMap<>();
	/** Entity labels that carry a status (assertion) or take part in a relation (relation). */
	final Set<String> modelEntityLabels = new TreeSet<>();
	/** Relations by head label, to find the one head. */
	final Map<String, String> headOfRelation = new LinkedHashMap<>();
	int examples;

	EntityContextData(LabelingConfig config, TrainingType type, String toName) {
		this.config = config;
		this.type = type;
		this.toName = toName;
		for (ControlTag control : config.controlTags()) {
			if (Tags.LABEL_CONTROLS.contains(control.type()) && control.toNames().contains(toName)) {
				for (LabelValue value : control.values()) {
					if (!value.assertion() && value.value() != null) {
						entityLabels.add(value.value());
					}
				}
			}
		}
		this.assertionLabels = config.assertionLabels();
		this.relationLabels = config.relationLabels();
	}

	/** The training row of a task's counted completion. */
	ObjectNode trainingRow(Task task, Annotation completion, String text) throws TrainingException {
		List<Entity> entities = entities(task, completion, text);
		ObjectNode row = Json.mapper().createObjectNode();
		row.put("text", text);
		ArrayNode array = row.putArray("entities");
		if (type == TrainingType.ASSERTION) {
			Map<String, String> statuses = statuses(task, completion);
			for (Entity e : entities) {
				String status = statuses.getOrDefault(e.start() + ":" + e.end(), PRESENT);
				ObjectNode node = entityNode(array, e);
				node.put("status", status);
				if (!status.equals(PRESENT)) {
					modelEntityLabels.add(e.label());
				}
			}
			// the present ones are counted once the labels that take a status are known: see countPresent
		} else {
			ArrayNode relations = row.putArray("relations");
			entities.forEach(e -> entityNode(array, e));
			for (Link drawn : relations(task, completion, entities)) {
				Link link = headFirst(task, entities, drawn);
				relations.addObject().put("from", link.from()).put("to", link.to()).put("label", link.label());
				outcomeCounts.merge(link.label(), 1, Integer::sum);
				examples++;
			}
		}
		return row;
	}

	/** Counts the {@value #PRESENT} entities of the rows, now that the labels that take a status are known. */
	void countStatuses(List<ObjectNode> rows) {
		for (ObjectNode row : rows) {
			row.path("entities").forEach(e -> {
				if (modelEntityLabels.contains(e.path("label").asText())) {
					outcomeCounts.merge(e.path("status").asText(), 1, Integer::sum);
					examples++;
				}
			});
		}
	}

	/** The test row of a task: its text and entities, with the region ids the completion gives them. */
	ObjectNode testRow(Task task, Annotation completion, String text) throws TrainingException {
		ObjectNode row = Json.mapper().createObjectNode();
		row.set("id", task.id().toJson());
		row.put("text", text);
		ArrayNode array = row.putArray("entities");
		for (Entity e : entities(task, completion, text)) {
			entityNode(array, e);
		}
		return row;
	}

	private static ObjectNode entityNode(ArrayNode array, Entity e) {
		ObjectNode node = array.addObject();
		node.put("start", e.start()).put("end", e.end()).put("label", e.label()).put("fromName", e.fromName());
		return node;
	}

	/** The entity spans of the text, in text order, one per offsets (the first entity label of a region). */
	private List<Entity> entities(Task task, Annotation completion, String text) throws TrainingException {
		Map<String, Entity> byOffsets = new LinkedHashMap<>();
		for (Region region : completion.results()) {
			if (!isSpan(region)) {
				continue;
			}
			for (String label : region.labels()) {
				if (assertionLabels.contains(label)) {
					continue;
				}
				if (!entityLabels.contains(label)) {
					throw new TrainingException(TrainingData.unknownLabel(task, label, region.fromName(), entityLabels));
				}
				int start = region.start();
				int end = region.end();
				if (start < 0 || end > text.length() || start >= end) {
					throw new TrainingException("task " + task.id() + ": the " + label + " span " + start + "-" + end
							+ " is outside its text of " + text.length() + " characters");
				}
				byOffsets.putIfAbsent(start + ":" + end, new Entity(start, end, label, region.fromName(), region.id()));
				break;
			}
		}
		List<Entity> entities = new ArrayList<>(byOffsets.values());
		entities.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.end(), a.end()));
		return entities;
	}

	private boolean isSpan(Region region) {
		String type = region.type();
		return type != null && type.endsWith("labels") && !type.equals("rectanglelabels") && region.start() != null
				&& region.end() != null && (region.toName() == null || region.toName().equals(toName));
	}

	/** The status of each entity position: the first assertion label on those offsets. */
	private Map<String, String> statuses(Task task, Annotation completion) throws TrainingException {
		Map<String, String> statuses = new HashMap<>();
		for (Region region : completion.results()) {
			if (!isSpan(region)) {
				continue;
			}
			for (String label : region.labels()) {
				if (assertionLabels.contains(label)) {
					statuses.putIfAbsent(region.start() + ":" + region.end(), label);
				} else if (!entityLabels.contains(label)) {
					throw new TrainingException(TrainingData.unknownLabel(task, label, region.fromName(), entityLabels));
				}
			}
		}
		return statuses;
	}

	/** A relation of the completion between two entities (indexes), as drawn. */
	private record Link(int from, int to, String label) {
	}

	/** The relations of the completion; relations with an end that is no entity span are skipped. */
	private List<Link> relations(Task task, Annotation completion, List<Entity> entities) throws TrainingException {
		Map<String, Integer> byOffsets = new HashMap<>();
		for (int i = 0; i < entities.size(); i++) {
			byOffsets.put(entities.get(i).start() + ":" + entities.get(i).end(), i);
		}
		Map<String, Integer> byId = new HashMap<>();
		for (Region region : completion.results()) {
			if (isSpan(region) && region.id() != null) {
				Integer index = byOffsets.get(region.start() + ":" + region.end());
				if (index != null) {
					byId.putIfAbsent(region.id(), index);
				}
			}
		}
		List<Link> out = new ArrayList<>();
		for (Region region : completion.results()) {
			if (region.kind() != Region.Kind.RELATION) {
				continue;
			}
			Integer from = region.fromId() == null ? null : byId.get(region.fromId());
			Integer to = region.toId() == null ? null : byId.get(region.toId());
			if (from == null || to == null || from.equals(to)) {
				continue;
			}
			if (region.labels().isEmpty()) {
				throw new TrainingException("task " + task.id() + ": a relation between \"" + entities.get(from).label()
						+ "\" and \"" + entities.get(to).label() + "\" has no label; relation training learns the"
						+ " config's <Relation> labels");
			}
			out.add(new Link(from, to, region.labels().get(0)));
		}
		return out;
	}

	/**
	 * Checks a relation's label (one the config offers, naming its head and attribute: {@code HEAD-ATTRIBUTE}) and
	 * returns it from the head to the attribute (one drawn from the attribute to the head is the same relation).
	 */
	private Link headFirst(Task task, List<Entity> entities, Link link) throws TrainingException {
		Entity a = entities.get(link.from());
		Entity b = entities.get(link.to());
		String label = link.label();
		if (!relationLabels.contains(label)) {
			throw new TrainingException("labels the config does not have: task " + task.id() + " relates \""
					+ a.label() + "\" and \"" + b.label() + "\" as \"" + label + "\", which is not a <Relation> of the"
					+ " config (it has " + String.join(", ", relationLabels) + "); add it or correct the completion");
		}
		Link headFirst;
		if (label.equals(a.label() + "-" + b.label())) {
			headFirst = link;
		} else if (label.equals(b.label() + "-" + a.label())) {
			headFirst = new Link(link.to(), link.from(), label);
		} else {
			throw new TrainingException("task " + task.id() + ": the relation \"" + label + "\" between \"" + a.label()
					+ "\" and \"" + b.label() + "\" is not named HEAD-ATTRIBUTE; relation training learns relations"
					+ " from one head label to its attributes named that way (DRUG-DOSAGE from a DRUG to a DOSAGE)");
		}
		String head = entities.get(headFirst.from()).label();
		headOfRelation.putIfAbsent(label, head);
		modelEntityLabels.add(head);
		modelEntityLabels.add(entities.get(headFirst.to()).label());
		return headFirst;
	}

	/** The one head label of all relations; refused when there are several. */
	String headLabel() throws TrainingException {
		Set<String> heads = new TreeSet<>(headOfRelation.values());
		if (heads.size() > 1) {
			throw new TrainingException("the relations start from more than one head label (" + String.join(", ", heads)
					+ "); a relation model relates one head label to its attributes: keep the relations of one head");
		}
		return heads.isEmpty() ? null : heads.iterator().next();
	}
}
