package io.labelbench.core.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/**
 * The differences between a shown annotation (normally a prediction) and a completion, region by region,
 * as a reviewer reads them: spans the completion has and the prediction not ({@link Kind#ADDED}), spans the
 * prediction has and the completion not ({@link Kind#MISSING}), the same offsets with other labels
 * ({@link Kind#LABEL}), and overlapping spans with the same labels but other offsets ({@link Kind#BOUNDARY}).
 * Choices are compared per control; boxes on a page by their place (to a hundredth of a percent), overlapping
 * boxes with the same labels counting as another boundary.
 * <p>
 * Given the config's assertion labels, assertion statuses are compared apart from the entities they qualify
 * ({@link Part#ASSERTION}): by the place of their entity, another status counting as {@link Kind#LABEL}.
 * Relations ({@link Part#RELATION}) are matched by the places of their two ends, not by ids (a prediction's ids
 * and a completion's differ); another relation label counts as {@link Kind#LABEL}. A relation whose end names no
 * region is not compared (the checks report it). Other types are not compared.
 * <p>
 * Exact matches are found by hashing, overlaps by a sweep over spans sorted by start, so comparing two
 * annotations of thousands of regions stays well under a frame.
 */
public final class AnnotationDiff {

	public enum Kind {
		SAME, ADDED, MISSING, LABEL, BOUNDARY
	}

	/**
	 * One compared pair. {@code shown} is the region of the shown annotation, {@code completion} that of the
	 * completion; one of them is {@code null} for {@link Kind#ADDED} and {@link Kind#MISSING}.
	 */
	public record Difference(Kind kind, Region shown, Region completion, Part part) {
		public Difference(Kind kind, Region shown, Region completion) {
			this(kind, shown, completion, Part.REGION);
		}
	}

	/** What a difference is about: an entity span, box or choice; an assertion status; a relation. */
	public enum Part {
		REGION, ASSERTION, RELATION
	}

	private final List<Difference> differences;
	private final Map<Object, Difference> byRegion = new IdentityHashMap<>();

	private AnnotationDiff(List<Difference> differences) {
		this.differences = List.copyOf(differences);
		for (Difference difference : differences) {
			if (difference.shown() != null) {
				byRegion.put(difference.shown().json(), difference);
			}
			if (difference.completion() != null) {
				byRegion.put(difference.completion().json(), difference);
			}
		}
	}

	/** Compares {@code shown} with {@code completion}; either may be {@code null} (nothing to compare with). */
	public static AnnotationDiff compare(Annotation shown, Annotation completion) {
		return compare(shown, completion, Set.of());
	}

	/**
	 * Compares {@code shown} with {@code completion}, the regions labelled only with {@code assertionLabels} as the
	 * assertion statuses of their entities, and the relations of both.
	 */
	public static AnnotationDiff compare(Annotation shown, Annotation completion, Set<String> assertionLabels) {
		Assertions assertions = new Assertions(assertionLabels);
		List<Region> left = comparable(shown, assertions);
		List<Region> right = comparable(completion, assertions);
		List<Difference> differences = new ArrayList<>();
		Set<Region> matchedRight = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		List<Region> unmatchedLeft = new ArrayList<>();

		Map<Key, List<Region>> rightByPlace = new HashMap<>();
		for (Region region : right) {
			rightByPlace.computeIfAbsent(Key.of(region), key -> new ArrayList<>()).add(region);
		}
		// same place: SAME when the labels agree, LABEL otherwise (a same-label twin is preferred)
		for (Region region : left) {
			List<Region> candidates = rightByPlace.getOrDefault(Key.of(region), List.of());
			Region twin = null;
			for (Region candidate : candidates) {
				if (!matchedRight.contains(candidate) && (twin == null || sameLabels(region, candidate))) {
					twin = candidate;
					if (sameLabels(region, candidate)) {
						break;
					}
				}
			}
			if (twin == null) {
				unmatchedLeft.add(region);
			} else {
				matchedRight.add(twin);
				differences.add(new Difference(sameLabels(region, twin) ? Kind.SAME : Kind.LABEL, region, twin));
			}
		}
		List<Region> unmatchedRight = new ArrayList<>();
		for (Region region : right) {
			if (!matchedRight.contains(region)) {
				unmatchedRight.add(region);
			}
		}
		matchBoxes(unmatchedLeft, unmatchedRight, differences);
		matchBoundaries(unmatchedLeft, unmatchedRight, differences);
		matchByPlace(placed(shown, assertions), placed(completion, assertions), Part.ASSERTION, differences);
		matchByPlace(relations(shown), relations(completion), Part.RELATION, differences);
		differences.sort(Comparator.comparingInt(AnnotationDiff::startOf));
		return new AnnotationDiff(differences);
	}

