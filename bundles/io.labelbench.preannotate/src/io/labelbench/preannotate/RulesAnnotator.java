package io.labelbench.preannotate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.rules.engine.AssertionAnnotator;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RelationAnnotator;
import io.labelbench.rules.engine.RelationRules;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;

/**
 * Pre-annotates with rules, in process and without Spark. Each regex or dictionary match becomes a
 * {@code labels} region of the control {@code fromName} on the object {@code toName}, with confidence 1. Assertion
 * rules then give those entities statuses, each a {@code labels} region of its own with the entity's offsets and text
 * (GAL's way of attaching an assertion to its chunk); relation rules relate them with {@code relation} results whose
 * {@code from_id}/{@code to_id} name the entity regions. The model version is a digest of the rules, so editing a
 * rule makes a rerun annotate again.
 */
public final class RulesAnnotator implements Annotator {

	private final RuleEngine engine;
	private final NegexAssertions assertions;
	private final RelationRules relations;
	private final String fromName;
	private final String toName;
	private final String dataField;
	private final String version;

	public RulesAnnotator(List<Rule> rules, String fromName, String toName, String dataField) throws RuleException {
		if (rules.isEmpty()) {
			throw new RuleException("no rules to pre-annotate with");
		}
		this.engine = new RuleEngine(rules);
		this.assertions = new NegexAssertions(rules.stream().filter(r -> r.type() == Rule.Type.ASSERTION).toList());
		this.relations = new RelationRules(rules.stream().filter(r -> r.type() == Rule.Type.RELATION).toList());
		this.fromName = fromName;
		this.toName = toName;
		this.dataField = dataField;
		this.version = "rules@" + digest(rules);
	}

	@Override
	public String author() {
		return "rules";
	}

	@Override
	public String modelVersion() {
		return version;
	}

	@Override
	public List<Output> annotate(List<Task> tasks) throws AnnotatorException {
		List<Output> outputs = new ArrayList<>(tasks.size());
		for (Task task : tasks) {
			String text = task.dataText(dataField);
			List<ObjectNode> result = new ArrayList<>();
			if (text != null) {
				List<RuleMatch> matches;
				try {
					matches = engine.apply(text);
				} catch (RuleException e) {
					throw new AnnotatorException("task " + task.id() + ": " + e.getMessage(), e);
				}
				List<Entity> entities = new ArrayList<>(matches.size());
				for (RuleMatch match : matches) {
					entities.add(new Entity(match.start(), match.end(), match.label()));
					result.add(span("rule-" + (result.size() + 1), match.start(), match.end(), match.text(),
							match.label()));
				}
				if (!entities.isEmpty()) {
					for (AssertionAnnotator.Assertion a : assertions.assess(text, entities)) {
						RuleMatch chunk = matches.get(a.entity());
						result.add(span("rule-" + (result.size() + 1), chunk.start(), chunk.end(), chunk.text(),
								a.status()));
					}
					for (RelationAnnotator.Relation r : relations.relate(text, entities)) {
						ObjectNode relation = Json.nodes().objectNode();
						relation.put("id", "rule-" + (result.size() + 1));
						relation.put("type", "relation");
						// entity k is result k: the spans come first, in match order
						relation.put("from_id", "rule-" + (r.from() + 1));
						relation.put("to_id", "rule-" + (r.to() + 1));
						relation.put("direction", "right");
						relation.putArray("labels").add(r.label());
						relation.put("confidence", BigDecimal.ONE);
						result.add(relation);
					}
				}
			}
			outputs.add(new Output(result, BigDecimal.ONE));
		}
		return outputs;
	}

	private ObjectNode span(String id, int start, int end, String text, String label) {
		ObjectNode region = Json.nodes().objectNode();
		region.put("id", id);
		region.put("from_name", fromName);
		region.put("to_name", toName);
		region.put("type", "labels");
		ObjectNode value = region.putObject("value");
		value.put("start", start);
		value.put("end", end);
		value.put("text", text);
		value.putArray("labels").add(label);
		value.put("confidence", BigDecimal.ONE);
		return region;
	}

	private static String digest(List<Rule> rules) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Rule rule : rules) {
				sha.update(rule.toString().getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 4);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
