package io.labelbench.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.labelbench.core.edit.PageBox;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/**
 * Compares the result of one prediction with the result of one completion of the same task.
 * <ul>
 * <li><b>Spans</b> (results with integer {@code start}/{@code end} and labels, one span per label) of the same
 * object ({@code to_name}): an exact match has the same offsets and label; an overlapping match the same label
 * and offsets that share at least one character. Matching is one to one: identical spans pair first, then the
 * pairs that overlap most, greedily. Labels the config marks {@code assertion="true"} are not entities: they are
 * assertion regions.</li>
 * <li><b>Confusion</b>: exact matches on the diagonal; a completion span and a predicted span with the same
 * offsets but different labels in that cell; spans left over against {@link Metrics#OUTSIDE}.</li>
 * <li><b>Classification</b>: per choices control ({@code from_name}) the set of choices of the whole task (choices
 * bound to a region, with offsets, are left out); accuracy over the tasks whose completion answers the control,
 * and each choice counted as a label.</li>
 * <li><b>Assertion</b>: for each exactly matched entity, the assertion labels on the same offsets on both sides;
 * counted when either side has one, agreeing when they are the same. Assertion regions are also matched
 * exactly, as spans.</li>
 * <li><b>Relations</b>: each end is resolved by region id to its offsets and entity labels; a predicted relation
 * matches when both ends have the same offsets and entity labels, and the relation label is the same. Direction
 * counts: {@code right} (the default) goes from {@code from_id} to {@code to_id}, {@code left} the other way, and
 * {@code bi} matches either order. A relation whose end is not a span of the same result is left out.</li>
 * <li><b>Boxes</b> ({@code rectanglelabels}): the same label and page with an intersection over union of at least
 * 0.5, one to one, greatest overlap first.</li>
 * </ul>
 */
public final class ResultComparison {

	/** The least intersection over union for two boxes to match. */
	public static final double MIN_BOX_IOU = 0.5;

	record Span(String toName, int start, int end, String label) {
		boolean sameOffsets(Span other) {
			return start == other.start && end == other.end && Objects.equals(toName, other.toName);
		}

		int overlap(Span other) {
			return Objects.equals(toName, other.toName) ? Math.min(end, other.end) - Math.max(start, other.start) : 0;
		}

		String position() {
			return toName + ":" + start + ":" + end;
		}
	}

	record Box(String toName, PageBox box, String label) {
	}

	/** A relation with its ends resolved; for an undirected relation the ends are in a fixed order. */
	record Relation(String from, String to, boolean directed, String label) {
	}

	/** The parts of one result that evaluation looks at. */
	static final class Parts {
		final List<Span> entities = new ArrayList<>();
		final List<Span> assertions = new ArrayList<>();
		final Map<String, Set<String>> choices = new LinkedHashMap<>();
		final List<Relation> relations = new ArrayList<>();
		final List<Box> boxes = new ArrayList<>();

		Parts(Annotation annotation, Set<String> assertionLabels) {
			List<Region> relationRegions = new ArrayList<>();
			Map<String, String> ends = new HashMap<>();
			Map<String, Set<String>> endLabels = new HashMap<>();
			for (Region region : annotation.results()) {
				switch (region.kind()) {
				case RELATION -> relationRegions.add(region);
				case CHOICES -> {
					if (region.start() == null) {
						choices.computeIfAbsent(String.valueOf(region.fromName()), c -> new TreeSet<>())
								.addAll(region.labels());
					}
				}
				case RECTANGLE_LABELS -> {
					PageBox box = PageBox.of(region);
					if (box != null) {
						region.labels().forEach(label -> boxes.add(new Box(region.toName(), box, label)));
					}
				}
				default -> {
					Integer start = region.start();
					Integer end = region.end();
					String type = region.type();
					if (start == null || end == null || type == null || !type.endsWith("labels")) {
						continue;
					}
					Set<String> entityLabels = new TreeSet<>();
					for (String label : region.labels()) {
						Span span = new Span(region.toName(), start, end, label);
						if (assertionLabels.contains(label)) {
							assertions.add(span);
						} else {
							entities.add(span);
							entityLabels.add(label);
						}
					}
					if (region.id() != null) {
						ends.putIfAbsent(region.id(), region.toName() + ":" + start + ":" + end);
						endLabels.computeIfAbsent(region.id(), id -> new TreeSet<>()).addAll(entityLabels);
					}
				}
				}
			}
			for (Region region : relationRegions) {
				String from = end(ends, endLabels, region.fromId());
				String to = end(ends, endLabels, region.toId());
				if (from == null || to == null) {
					continue;
				}
				String direction = region.json().path("direction").asText("right");
				boolean directed = !direction.equals("bi");
				if (direction.equals("left")) {
					String swap = from;
					from = to;
					to = swap;
				} else if (!directed && from.compareTo(to) > 0) {
					String swap = from;
					from = to;
					to = swap;
				}
				List<String> labels = region.labels();
				for (String label : labels.isEmpty() ? List.of("") : labels) {
					relations.add(new Relation(from, to, directed, label));
				}
			}
		}