	/**
	 * Pairs overlapping boxes of one control on one page with the same labels as {@link Kind#BOUNDARY}, the
	 * best overlap first, and takes them out of both lists. Boxes are few per page, so pairs are simply tried.
	 */
	private static void matchBoxes(List<Region> left, List<Region> right, List<Difference> differences) {
		for (java.util.Iterator<Region> shownBoxes = left.iterator(); shownBoxes.hasNext();) {
			Region shown = shownBoxes.next();
			PageBox box = shown.kind() == Region.Kind.RECTANGLE_LABELS ? PageBox.of(shown) : null;
			if (box == null) {
				continue;
			}
			Region partner = null;
			double best = 0;
			for (Region candidate : right) {
				PageBox other = candidate.kind() == Region.Kind.RECTANGLE_LABELS ? PageBox.of(candidate) : null;
				double iou = other == null ? 0 : box.iou(other);
				if (iou > best && Objects.equals(candidate.fromName(), shown.fromName()) && sameLabels(shown, candidate)) {
					best = iou;
					partner = candidate;
				}
			}
			if (partner != null) {
				right.remove(partner);
				shownBoxes.remove();
				differences.add(new Difference(Kind.BOUNDARY, shown, partner));
			}
		}
	}

	/** Pairs overlapping spans of one control with the same labels as {@link Kind#BOUNDARY}; the rest stay apart. */
	private static void matchBoundaries(List<Region> left, List<Region> right, List<Difference> differences) {
		Comparator<Region> byStart = Comparator.comparingInt(AnnotationDiff::startOf);
		left.sort(byStart);
		right.sort(byStart);
		int longest = 0;
		for (Region region : right) {
			longest = Math.max(longest, region.end() == null ? 0 : region.end() - region.start());
		}
		Set<Region> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		int from = 0;
		for (Region shown : left) {
			Region partner = null;
			if (shown.start() != null) {
				// every right span that can overlap starts after shown.start - longest
				while (from < right.size() && startOf(right.get(from)) < shown.start() - longest) {
					from++;
				}
				for (int i = from; i < right.size() && startOf(right.get(i)) < shown.end(); i++) {
					Region candidate = right.get(i);
					if (!taken.contains(candidate) && candidate.start() != null && candidate.end() > shown.start()
							&& Objects.equals(candidate.fromName(), shown.fromName()) && sameLabels(shown, candidate)) {
						partner = candidate;
						break;
					}
				}
			}
			if (partner == null) {
				differences.add(new Difference(Kind.MISSING, shown, null));
			} else {
				taken.add(partner);
				differences.add(new Difference(Kind.BOUNDARY, shown, partner));
			}
		}
		for (Region region : right) {
			if (!taken.contains(region)) {
				differences.add(new Difference(Kind.ADDED, null, region));
			}
		}
	}

	/**
	 * Pairs items that sit at the same place (an assertion's entity place, a relation's two end places): the same
	 * labels SAME, other labels LABEL (a same-label partner preferred), the rest MISSING or ADDED.
	 */
	private static void matchByPlace(Map<String, List<Region>> left, Map<String, List<Region>> right, Part part,
			List<Difference> differences) {
		for (Map.Entry<String, List<Region>> place : left.entrySet()) {
			List<Region> candidates = new ArrayList<>(right.getOrDefault(place.getKey(), List.of()));
			List<Region> unmatched = new ArrayList<>();
			for (Region shown : place.getValue()) {
				Region partner = candidates.stream().filter(c -> sameLabels(shown, c)).findFirst().orElse(null);
				if (partner != null) {
					candidates.remove(partner);
					differences.add(new Difference(Kind.SAME, shown, partner, part));
				} else {
					unmatched.add(shown);
				}
			}
			for (Region shown : unmatched) {
				Region partner = candidates.isEmpty() ? null : candidates.remove(0);
				differences.add(new Difference(partner == null ? Kind.MISSING : Kind.LABEL, shown, partner, part));
			}
			candidates.forEach(added -> differences.add(new Difference(Kind.ADDED, null, added, part)));
		}
		for (Map.Entry<String, List<Region>> place : right.entrySet()) {
			if (!left.containsKey(place.getKey())) {
				place.getValue().forEach(added -> differences.add(new Difference(Kind.ADDED, null, added, part)));
			}
		}
	}

