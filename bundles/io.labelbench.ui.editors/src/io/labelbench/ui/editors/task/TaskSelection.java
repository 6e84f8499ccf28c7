package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/**
 * What the user picked in a task editor: one region of the shown prediction (to accept or reject), and regions of
 * the completion, in the order they were selected (to relabel, resize, delete or relate).
 */
final class TaskSelection {

	private Region prediction;
	private final Set<ObjectNode> regions = new LinkedHashSet<>();

	/** The picked prediction region, or {@code null}. */
	Region prediction() {
		return prediction;
	}

	/** The picked prediction region's JSON, or nothing: how the views take a selection. */
	Set<ObjectNode> predictionAsSet() {
		return prediction == null ? Set.of() : Set.of(prediction.json());
	}

	void pickPrediction(Region region) {
		prediction = region;
	}

	/** The JSON of the selected completion regions, in selection order; the views compare by identity. */
	Set<ObjectNode> regions() {
		return regions;
	}

	boolean isEmpty() {
		return regions.isEmpty();
	}

	int size() {
		return regions.size();
	}

	void clearRegions() {
		regions.clear();
	}

	void add(Region region) {
		regions.add(region.json());
	}

	/** Selects one region, or adds it to (or takes it from) the selection; {@code null} with !add clears. */
	void select(Region region, boolean add) {
		if (!add) {
			regions.clear();
		}
		if (region != null && !regions.remove(region.json())) {
			regions.add(region.json());
		}
	}

	/** The selected regions of {@code current}. */
	List<Region> in(Annotation current) {
		List<Region> selected = new ArrayList<>();
		if (current != null) {
			for (ObjectNode json : regions) {
				for (Region region : current.results()) {
					if (region.json() == json) {
						selected.add(region);
					}
				}
			}
		}
		return selected;
	}

	/** Drops the selected regions that {@code current} no longer has (after an edit, undo or redo). */
	void retainIn(Annotation current) {
		Set<ObjectNode> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
		if (current != null) {
			current.results().forEach(region -> nodes.add(region.json()));
		}
		regions.retainAll(nodes);
	}
}
