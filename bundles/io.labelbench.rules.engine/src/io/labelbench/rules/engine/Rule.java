package io.labelbench.rules.engine;

import java.util.List;
import java.util.Objects;

/**
 * A pre-annotation rule. Regex and dictionary rules find entity spans labelled {@code label}; an assertion rule
 * gives entity chunks a status from trigger phrases around them ({@link NegexAssertions}); a relation rule links
 * entity chunks of one sentence ({@link RelationRules}). Stored as JSON ({@code rules/*.json} of a project, or the
 * workspace rules library), the parameters of the new kinds flat beside the common fields:
 * <pre>{"name": "strength_mg", "label": "STRENGTH", "type": "regex", "pattern": "\\d+(\\.\\d+)? ?mg",
 *  "caseSensitive": false, "wholeWord": true}
 *{"name": "drugs", "label": "DRUG", "type": "dictionary", "terms": ["aspirin", "ibuprofen"],
 *  "dictionaryFile": "drugs.csv"}
 *{"name": "negation", "type": "assertion", "triggerSet": "clinical_en", "window": 8, "entityLabels": ["PROBLEM"],
 *  "triggers": [{"phrase": "no", "status": "absent", "position": "pre"}], "terminators": ["but", ";"],
 *  "markPresent": false}
 *{"name": "dosage", "label": "DRUG-DOSAGE", "type": "relation", "fromLabel": "DRUG", "toLabel": "DOSAGE",
 *  "maxTokens": 6}</pre>
 *
 * @param label     the entity label of a regex or dictionary rule, the relation label of a relation rule; none
 *                  ({@code null}) for an assertion rule, whose statuses come from its triggers
 * @param terms     dictionary terms (from the rule and from its CSV file, first column of each line)
 * @param assertion the parameters of an assertion rule, else {@code null}
 * @param relation  the parameters of a relation rule, else {@code null}
 */
public record Rule(String name, String label, Type type, String pattern, List<String> terms, boolean caseSensitive,
		boolean wholeWord, Assertion assertion, Relation relation) {

	public enum Type {
		REGEX, DICTIONARY, ASSERTION, RELATION;

		/** Regex and dictionary rules find entity spans in a text; the other kinds work on entities found. */
		public boolean findsSpans() {
			return this == REGEX || this == DICTIONARY;
		}
	}

	/** Where a trigger phrase stands: before the chunk it qualifies ("no chest pain") or after it ("… ruled out"). */
	public enum Position {
		PRE, POST
	}

	/** A phrase that gives the chunks in its scope a status, e.g. "denies" → absent, before the chunk. */
	public record Trigger(String phrase, String status, Position position) {
	}

	/**
	 * The parameters of a NegEx/ConText-style assertion rule.
	 *
	 * @param triggers     the rule's own trigger phrases
	 * @param triggerSet   a shipped trigger set whose triggers and terminators join the rule's own
	 *                     ({@link NegexAssertions#CLINICAL_EN}), or {@code null}
	 * @param terminators  phrases that end a trigger's scope before the sentence ends ("but", "however", ";")
	 * @param window       how many word tokens may stand between a trigger and the chunk it qualifies
	 * @param entityLabels the entity labels the rule qualifies; empty: all
	 * @param markPresent  chunks no trigger reaches get the status {@code present}; otherwise they get none
	 */
	public record Assertion(List<Trigger> triggers, String triggerSet, List<String> terminators, int window,
			List<String> entityLabels, boolean markPresent) {

		/** The window when a rule file gives none: a list of a few findings after "denies" stays in scope. */
		public static final int DEFAULT_WINDOW = 8;

		public Assertion {
			triggers = triggers == null ? List.of() : List.copyOf(triggers);
			terminators = terminators == null ? List.of() : List.copyOf(terminators);
			entityLabels = entityLabels == null ? List.of() : List.copyOf(entityLabels);
		}
	}

	/**
	 * The parameters of a relation rule: each chunk labelled {@code toLabel} (the tail) is related to the nearest
	 * chunk labelled {@code fromLabel} (the head) of its sentence, before or after it.
	 *
	 * @param maxTokens how many word tokens may stand between head and tail
	 */
	public record Relation(String fromLabel, String toLabel, int maxTokens) {

		/** The distance when a rule file gives none. */
		public static final int DEFAULT_MAX_TOKENS = 6;
	}

	public Rule {
		terms = terms == null ? List.of() : List.copyOf(terms);
		Objects.requireNonNull(type, "type");
	}

	/** A regex or dictionary rule (the shape rules had before assertion and relation rules). */
	public Rule(String name, String label, Type type, String pattern, List<String> terms, boolean caseSensitive,
			boolean wholeWord) {
		this(name, label, type, pattern, terms, caseSensitive, wholeWord, null, null);
	}

	public static Rule regex(String name, String label, String pattern, boolean caseSensitive, boolean wholeWord) {
		return new Rule(name, label, Type.REGEX, pattern, List.of(), caseSensitive, wholeWord);
	}

	public static Rule dictionary(String name, String label, List<String> terms, boolean caseSensitive,
			boolean wholeWord) {
		return new Rule(name, label, Type.DICTIONARY, null, terms, caseSensitive, wholeWord);
	}

	public static Rule assertion(String name, Assertion assertion) {
		return new Rule(name, null, Type.ASSERTION, null, List.of(), false, true, assertion, null);
	}

	public static Rule relation(String name, String label, Relation relation) {
		return new Rule(name, label, Type.RELATION, null, List.of(), false, true, null, relation);
	}
}