	/** The assertion regions of an annotation by the place of the entity they qualify. */
	private static Map<String, List<Region>> placed(Annotation annotation, Assertions assertions) {
		Map<String, List<Region>> byPlace = new LinkedHashMap<>();
		if (annotation != null) {
			for (Region region : annotation.results()) {
				if (assertions.isAssertion(region)) {
					byPlace.computeIfAbsent(placeOf(region), key -> new ArrayList<>()).add(region);
				}
			}
		}
		return byPlace;
	}

	/** The relations of an annotation by the places of their ends; relations with an end that names nothing are left out. */
	private static Map<String, List<Region>> relations(Annotation annotation) {
		Map<String, List<Region>> byEnds = new LinkedHashMap<>();
		if (annotation == null) {
			return byEnds;
		}
		Map<String, Region> byId = new HashMap<>();
		for (Region region : annotation.results()) {
			if (region.id() != null && region.kind() != Region.Kind.RELATION) {
				byId.putIfAbsent(region.id(), region);
			}
		}
		for (Region region : annotation.results()) {
			Region from = region.kind() == Region.Kind.RELATION ? byId.get(region.fromId()) : null;
			Region to = region.kind() == Region.Kind.RELATION ? byId.get(region.toId()) : null;
			if (from != null && to != null) {
				byEnds.computeIfAbsent(placeOf(from) + " -> " + placeOf(to), key -> new ArrayList<>()).add(region);
			}
		}
		return byEnds;
	}

	/** Where a span or box sits, whatever control labels it: its object and its offsets or box. */
	private static String placeOf(Region region) {
		return region.toName() + " " + Key.of(region).place();
	}

	private static List<Region> comparable(Annotation annotation, Assertions assertions) {
		List<Region> regions = new ArrayList<>();
		if (annotation == null) {
			return regions;
		}
		for (Region region : annotation.results()) {
			if (assertions.isAssertion(region)) {
				continue;
			}
			boolean span = region.start() != null && region.end() != null && region.end() >= region.start();
			boolean box = region.kind() == Region.Kind.RECTANGLE_LABELS && PageBox.of(region) != null;
			if (span || box || region.kind() == Region.Kind.CHOICES) {
				regions.add(region);
			}
		}
		return regions;
	}

	private static boolean sameLabels(Region a, Region b) {
		return new HashSet<>(a.labels()).equals(new HashSet<>(b.labels()));
	}

	private static int startOf(Difference difference) {
		return startOf(difference.shown() != null ? difference.shown() : difference.completion());
	}

	private static int startOf(Region region) {
		return region.start() == null ? -1 : region.start();
	}

	/**
	 * Where a region sits: its control, and its offsets for spans, its page and box (to a hundredth of a percent)
	 * for boxes; choices sit on the control alone.
	 */
	private record Key(String fromName, String place) {
		static Key of(Region region) {
			PageBox box = region.kind() == Region.Kind.RECTANGLE_LABELS ? PageBox.of(region) : null;
			if (box != null) {
				return new Key(region.fromName(), "box " + box.pageNumber() + " " + Math.round(box.x() * 100) + " "
						+ Math.round(box.y() * 100) + " " + Math.round(box.width() * 100) + " " + Math.round(box.height() * 100));
			}
			return new Key(region.fromName(), region.start() == null ? "" : region.start() + " " + region.end());
		}
	}

	/** All compared pairs, by start offset (choices first). */
	public List<Difference> differences() {
		return differences;
	}

	/** The pair a region of either side belongs to, or {@code null} when it was not compared. */
	public Difference of(Region region) {
		return region == null ? null : byRegion.get(region.json());
	}

	/** How many pairs of entity spans, boxes and choices there are of each kind, in the order of {@link Kind}. */
	public Map<Kind, Integer> counts() {
		return counts(Part.REGION);
	}

	/** How many pairs about {@code part} there are of each kind, in the order of {@link Kind}. */
	public Map<Kind, Integer> counts(Part part) {
		Map<Kind, Integer> counts = new LinkedHashMap<>();
		for (Kind kind : Kind.values()) {
			counts.put(kind, 0);
		}
		for (Difference difference : differences) {
			if (difference.part() == part) {
				counts.merge(difference.kind(), 1, Integer::sum);
			}
		}
		return counts;
	}
}
