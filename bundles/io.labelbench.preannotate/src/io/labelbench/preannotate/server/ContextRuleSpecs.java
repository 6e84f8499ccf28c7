package io.labelbench.preannotate.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.protocol.ServerSpec.RuleSpec;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RelationRules;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;

/**
 * The server spec of an assertion or relation rule, from a labeling config: an assertion rule runs in the Labels
 * control that offers every status it can give as an assertion label ({@code assertion="true"}); a relation rule's
 * label must be a {@code <Relation>} value, its head and tail labels entity labels of a Labels control. A rule the
 * config does not fit is reported, in words for the user, and left out.
 */
final class ContextRuleSpecs {

	private ContextRuleSpecs() {
	}

	/** The rule's spec, or {@code null} with the reason added to {@code problems}. */
	static RuleSpec spec(Rule rule, LabelingConfig config, List<String> problems) {
		try {
			return rule.type() == Rule.Type.ASSERTION ? assertion(rule, config, problems)
					: relation(rule, config, problems);
		} catch (RuleException e) {
			problems.add(e.getMessage());
			return null;
		}
	}

	/** The config labels the rule's spec gives: its statuses, or its relation label. */
	static List<String> labels(Rule rule) {
		try {
			return rule.type() == Rule.Type.ASSERTION ? new NegexAssertions(List.of(rule)).statuses()
					: List.of(rule.label());
		} catch (RuleException e) {
			return List.of();
		}
	}

	private static RuleSpec assertion(Rule rule, LabelingConfig config, List<String> problems) throws RuleException {
		List<String> statuses = new NegexAssertions(List.of(rule)).statuses();
		Set<String> offered = config.assertionLabels();
		List<String> missing = statuses.stream().filter(s -> !offered.contains(s)).toList();
		if (!missing.isEmpty()) {
			problems.add("assertion rule '" + rule.name() + "' gives the statuses " + String.join(", ", missing)
					+ ", which are not assertion labels of the config (add <Label value=\"…\" assertion=\"true\"/>"
					+ (offered.isEmpty() ? "" : "; it has " + String.join(", ", offered)) + ")");
			return null;
		}
		ControlTag control = null;
		for (ControlTag c : config.controlTags()) {
			if (c.type().endsWith("labels") && !c.toNames().isEmpty() && assertionValues(c).containsAll(statuses)) {
				control = c;
				break;
			}
		}
		if (control == null) {
			problems.add("assertion rule '" + rule.name() + "': no one Labels control offers all of its statuses ("
					+ String.join(", ", statuses) + ")");
			return null;
		}
		List<String> unknown = rule.assertion().entityLabels().stream().filter(l -> !entityLabels(config).contains(l))
				.toList();
		if (!unknown.isEmpty()) {
			problems.add("assertion rule '" + rule.name() + "' qualifies the entity labels " + String.join(", ", unknown)
					+ ", which no Labels control of the config offers");
			return null;
		}
		return spec(rule, control);
	}

	private static RuleSpec relation(Rule rule, LabelingConfig config, List<String> problems) throws RuleException {
		Rule.Relation relation = RelationRules.check(rule);
		if (!config.relationLabels().contains(rule.label())) {
			problems.add("relation rule '" + rule.name() + "' labels '" + rule.label() + "', which is not a <Relation>"
					+ " of the config" + (config.relationLabels().isEmpty() ? " (it has no <Relations> block)" : ""));
			return null;
		}
		ControlTag control = null;
		for (String label : List.of(relation.fromLabel(), relation.toLabel())) {
			ControlTag holder = holderOf(config, label);
			if (holder == null) {
				problems.add("relation rule '" + rule.name() + "' relates '" + label
						+ "', which no Labels control of the config offers");
				return null;
			}
			control = control == null ? holder : control;
		}
		return spec(rule, control);
	}

	private static RuleSpec spec(Rule rule, ControlTag control) {
		return new RuleSpec(rule.name(), rule.label(), rule.type(), null, List.of(), false, true, control.name(),
				control.toNames().get(0), rule.assertion(), rule.relation());
	}

	private static Set<String> assertionValues(ControlTag control) {
		Set<String> values = new LinkedHashSet<>();
		for (LabelValue v : control.values()) {
			if (v.assertion() && v.value() != null) {
				values.add(v.value());
			}
		}
		return values;
	}

	/** The labels of Labels controls that are not assertion labels. */
	private static Set<String> entityLabels(LabelingConfig config) {
		Set<String> labels = new LinkedHashSet<>();
		for (ControlTag c : config.controlTags()) {
			if (c.type().endsWith("labels")) {
				for (LabelValue v : c.values()) {
					if (!v.assertion() && v.value() != null) {
						labels.add(v.value());
					}
				}
			}
		}
		return labels;
	}

	private static ControlTag holderOf(LabelingConfig config, String label) {
		List<ControlTag> holders = new ArrayList<>();
		for (ControlTag c : config.controlTags()) {
			if (c.type().endsWith("labels") && !c.toNames().isEmpty()) {
				for (LabelValue v : c.values()) {
					if (!v.assertion() && label.equals(v.value())) {
						holders.add(c);
					}
				}
			}
		}
		return holders.isEmpty() ? null : holders.get(0);
	}
}
