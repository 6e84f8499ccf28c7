package io.labelbench.core.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/**
 * Which regions of an annotation are assertion statuses and which entity each qualifies. As Generative AI Lab
 * exports them, an assertion status is a region of its own with the same object and place as the entity chunk
 * ({@code to_name}, {@code start}, {@code end}; the same box for a box), labelled only with labels the config marks
 * {@code assertion="true"}. Every other labelled span or box is an entity.
 */
public final class Assertions {

	private final Set<String> labels;

	public Assertions(Set<String> assertionLabels) {
		this.labels = Set.copyOf(assertionLabels);
	}

	/** The assertion labels of {@code schema} ({@code null}: none). */
	public static Assertions of(ResultSchema schema) {
		return new Assertions(schema == null ? Set.of() : schema.assertionLabels());
	}

	public Set<String> labels() {
		return labels;
	}

	/** Whether a region is an assertion status: a span or box whose labels all are assertion labels. */
	public boolean isAssertion(Region region) {
		if (labels.isEmpty() || !isPlaced(region)) {
			return false;
		}
		List<String> regionLabels = region.labels();
		return !regionLabels.isEmpty() && labels.containsAll(regionLabels);
	}

	/** Whether a region is an entity an assertion can qualify: a labelled span or box that is no assertion. */
	public boolean isEntity(Region region) {
		return isPlaced(region) && !isAssertion(region);
	}

	/** The assertion of {@code entity} in {@code annotation} (the first, should the file hold several), or {@code null}. */
	public Region assertionOf(Annotation annotation, Region entity) {
		List<Region> all = assertionsOf(annotation, entity);
		return all.isEmpty() ? null : all.get(0);
	}

	/** Every assertion region at the place of {@code entity}. */
	public List<Region> assertionsOf(Annotation annotation, Region entity) {
		List<Region> found = new ArrayList<>();
		if (annotation != null && entity != null) {
			for (Region region : annotation.results()) {
				if (region.json() != entity.json() && isAssertion(region) && samePlace(region, entity)) {
					found.add(region);
				}
			}
		}
		return found;
	}

	/** The entity an assertion region qualifies in {@code annotation}, or {@code null} when no entity is there. */
	public Region entityOf(Annotation annotation, Region assertion) {
		if (annotation != null && assertion != null) {
			for (Region region : annotation.results()) {
				if (region.json() != assertion.json() && isEntity(region) && samePlace(region, assertion)) {
					return region;
				}
			}
		}
		return null;
	}

	/** The status of {@code entity} ("absent" …), or {@code null} when it has none. */
	public String statusOf(Annotation annotation, Region entity) {
		Region assertion = assertionOf(annotation, entity);
		return assertion == null || assertion.labels().isEmpty() ? null : assertion.labels().get(0);
	}

	/** Same object and same place: the same offsets for spans, the same box for boxes. */
	public static boolean samePlace(Region a, Region b) {
		if (!Objects.equals(a.toName(), b.toName())) {
			return false;
		}
		if (a.start() != null || b.start() != null) {
			return Objects.equals(a.start(), b.start()) && Objects.equals(a.end(), b.end());
		}
		PageBox boxA = PageBox.of(a);
		PageBox boxB = PageBox.of(b);
		return boxA != null && boxB != null && boxA.pageNumber() == boxB.pageNumber()
				&& Math.abs(boxA.x() - boxB.x()) < 1e-6 && Math.abs(boxA.y() - boxB.y()) < 1e-6
				&& Math.abs(boxA.width() - boxB.width()) < 1e-6 && Math.abs(boxA.height() - boxB.height()) < 1e-6;
	}

	private static boolean isPlaced(Region region) {
		Region.Kind kind = region.kind();
		if (kind == Region.Kind.RELATION || kind == Region.Kind.CHOICES || kind == Region.Kind.TEXTAREA) {
			return false;
		}
		return (region.start() != null && region.end() != null)
				|| (kind == Region.Kind.RECTANGLE_LABELS && PageBox.of(region) != null);
	}
}
