package io.labelbench.rules.engine;

import java.util.List;

/**
 * A pre-annotation rule: a regular expression or a dictionary of terms whose matches become spans labelled
 * {@code label}. Stored as JSON ({@code rules/*.json} of a project, or the workspace rules library):
 * <pre>{"name": "strength_mg", "label": "STRENGTH", "type": "regex", "pattern": "\\d+(\\.\\d+)? ?mg",
 *  "caseSensitive": false, "wholeWord": true}
 *{"name": "drugs", "label": "DRUG", "type": "dictionary", "terms": ["aspirin", "ibuprofen"],
 *  "dictionaryFile": "drugs.csv"}</pre>
 *
 * @param terms dictionary terms (from the rule and from its CSV file, first column of each line)
 */
public record Rule(String name, String label, Type type, String pattern, List<String> terms, boolean caseSensitive,
		boolean wholeWord) {

	public enum Type {
		REGEX, DICTIONARY
	}

	public Rule {
		terms = List.copyOf(terms);
	}

	public static Rule regex(String name, String label, String pattern, boolean caseSensitive, boolean wholeWord) {
		return new Rule(name, label, Type.REGEX, pattern, List.of(), caseSensitive, wholeWord);
	}

	public static Rule dictionary(String name, String label, List<String> terms, boolean caseSensitive,
			boolean wholeWord) {
		return new Rule(name, label, Type.DICTIONARY, null, terms, caseSensitive, wholeWord);
	}
}
