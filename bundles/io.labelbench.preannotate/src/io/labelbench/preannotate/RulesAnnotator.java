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
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;

/**
 * Pre-annotates with regex and dictionary rules, in process and without Spark. Each match becomes a
 * {@code labels} region of the control {@code fromName} on the object {@code toName}, with confidence 1.
 * The model version is a digest of the rules, so editing a rule makes a rerun annotate again.
 */
public final class RulesAnnotator implements Annotator {

	private final RuleEngine engine;
	private final String fromName;
	private final String toName;
	private final String dataField;
	private final String version;

	public RulesAnnotator(List<Rule> rules, String fromName, String toName, String dataField) throws RuleException {
		if (rules.isEmpty()) {
			throw new RuleException("no rules to pre-annotate with");
		}
		this.engine = new RuleEngine(rules);
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
				int n = 0;
				for (RuleMatch match : matches) {
					ObjectNode region = Json.nodes().objectNode();
					region.put("id", "rule-" + (++n));
					region.put("from_name", fromName);
					region.put("to_name", toName);
					region.put("type", "labels");
					ObjectNode value = region.putObject("value");
					value.put("start", match.start());
					value.put("end", match.end());
					value.put("text", match.text());
					value.putArray("labels").add(match.label());
					value.put("confidence", BigDecimal.ONE);
					result.add(region);
				}
			}
			outputs.add(new Output(result, BigDecimal.ONE));
		}
		return outputs;
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
