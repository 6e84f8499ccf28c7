package io.labelbench.protocol;

import java.util.List;

/**
 * One region of a predicted result, exactly as Generative AI Lab writes it in a task's {@code result} (the
 * components are named as GAL's JSON names them, so that both sides map them without annotations). A server
 * omits the components that are null:
 *
 * <pre>
 * {"id": "lb1", "from_name": "label", "to_name": "text", "type": "labels",
 *  "value": {"start": 10, "end": 17, "text": "aspirin", "labels": ["DRUG"], "confidence": 0.98}}
 * {"id": "lb2", "from_name": "label", "to_name": "text", "type": "labels",
 *  "value": {"start": 20, "end": 30, "text": "chest pain", "labels": ["absent"], "confidence": 0.91}}
 * {"id": "lb3", "from_name": "domain", "to_name": "text", "type": "choices",
 *  "value": {"choices": ["clinical"], "confidence": 0.97}}
 * {"id": "lb4", "type": "relation", "from_id": "lb1", "to_id": "lb5", "direction": "right",
 *  "labels": ["DRUG-STRENGTH"], "confidence": 0.88}
 * </pre>
 *
 * An assertion status is a {@code labels} region of its own with the offsets and text of the entity it qualifies
 * and an assertion label; a relation names two regions of the same result by their ids.
 */
public record Region(String id, String from_name, String to_name, String type, Value value, String from_id,
		String to_id, String direction, List<String> labels, Double confidence) {

	public static final String LABELS = "labels";
	public static final String CHOICES = "choices";
	public static final String RELATION = "relation";
	/** The only direction a predicted relation has: from {@code from_id} to {@code to_id}. */
	public static final String RIGHT = "right";

	/**
	 * What a labels or choices region says: offsets are UTF-16 code units of the task text, end exclusive.
	 */
	public record Value(Integer start, Integer end, String text, List<String> labels, List<String> choices,
			Double confidence) {
		public Value {
			labels = labels == null ? null : List.copyOf(labels);
			choices = choices == null ? null : List.copyOf(choices);
		}
	}

	public Region {
		labels = labels == null ? null : List.copyOf(labels);
	}

	/** A span of the text with one label (an entity, or the assertion status of one). */
	public static Region span(String id, String fromName, String toName, int start, int end, String text,
			String label, double confidence) {
		return new Region(id, fromName, toName, LABELS, new Value(start, end, text, List.of(label), null, confidence),
				null, null, null, null, null);
	}

	/** The class of the whole text. */
	public static Region choice(String id, String fromName, String toName, String choice, double confidence) {
		return new Region(id, fromName, toName, CHOICES, new Value(null, null, null, null, List.of(choice), confidence),
				null, null, null, null, null);
	}

	/** A relation from one region of the same result to another. */
	public static Region relation(String id, String fromId, String toId, String label, double confidence) {
		return new Region(id, null, null, RELATION, null, fromId, toId, RIGHT, List.of(label), confidence);
	}

	/** The region's confidence: a relation's own, a labels or choices region's {@code value.confidence}. */
	public Double score() {
		return RELATION.equals(type) ? confidence : value == null ? null : value.confidence();
	}
}
