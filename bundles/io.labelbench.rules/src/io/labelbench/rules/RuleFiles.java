package io.labelbench.rules;

import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RelationRules;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;

/**
 * Reads and writes rule files: one rule object or an array of them per {@code .json} file, dictionaries inline
 * ({@code terms}) or in a CSV file next to it ({@code dictionaryFile}, first column of each line). Assertion and
 * relation rules keep their parameters flat beside name and type (the JSON of {@link Rule}); a rule whose
 * parameters cannot run (unknown status, missing labels, negative window) is refused with the file and rule named.
 */
public final class RuleFiles {

	static final long MAX_DICTIONARY_BYTES = 256L * 1024 * 1024;

	private RuleFiles() {
	}

	/** All rules of the {@code .json} files of a folder, in file-name order. */
	public static List<Rule> readFolder(Path folder) throws RuleException {
		List<Rule> rules = new ArrayList<>();
		for (Path file : JsonFolder.files(folder, "rules")) {
			rules.addAll(read(file));
		}
		return rules;
	}

	public static List<Rule> read(Path file) throws RuleException {
		JsonNode json;
		try {
			json = Json.mapper().readTree(file.toFile());
		} catch (JsonProcessingException e) {
			long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			throw new RuleException(file + ":" + line + ": malformed JSON: " + e.getOriginalMessage(), e);
		} catch (IOException e) {
			throw new RuleException(file + ": cannot read: " + e.getMessage(), e);
		}
		List<Rule> rules = new ArrayList<>();
		if (json != null && json.isArray()) {
			for (int i = 0; i < json.size(); i++) {
				rules.add(rule(file, "[" + i + "]", json.get(i)));
			}
		} else {
			rules.add(rule(file, "", json));
		}
		return rules;
	}

	private static Rule rule(Path file, String where, JsonNode json) throws RuleException {
		String at = file + where;
		if (json == null || !json.isObject()) {
			throw new RuleException(at + ": expected a rule object");
		}
		String name = required(at, json, "name");
		at = at + " (rule '" + name + "')";
		String type = required(at, json, "type").toLowerCase(Locale.ROOT);
		if (type.equals("assertion")) {
			return checked(at, Rule.assertion(name, assertion(at, json)));
		}
		String label = required(at, json, "label");
		if (type.equals("relation")) {
			return checked(at, Rule.relation(name, label, new Rule.Relation(required(at, json, "fromLabel"),
					required(at, json, "toLabel"), whole(at, json, "maxTokens", Rule.Relation.DEFAULT_MAX_TOKENS))));
		}
		boolean caseSensitive = json.path("caseSensitive").asBoolean(false);
		boolean wholeWord = json.path("wholeWord").asBoolean(true);
		switch (type) {
		case "regex":
			return Rule.regex(name, label, required(at, json, "pattern"), caseSensitive, wholeWord);
		case "dictionary":
			List<String> terms = new ArrayList<>();
			JsonNode inline = json.get("terms");
			if (inline != null && !inline.isArray()) {
				throw new RuleException(at + ": terms must be an array of strings");
			}
			if (inline != null) {
				inline.forEach(term -> addTerm(terms, term.asText()));
			}
			String csv = Json.text(json, "dictionaryFile");
			if (csv != null) {
				terms.addAll(readDictionary(file, at, csv));
			}
			if (terms.isEmpty()) {
				throw new RuleException(at + ": a dictionary rule needs terms or a dictionaryFile");
			}
			return Rule.dictionary(name, label, terms, caseSensitive, wholeWord);
		default:
			throw new RuleException(at + ": type must be regex, dictionary, assertion or relation, not '" + type + "'");
		}
	}

	private static Rule.Assertion assertion(String at, JsonNode json) throws RuleException {
		List<Rule.Trigger> triggers = new ArrayList<>();
		JsonNode list = json.get("triggers");
		if (list != null && !list.isArray()) {
			throw new RuleException(at + ": triggers must be an array of {phrase, status, position}");
		}
		if (list != null) {
			for (JsonNode trigger : list) {
				String phrase = required(at, trigger, "phrase");
				String where = at + ": trigger '" + phrase + "'";
				String position = Objects.requireNonNullElse(Json.text(trigger, "position"), "pre")
						.toLowerCase(Locale.ROOT);
				Rule.Position p = switch (position) {
				case "pre", "before" -> Rule.Position.PRE;
				case "post", "after" -> Rule.Position.POST;
				default -> throw new RuleException(where + ": position must be pre (before the chunk) or post (after"
						+ " it), not '" + position + "'");
				};
				triggers.add(new Rule.Trigger(phrase, required(where, trigger, "status"), p));
			}
		}
		return new Rule.Assertion(triggers, Json.text(json, "triggerSet"), strings(at, json, "terminators"),
				whole(at, json, "window", Rule.Assertion.DEFAULT_WINDOW), strings(at, json, "entityLabels"),
				json.path("markPresent").asBoolean(false));
	}