		private static String end(Map<String, String> ends, Map<String, Set<String>> labels, String id) {
			String offsets = id == null ? null : ends.get(id);
			return offsets == null ? null : offsets + ":" + String.join("|", labels.get(id));
		}
	}

	private ResultComparison() {
	}

	/** The counts of one task: {@code predicted} (may be empty) against the reference {@code completion}. */
	public static Metrics compare(Annotation completion, Annotation predicted, Set<String> assertionLabels) {
		Parts gold = new Parts(completion, assertionLabels);
		Parts guess = new Parts(predicted, assertionLabels);
		Metrics metrics = new Metrics();
		metrics.countTask();
		List<Span[]> exactPairs = matchSpans(gold.entities, guess.entities, metrics, true);
		matchSpans(gold.entities, guess.entities, metrics, false);
		compareAssertions(gold, guess, exactPairs, metrics);
		compareChoices(gold.choices, guess.choices, metrics);
		countExact(gold.relations, guess.relations, Relation::label, metrics.relations());
		compareBoxes(gold.boxes, guess.boxes, metrics);
		return metrics;
	}

	/**
	 * Matches spans one to one and counts them; exact matching also fills the confusion matrix.
	 *
	 * @return the matched pairs
	 */
	private static List<Span[]> matchSpans(List<Span> gold, List<Span> predicted, Metrics metrics, boolean exact) {
		LabelScores scores = exact ? metrics.exactSpans() : metrics.overlappingSpans();
		boolean[] goldUsed = new boolean[gold.size()];
		boolean[] predictedUsed = new boolean[predicted.size()];
		List<Span[]> pairs = new ArrayList<>();
		// identical spans first, in file order
		for (int g = 0; g < gold.size(); g++) {
			for (int p = 0; p < predicted.size(); p++) {
				if (!predictedUsed[p] && gold.get(g).equals(predicted.get(p))) {
					goldUsed[g] = predictedUsed[p] = true;
					pairs.add(new Span[] { gold.get(g), predicted.get(p) });
					break;
				}
			}
		}
		if (!exact) {
			List<int[]> candidates = new ArrayList<>();
			for (int g = 0; g < gold.size(); g++) {
				for (int p = 0; p < predicted.size(); p++) {
					if (!goldUsed[g] && !predictedUsed[p] && gold.get(g).label().equals(predicted.get(p).label())
							&& gold.get(g).overlap(predicted.get(p)) > 0) {
						candidates.add(new int[] { g, p, gold.get(g).overlap(predicted.get(p)) });
					}
				}
			}
			candidates.sort(Comparator.comparingInt((int[] c) -> -c[2]).thenComparingInt(c -> c[0])
					.thenComparingInt(c -> c[1]));
			for (int[] c : candidates) {
				if (!goldUsed[c[0]] && !predictedUsed[c[1]]) {
					goldUsed[c[0]] = predictedUsed[c[1]] = true;
					pairs.add(new Span[] { gold.get(c[0]), predicted.get(c[1]) });
				}
			}
		}
		pairs.forEach(pair -> scores.of(pair[0].label()).hit());
		for (int g = 0; g < gold.size(); g++) {
			if (!goldUsed[g]) {
				scores.of(gold.get(g).label()).missed();
			}
		}
		for (int p = 0; p < predicted.size(); p++) {
			if (!predictedUsed[p]) {
				scores.of(predicted.get(p).label()).spurious();
			}
		}
		if (exact) {
			confuse(gold, goldUsed, predicted, predictedUsed, pairs, metrics);
		}
		return pairs;
	}

	private static void confuse(List<Span> gold, boolean[] goldUsed, List<Span> predicted, boolean[] predictedUsed,
			List<Span[]> pairs, Metrics metrics) {
		pairs.forEach(pair -> metrics.confuse(pair[0].label(), pair[1].label()));
		boolean[] predictedLeft = predictedUsed.clone();
		for (int g = 0; g < gold.size(); g++) {
			if (goldUsed[g]) {
				continue;
			}
			String predictedLabel = Metrics.OUTSIDE;
			for (int p = 0; p < predicted.size(); p++) {
				if (!predictedLeft[p] && gold.get(g).sameOffsets(predicted.get(p))) {
					predictedLeft[p] = true;
					predictedLabel = predicted.get(p).label();
					break;
				}
			}
			metrics.confuse(gold.get(g).label(), predictedLabel);
		}
		for (int p = 0; p < predicted.size(); p++) {
			if (!predictedLeft[p]) {
				metrics.confuse(Metrics.OUTSIDE, predicted.get(p).label());
			}
		}
	}

