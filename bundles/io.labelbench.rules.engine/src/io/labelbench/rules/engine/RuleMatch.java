package io.labelbench.rules.engine;

/** A span found by a rule: {@code [start, end)} in UTF-16 units of the text, with the covered text. */
public record RuleMatch(int start, int end, String text, String label, String rule) {
}
