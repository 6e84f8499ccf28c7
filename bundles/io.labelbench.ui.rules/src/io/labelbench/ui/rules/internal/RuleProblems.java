package io.labelbench.ui.rules.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.osgi.util.NLS;

import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RelationRules;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;

/** The first reason the rules of a file cannot run, in words for the form; the engine's own checks decide. */
final class RuleProblems {

	private RuleProblems() {
	}

	static String first(List<Rule> rules) {
		for (Rule rule : rules) {
			String message = of(rule);
			if (message != null) {
				return message;
			}
		}
		try {
			new RuleEngine(rules);
		} catch (RuleException e) {
			return e.getMessage();
		}
		return null;
	}

	private static String of(Rule rule) {
		boolean needsLabel = rule.type() != Rule.Type.ASSERTION;
		if (rule.name().isBlank() || needsLabel && (rule.label() == null || rule.label().isBlank())) {
			return Messages.RulesEditor_nameAndLabel;
		}
		try {
			switch (rule.type()) {
			case REGEX -> Pattern.compile(rule.pattern());
			case DICTIONARY -> {
				if (rule.terms().isEmpty()) {
					return NLS.bind(Messages.RulesEditor_noTerms, rule.name());
				}
			}
			case ASSERTION -> NegexAssertions.check(rule);
			case RELATION -> RelationRules.check(rule);
			}
		} catch (PatternSyntaxException e) {
			return NLS.bind(Messages.RulesEditor_badRegex, rule.name(), e.getDescription());
		} catch (RuleException e) {
			return e.getMessage();
		}
		return null;
	}
}
