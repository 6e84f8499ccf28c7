package io.labelbench.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Relation rules: each chunk labelled {@link Rule.Relation#toLabel()} (the tail, e.g. DOSAGE) is related to the
 * nearest chunk labelled {@link Rule.Relation#fromLabel()} (the head, e.g. DRUG) of the same sentence
 * ({@link Sentences}), in either order: the head may stand before the tail ("aspirin 100 mg") or after it ("100 mg
 * of aspirin"). Distance is the number of words between the two ({@link Tokens}); at most
 * {@link Rule.Relation#maxTokens()}; at equal distance the head before the tail wins. A head is never reached across
 * another head (in "aspirin and ibuprofen 200 mg" the dose belongs to ibuprofen). One relation per tail and rule;
 * where two rules relate the same pair, the one listed first wins. The relation goes from head to tail.
 */
public final class RelationRules implements RelationAnnotator {

	private final List<Rule> rules;
	private final List<String> labels;

	/** @throws RuleException naming the rule, for a rule that is not a relation rule or has bad parameters */
	public RelationRules(List<Rule> relationRules) throws RuleException {
		Set<String> given = new LinkedHashSet<>();
		for (Rule rule : relationRules) {
			check(rule);
			given.add(rule.label());
		}
		rules = List.copyOf(relationRules);
		labels = List.copyOf(given);
	}

	/** The rule's relation parameters, checked; the messages name the rule and say what to fix. */
	public static Rule.Relation check(Rule rule) throws RuleException {
		String at = "rule '" + rule.name() + "'";
		if (rule.type() != Rule.Type.RELATION || rule.relation() == null) {
			throw new RuleException(at + " is a " + rule.type().name().toLowerCase(Locale.ROOT)
					+ " rule, not a relation rule");
		}
		Rule.Relation r = rule.relation();
		if (rule.label() == null || rule.label().isBlank()) {
			throw new RuleException(at + ": the relation label is missing");
		}
		if (r.fromLabel() == null || r.fromLabel().isBlank()) {
			throw new RuleException(at + ": the head entity label (fromLabel) is missing");
		}
		if (r.toLabel() == null || r.toLabel().isBlank()) {
			throw new RuleException(at + ": the tail entity label (toLabel) is missing");
		}
		if (r.maxTokens() < 0) {
			throw new RuleException(at + ": maxTokens must be 0 or more, not " + r.maxTokens());
		}
		return r;
	}

	@Override
	public List<String> labels() {
		return labels;
	}

	@Override
	public List<Relation> relate(String text, List<Entity> entities) {
		List<Relation> out = new ArrayList<>();
		if (rules.isEmpty() || entities.size() < 2) {
			return out;
		}
		List<Sentences.Sentence> sentences = Sentences.of(text);
		int[] sentenceOf = new int[entities.size()];
		for (int e = 0; e < entities.size(); e++) {
			Entity entity = entities.get(e);
			sentenceOf[e] = Sentences.indexOf(sentences, entity.start(), entity.end());
		}
		Map<Integer, Tokens> tokensOf = new HashMap<>();
		Set<Long> pairs = new java.util.HashSet<>();
		for (Rule rule : rules) {
			Rule.Relation r = rule.relation();
			for (int tail = 0; tail < entities.size(); tail++) {
				int s = sentenceOf[tail];
				if (s < 0 || !entities.get(tail).label().equals(r.toLabel())) {
					continue;
				}
				Sentences.Sentence sentence = sentences.get(s);
				Tokens tokens = tokensOf.computeIfAbsent(s, k -> Tokens.of(text, sentence.start(), sentence.end()));
				int head = nearestHead(entities, sentenceOf, tail, r, tokens);
				if (head >= 0 && pairs.add((long) head << 32 | tail)) {
					out.add(new Relation(head, tail, rule.label(), 1.0));
				}
			}
		}
		return out;
	}

	/** The head for a tail: the nearest on either side, not across another head, within the distance; or -1. */
	private static int nearestHead(List<Entity> entities, int[] sentenceOf, int tail, Rule.Relation r, Tokens tokens) {
		Entity t = entities.get(tail);
		int before = -1;
		int after = -1;
		// entities are in text order: the nearest head on each side is the first one met walking away from the tail
		for (int e = tail - 1; e >= 0 && sentenceOf[e] == sentenceOf[tail]; e--) {
			Entity candidate = entities.get(e);
			if (candidate.label().equals(r.fromLabel()) && candidate.end() <= t.start()) {
				before = e;
				break;
			}
		}
		for (int e = tail + 1; e < entities.size() && sentenceOf[e] == sentenceOf[tail]; e++) {
			Entity candidate = entities.get(e);
			if (candidate.label().equals(r.fromLabel()) && candidate.start() >= t.end()) {
				after = e;
				break;
			}
		}
		int beforeDistance = before < 0 ? Integer.MAX_VALUE
				: tokens.wordsBetween(entities.get(before).end(), t.start());
		int afterDistance = after < 0 ? Integer.MAX_VALUE : tokens.wordsBetween(t.end(), entities.get(after).start());
		int head = afterDistance < beforeDistance ? after : before;
		int distance = Math.min(beforeDistance, afterDistance);
		return head >= 0 && distance <= r.maxTokens() ? head : -1;
	}
}
