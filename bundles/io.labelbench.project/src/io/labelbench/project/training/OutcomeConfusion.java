package io.labelbench.project.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.eval.Metrics;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/**
 * The confusion matrix of a classification, assertion or relation model on the test tasks, completion outcome against
 * predicted outcome: the task's choice; each entity's status ({@value EntityContextData#PRESENT} without one), for the
 * entity labels the model qualifies; each ordered pair of entities that either side relates, by its relation label
 * ({@value EntityContextData#NO_RELATION} on the side that does not). NER has its span confusion in {@link Metrics}.
 */
final class OutcomeConfusion {
	private final TrainingType type;
	private final Set<String> assertionLabels;
	private final Set<String> entityLabels;
	private final Map<String, Map<String, Long>> matrix = new TreeMap<>();

	OutcomeConfusion(TrainingType type, Set<String> assertionLabels, List<String> entityLabels) {
		this.type = type;
		this.assertionLabels = assertionLabels;
		this.entityLabels = Set.copyOf(entityLabels);
	}

	void add(Annotation completion, Annotation prediction) {
		switch (type) {
		case CLASSIFICATION -> {
			String gold = choice(completion);
			if (gold != null) {
				count(gold, choice(prediction) == null ? Metrics.OUTSIDE : choice(prediction));
			}
		}
		case ASSERTION -> {
			Map<String, String> predicted = statuses(prediction);
			for (Map.Entry<String, String> entity : entities(completion).entrySet()) {
				if (entityLabels.contains(entity.getValue())) {
					String position = entity.getKey();
					count(statuses(completion).getOrDefault(position, EntityContextData.PRESENT),
							predicted.getOrDefault(position, EntityContextData.PRESENT));
				}
			}
		}
		case RELATION -> {
			Map<String, String> gold = relations(completion);
			Map<String, String> predicted = relations(prediction);
			Set<String> pairs = new TreeSet<>(gold.keySet());
			pairs.addAll(predicted.keySet());
			for (String pair : pairs) {
				count(gold.getOrDefault(pair, EntityContextData.NO_RELATION),
						predicted.getOrDefault(pair, EntityContextData.NO_RELATION));
			}
		}
		case NER -> {
			// the span confusion of Metrics
		}
		}
	}

	boolean isEmpty() {
		return matrix.isEmpty();
	}

	/** The share of the counted outcomes on the diagonal. */
	double accuracy() {
		long right = 0;
		long all = 0;
		for (Map.Entry<String, Map<String, Long>> row : matrix.entrySet()) {
			for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
				all += cell.getValue();
				if (cell.getKey().equals(row.getKey())) {
					right += cell.getValue();
				}
			}
		}
		return all == 0 ? 0 : (double) right / all;
	}

	/** {@code {"labels": [...], "matrix": {completion: {predicted: n}}}}, the shape of {@link Metrics#toJson}'s. */
	ObjectNode toJson() {
		ObjectNode json = Json.mapper().createObjectNode();
		Set<String> labels = new TreeSet<>(matrix.keySet());
		matrix.values().forEach(row -> labels.addAll(row.keySet()));
		json.set("labels", Json.mapper().valueToTree(labels));
		ObjectNode rows = json.putObject("matrix");
		matrix.forEach((gold, row) -> {
			ObjectNode cells = rows.putObject(gold);
			row.forEach(cells::put);
		});
		return json;
	}

	private void count(String gold, String predicted) {
		matrix.computeIfAbsent(gold, g -> new TreeMap<>()).merge(predicted, 1L, Long::sum);
	}

	private static String choice(Annotation annotation) {
		for (Region region : annotation.results()) {
			if (region.kind() == Region.Kind.CHOICES && region.start() == null && !region.labels().isEmpty()) {
				return region.labels().get(0);
			}
		}
		return null;
	}

	private static String position(Region region) {
		return region.toName() + ":" + region.start() + ":" + region.end();
	}

	private static boolean isSpan(Region region) {
		return region.type() != null && region.type().endsWith("labels") && region.start() != null
				&& region.end() != null;
	}

	/** Entity label by position. */
	private Map<String, String> entities(Annotation annotation) {
		Map<String, String> entities = new HashMap<>();
		for (Region region : annotation.results()) {
			if (isSpan(region)) {
				region.labels().stream().filter(l -> !assertionLabels.contains(l)).findFirst()
						.ifPresent(label -> entities.putIfAbsent(position(region), label));
			}
		}
		return entities;
	}

	/** Status by entity position. */
	private Map<String, String> statuses(Annotation annotation) {
		Map<String, String> statuses = new HashMap<>();
		for (Region region : annotation.results()) {
			if (isSpan(region)) {
				region.labels().stream().filter(assertionLabels::contains).findFirst()
						.ifPresent(status -> statuses.putIfAbsent(position(region), status));
			}
		}
		return statuses;
	}

	/**
	 * Relation label by its ends' positions, in its direction ({@code left} turned round, {@code bi} in a fixed
	 * order), as {@code ResultComparison} matches relations: a relation drawn the other way is another one.
	 */
	private static Map<String, String> relations(Annotation annotation) {
		Map<String, String> ends = new HashMap<>();
		for (Region region : annotation.results()) {
			if (isSpan(region) && region.id() != null) {
				ends.putIfAbsent(region.id(), position(region));
			}
		}
		Map<String, String> relations = new HashMap<>();
		for (Region region : annotation.results()) {
			if (region.kind() != Region.Kind.RELATION || region.labels().isEmpty()) {
				continue;
			}
			String from = ends.get(region.fromId());
			String to = ends.get(region.toId());
			if (from != null && to != null) {
				String direction = region.json().path("direction").asText("right");
				boolean swap = direction.equals("left") || direction.equals("bi") && from.compareTo(to) > 0;
				String pair = swap ? to + ">" + from : from + ">" + to;
				relations.putIfAbsent(pair, region.labels().get(0));
			}
		}
		return relations;
	}
}