	private static void compareAssertions(Parts gold, Parts predicted, List<Span[]> exactPairs, Metrics metrics) {
		Map<String, Set<String>> goldStatus = statusByPosition(gold.assertions);
		Map<String, Set<String>> predictedStatus = statusByPosition(predicted.assertions);
		for (Span[] pair : exactPairs) {
			Set<String> expected = goldStatus.getOrDefault(pair[0].position(), Set.of());
			Set<String> given = predictedStatus.getOrDefault(pair[1].position(), Set.of());
			if (!expected.isEmpty() || !given.isEmpty()) {
				metrics.assertions().compare(expected.equals(given));
			}
		}
		countExact(gold.assertions, predicted.assertions, Span::label, metrics.assertions().regions());
	}

	private static Map<String, Set<String>> statusByPosition(List<Span> assertions) {
		Map<String, Set<String>> status = new HashMap<>();
		assertions.forEach(span -> status.computeIfAbsent(span.position(), p -> new TreeSet<>()).add(span.label()));
		return status;
	}

	private static void compareChoices(Map<String, Set<String>> gold, Map<String, Set<String>> predicted,
			Metrics metrics) {
		Set<String> controls = new TreeSet<>(gold.keySet());
		controls.addAll(predicted.keySet());
		for (String control : controls) {
			Set<String> expected = gold.get(control);
			Set<String> given = predicted.getOrDefault(control, Set.of());
			Metrics.Classification scores = metrics.classification(control);
			if (expected != null) {
				scores.answer(expected.equals(given));
			}
			Set<String> labels = new TreeSet<>(given);
			if (expected != null) {
				labels.addAll(expected);
			}
			for (String label : labels) {
				boolean chosen = expected != null && expected.contains(label);
				boolean guessed = given.contains(label);
				Counts counts = scores.labels().of(label);
				if (chosen && guessed) {
					counts.hit();
				} else if (chosen) {
					counts.missed();
				} else {
					counts.spurious();
				}
			}
		}
	}

	/** Counts items that are equal one to one (a multiset intersection), by label. */
	private static <T> void countExact(List<T> gold, List<T> predicted, java.util.function.Function<T, String> label,
			LabelScores scores) {
		Map<T, Integer> left = new HashMap<>();
		predicted.forEach(item -> left.merge(item, 1, Integer::sum));
		for (T item : gold) {
			Integer n = left.get(item);
			if (n != null && n > 0) {
				left.put(item, n - 1);
				scores.of(label.apply(item)).hit();
			} else {
				scores.of(label.apply(item)).missed();
			}
		}
		left.forEach((item, n) -> {
			for (int i = 0; i < n; i++) {
				scores.of(label.apply(item)).spurious();
			}
		});
	}

	private static void compareBoxes(List<Box> gold, List<Box> predicted, Metrics metrics) {
		List<double[]> candidates = new ArrayList<>();
		for (int g = 0; g < gold.size(); g++) {
			for (int p = 0; p < predicted.size(); p++) {
				Box a = gold.get(g);
				Box b = predicted.get(p);
				if (a.label().equals(b.label()) && Objects.equals(a.toName(), b.toName())) {
					double iou = a.box().iou(b.box());
					if (iou >= MIN_BOX_IOU) {
						candidates.add(new double[] { g, p, iou });
					}
				}
			}
		}
		candidates.sort(Comparator.comparingDouble((double[] c) -> -c[2]));
		boolean[] goldUsed = new boolean[gold.size()];
		boolean[] predictedUsed = new boolean[predicted.size()];
		for (double[] c : candidates) {
			int g = (int) c[0];
			int p = (int) c[1];
			if (!goldUsed[g] && !predictedUsed[p]) {
				goldUsed[g] = predictedUsed[p] = true;
				metrics.boxes().of(gold.get(g).label()).hit();
			}
		}
		for (int g = 0; g < gold.size(); g++) {
			if (!goldUsed[g]) {
				metrics.boxes().of(gold.get(g).label()).missed();
			}
		}
		for (int p = 0; p < predicted.size(); p++) {
			if (!predictedUsed[p]) {
				metrics.boxes().of(predicted.get(p).label()).spurious();
			}
		}
	}
}