	/** The rule if its parameters can run: the engine's own checks, with the file and rule named. */
	private static Rule checked(String at, Rule rule) throws RuleException {
		try {
			if (rule.type() == Rule.Type.ASSERTION) {
				NegexAssertions.check(rule);
			} else {
				RelationRules.check(rule);
			}
		} catch (RuleException e) {
			// the engine's message starts "rule 'name'": the location already says so
			String message = e.getMessage();
			String prefix = "rule '" + rule.name() + "'";
			throw new RuleException(at + (message.startsWith(prefix + ":") ? message.substring(prefix.length())
					: ": " + message), e);
		}
		return rule;
	}

	private static int whole(String at, JsonNode json, String field, int absent) throws RuleException {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			return absent;
		}
		if (!value.canConvertToInt() || !value.isIntegralNumber()) {
			throw new RuleException(at + ": '" + field + "' must be a whole number, not " + value);
		}
		return value.intValue();
	}

	private static List<String> strings(String at, JsonNode json, String field) throws RuleException {
		JsonNode value = json.get(field);
		List<String> out = new ArrayList<>();
		if (value == null || value.isNull()) {
			return out;
		}
		if (!value.isArray()) {
			throw new RuleException(at + ": '" + field + "' must be an array of strings");
		}
		for (JsonNode item : value) {
			if (!item.isTextual() || item.asText().isBlank()) {
				throw new RuleException(at + ": '" + field + "' must be an array of non-empty strings, not " + value);
			}
			out.add(item.asText());
		}
		return out;
	}

	private static String required(String at, JsonNode json, String field) throws RuleException {
		String value = Json.text(json, field);
		if (value == null || value.isBlank()) {
			throw new RuleException(at + ": '" + field + "' is missing");
		}
		return value;
	}

	/** The CSV must sit in the rule file's folder or below it: a rule never reads other local files. */
	private static List<String> readDictionary(Path ruleFile, String at, String relative) throws RuleException {
		Path folder = ruleFile.toAbsolutePath().getParent();
		Path csv = folder.resolve(relative).normalize();
		if (!csv.startsWith(folder) || Path.of(relative).isAbsolute()) {
			throw new RuleException(at + ": dictionaryFile '" + relative + "' is outside the rules folder");
		}
		try {
			if (Files.size(csv) > MAX_DICTIONARY_BYTES) {
				throw new RuleException(at + ": dictionary " + relative + " is larger than 256 MB");
			}
			List<String> terms = new ArrayList<>();
			try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
				String line;
				while ((line = reader.readLine()) != null) {
					addTerm(terms, firstColumn(line));
				}
			}
			return terms;
		} catch (IOException e) {
			throw new RuleException(at + ": cannot read dictionary " + relative + ": " + e.getMessage(), e);
		}
	}

	private static String firstColumn(String line) {
		String trimmed = line.strip();
		if (trimmed.startsWith("\"")) {
			int close = trimmed.indexOf('"', 1);
			return close > 0 ? trimmed.substring(1, close) : trimmed.substring(1);
		}
		int comma = trimmed.indexOf(',');
		return comma < 0 ? trimmed : trimmed.substring(0, comma).strip();
	}

	private static void addTerm(List<String> terms, String term) {
		if (term != null && !term.isBlank()) {
			terms.add(term.strip());
		}
	}

	/** Writes rules into one JSON file (dictionaries inline). */
	public static void write(Path file, List<Rule> rules) throws IOException {
		ArrayNode array = Json.nodes().arrayNode();
		for (Rule rule : rules) {
			ObjectNode json = array.addObject();
			json.put("name", rule.name());
			if (rule.type() != Rule.Type.ASSERTION) {
				json.put("label", rule.label());
			}
			json.put("type", rule.type().name().toLowerCase(Locale.ROOT));
			if (rule.type() == Rule.Type.ASSERTION) {
				writeAssertion(json, rule.assertion());
				continue;
			}
			if (rule.type() == Rule.Type.RELATION) {
				json.put("fromLabel", rule.relation().fromLabel());
				json.put("toLabel", rule.relation().toLabel());
				json.put("maxTokens", rule.relation().maxTokens());
				continue;
			}
			if (rule.type() == Rule.Type.REGEX) {
				json.put("pattern", rule.pattern());
			} else {
				rule.terms().forEach(json.putArray("terms")::add);
			}
			json.put("caseSensitive", rule.caseSensitive());
			json.put("wholeWord", rule.wholeWord());
		}
		AtomicFile.write(file, out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, array));
	}

	private static void writeAssertion(ObjectNode json, Rule.Assertion a) {
		if (a.triggerSet() != null) {
			json.put("triggerSet", a.triggerSet());
		}
		ArrayNode triggers = json.putArray("triggers");
		for (Rule.Trigger t : a.triggers()) {
			triggers.addObject().put("phrase", t.phrase()).put("status", t.status())
					.put("position", t.position().name().toLowerCase(Locale.ROOT));
		}
		a.terminators().forEach(json.putArray("terminators")::add);
		json.put("window", a.window());
		a.entityLabels().forEach(json.putArray("entityLabels")::add);
		json.put("markPresent", a.markPresent());
	}
}
