package io.labelbench.rules.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.labelbench.rules.engine.Rule.Position;
import io.labelbench.rules.engine.Rule.Trigger;

/**
 * Assertion rules in the manner of NegEx and ConText: a trigger phrase gives the entity chunks in its scope its
 * status. A {@link Position#PRE pre} trigger's scope runs forward from it, a {@link Position#POST post} trigger's
 * backward; either ends at the sentence's end ({@link Sentences}), at a terminator ("but", "however", ";") or after
 * {@link Rule.Assertion#window()} words ({@link Tokens}). Each chunk is assessed on its own: of the triggers whose
 * scope reaches it, the nearest (fewest words between) wins, a pre trigger before a post one at the same distance,
 * an earlier rule before a later one. Phrases match whole tokens, ignoring case; where two phrases start at the same
 * token the longer wins, so "no increase" (a pseudo-trigger of status {@code present}) hides "no".
 * <p>
 * Present is what is left: a chunk that no trigger reaches gets the status {@code present} only from a rule with
 * {@link Rule.Assertion#markPresent()}, and no status otherwise (an unqualified entity stays as the NER found it).
 * The same holds for a chunk whose nearest trigger is a {@code present} pseudo-trigger.
 */
public final class NegexAssertions implements AssertionAnnotator {

	/** The shipped English clinical trigger set (resource {@code clinical_en.triggers}). */
	public static final String CLINICAL_EN = "clinical_en";
	public static final String PRESENT = "present";
	/** The statuses a trigger may give, as Generative AI Lab's clinical assertion labels spell them. */
	public static final List<String> STATUSES = List.of(PRESENT, "absent", "possible", "hypothetical", "conditional",
			"associated_with_someone_else");
	/** The trigger sets a rule may name. */
	public static final List<String> TRIGGER_SETS = List.of(CLINICAL_EN);
	/** How many words "…" in a phrase stands for at most. */
	static final int MAX_GAP = 3;
	private static final String GAP = "\u2026";

	/** A trigger set: its triggers and terminators. */
	public record TriggerSet(List<Trigger> triggers, List<String> terminators) {
	}

	private static volatile TriggerSet clinicalEn;

	/** A phrase as tokens; {@code null} tokens are gaps of up to {@value #MAX_GAP} words. */
	private record Phrase(String[] tokens, Trigger trigger, int order) {
	}

	private record Match(int start, int end, Phrase phrase) {
	}

	private record Compiled(String name, Set<String> labels, int window, boolean markPresent,
			Map<String, List<Phrase>> triggers, Map<String, List<Phrase>> terminators) {
	}

	private final List<Compiled> rules = new ArrayList<>();
	private final List<String> statuses;

	/** @throws RuleException naming the rule, for a rule that is not an assertion rule or has bad parameters */
	public NegexAssertions(List<Rule> assertionRules) throws RuleException {
		Set<String> given = new LinkedHashSet<>();
		for (Rule rule : assertionRules) {
			Rule.Assertion a = check(rule);
			Map<String, List<Phrase>> triggers = new HashMap<>();
			Map<String, List<Phrase>> terminators = new HashMap<>();
			List<Trigger> allTriggers = new ArrayList<>(a.triggers());
			List<String> allTerminators = new ArrayList<>(a.terminators());
			if (a.triggerSet() != null) {
				allTriggers.addAll(triggerSet(a.triggerSet()).triggers());
				allTerminators.addAll(triggerSet(a.triggerSet()).terminators());
			}
			int order = 0;
			for (Trigger t : allTriggers) {
				add(triggers, new Phrase(tokens(t.phrase()), t, order++));
				if (!t.status().equals(PRESENT) || a.markPresent()) {
					given.add(t.status());
				}
			}
			for (String terminator : allTerminators) {
				add(terminators, new Phrase(tokens(terminator), null, order++));
			}
			if (a.markPresent()) {
				given.add(PRESENT);
			}
			rules.add(new Compiled(rule.name(), Set.copyOf(a.entityLabels()), a.window(), a.markPresent(), triggers,
					terminators));
		}
		statuses = List.copyOf(given);
	}

	/** The rule's assertion parameters, checked; the messages name the rule and say what to fix. */
	public static Rule.Assertion check(Rule rule) throws RuleException {
		String at = "rule '" + rule.name() + "'";
		if (rule.type() != Rule.Type.ASSERTION || rule.assertion() == null) {
			throw new RuleException(at + " is a " + rule.type().name().toLowerCase(Locale.ROOT)
					+ " rule, not an assertion rule");
		}
		Rule.Assertion a = rule.assertion();
		if (a.window() < 1) {
			throw new RuleException(at + ": window must be at least 1 word, not " + a.window());
		}
		if (a.triggerSet() != null && !TRIGGER_SETS.contains(a.triggerSet())) {
			throw new RuleException(at + ": unknown trigger set '" + a.triggerSet() + "' (known: "
					+ String.join(", ", TRIGGER_SETS) + ")");
		}
		if (a.triggers().isEmpty() && a.triggerSet() == null) {
			throw new RuleException(at + ": no triggers: list trigger phrases or use the trigger set " + CLINICAL_EN);
		}
		for (Trigger t : a.triggers()) {
			if (t == null || t.phrase() == null || tokens(t.phrase()).length == 0) {
				throw new RuleException(at + ": a trigger has no phrase");
			}
			if (t.status() == null || !STATUSES.contains(t.status())) {
				throw new RuleException(at + ": trigger '" + t.phrase() + "' has the unknown status '" + t.status()
						+ "' (known: " + String.join(", ", STATUSES) + ")");
			}
			if (t.position() == null) {
				throw new RuleException(at + ": trigger '" + t.phrase() + "' needs a position, pre or post");
			}
			String[] tokens = tokens(t.phrase());
			if (tokens[0] == null || tokens[tokens.length - 1] == null) {
				throw new RuleException(at + ": trigger '" + t.phrase() + "' starts or ends with '…'");
			}
		}
		for (String terminator : a.terminators()) {
			if (terminator == null || tokens(terminator).length == 0 || java.util.Arrays.asList(tokens(terminator)).contains(null)) {
				throw new RuleException(at + ": a terminator is empty or has '…'");
			}
		}
		for (String label : a.entityLabels()) {
			if (label == null || label.isBlank()) {
				throw new RuleException(at + ": an entity label is empty");
			}
		}
		return a;
	}

	/** A shipped trigger set by name ({@link #TRIGGER_SETS}). */
	public static TriggerSet triggerSet(String name) {
		if (!CLINICAL_EN.equals(name)) {
			throw new IllegalArgumentException("unknown trigger set " + name);
		}
		TriggerSet set = clinicalEn;
		if (set == null) {
			set = clinicalEn = readTriggerSet(CLINICAL_EN + ".triggers");
		}
		return set;
	}

	private static TriggerSet readTriggerSet(String resource) {
		List<Trigger> triggers = new ArrayList<>();
		List<String> terminators = new ArrayList<>();
		try (InputStream in = NegexAssertions.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the trigger set " + resource + " is missing from the rule engine");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t");
				if (fields[0].equals("terminator")) {
					terminators.add(fields[1]);
				} else {
					triggers.add(new Trigger(fields[2], fields[0], Position.valueOf(fields[1].toUpperCase(Locale.ROOT))));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new TriggerSet(List.copyOf(triggers), List.copyOf(terminators));
	}

	/** A phrase's tokens as the text's are matched ("..." and "…" become gaps). */
	private static String[] tokens(String phrase) {
		if (phrase == null) {
			return new String[0];
		}
		String normal = phrase.replace("...", GAP);
		return Tokens.of(normal).list().stream().map(t -> t.text().equals(GAP) ? null : t.text())
				.toArray(String[]::new);
	}

	private static void add(Map<String, List<Phrase>> byFirst, Phrase phrase) {
		if (phrase.tokens().length > 0 && phrase.tokens()[0] != null) {
			byFirst.computeIfAbsent(phrase.tokens()[0], k -> new ArrayList<>()).add(phrase);
		}
	}

	@Override
	public List<String> statuses() {
		return statuses;
	}

	@Override
	public List<Assertion> assess(String text, List<Entity> entities) {
		List<Assertion> out = new ArrayList<>();
		if (rules.isEmpty() || entities.isEmpty()) {
			return out;
		}
		List<Sentences.Sentence> sentences = Sentences.of(text);
		Map<Integer, Tokens> tokensOf = new HashMap<>();
		Map<Long, List<Match>> triggersOf = new HashMap<>();
		Map<Long, List<Match>> terminatorsOf = new HashMap<>();
		for (int e = 0; e < entities.size(); e++) {
			Entity entity = entities.get(e);
			int s = sentenceOf(sentences, entity);
			if (s < 0) {
				continue;
			}
			Sentences.Sentence sentence = sentences.get(s);
			Tokens tokens = tokensOf.computeIfAbsent(s, k -> Tokens.of(text, sentence.start(), sentence.end()));
			String best = null;
			int bestDistance = Integer.MAX_VALUE;
			boolean markPresent = false;
			for (int r = 0; r < rules.size(); r++) {
				Compiled rule = rules.get(r);
				if (!rule.labels().isEmpty() && !rule.labels().contains(entity.label())) {
					continue;
				}
				markPresent |= rule.markPresent();
				long key = (long) r << 32 | s;
				List<Match> triggers = triggersOf.computeIfAbsent(key, k -> find(tokens, rule.triggers()));
				List<Match> terminators = terminatorsOf.computeIfAbsent(key, k -> find(tokens, rule.terminators()));
				Match nearest = null;
				int nearestDistance = Integer.MAX_VALUE;
				for (Match m : triggers) {
					int distance = distance(tokens, m, entity, terminators, rule.window());
					// at the same distance a pre trigger wins over a post one
					if (distance < nearestDistance || distance == nearestDistance && nearest != null
							&& nearest.phrase().trigger().position() == Position.POST
							&& m.phrase().trigger().position() == Position.PRE) {
						nearest = m;
						nearestDistance = distance;
					}
				}
				if (nearest != null && nearestDistance < bestDistance) {
					best = nearest.phrase().trigger().status();
					bestDistance = nearestDistance;
				}
			}
			if (best == null && markPresent) {
				best = PRESENT;
			}
			if (best != null && (!best.equals(PRESENT) || markPresent)) {
				out.add(new Assertion(e, best, 1.0));
			}
		}
		return out;
	}

	/** The sentence that holds the entity's start. */
	private static int sentenceOf(List<Sentences.Sentence> sentences, Entity entity) {
		int s = Sentences.indexOf(sentences, entity.start(), entity.start());
		return s >= 0 && entity.end() > entity.start() ? s : -1;
	}

	/**
	 * Words between trigger and chunk when the trigger's scope reaches the chunk (on the right side, within the
	 * window, no terminator between), else {@code Integer.MAX_VALUE}.
	 */
	private static int distance(Tokens tokens, Match m, Entity entity, List<Match> terminators, int window) {
		int from;
		int to;
		if (m.phrase().trigger().position() == Position.PRE) {
			if (m.end() > entity.start()) {
				return Integer.MAX_VALUE;
			}
			from = m.end();
			to = entity.start();
		} else {
			if (m.start() < entity.end()) {
				return Integer.MAX_VALUE;
			}
			from = entity.end();
			to = m.start();
		}
		int words = tokens.wordsBetween(from, to);
		if (words > window) {
			return Integer.MAX_VALUE;
		}
		for (Match t : terminators) {
			if (t.start() >= from && t.end() <= to) {
				return Integer.MAX_VALUE;
			}
		}
		return words;
	}

	/** The phrases found in the tokens, left to right, the longest at each token, none overlapping. */
	private static List<Match> find(Tokens tokens, Map<String, List<Phrase>> byFirst) {
		List<Match> matches = new ArrayList<>();
		int k = 0;
		while (k < tokens.size()) {
			List<Phrase> candidates = byFirst.get(tokens.get(k).text());
			int bestEnd = -1;
			Phrase best = null;
			if (candidates != null) {
				for (Phrase p : candidates) {
					int end = matchAt(tokens, k, p.tokens(), 0);
					if (end > bestEnd || end == bestEnd && best != null && p.order() < best.order()) {
						bestEnd = end;
						best = p;
					}
				}
			}
			if (best != null && bestEnd > k) {
				matches.add(new Match(tokens.get(k).start(), tokens.get(bestEnd - 1).end(), best));
				k = bestEnd;
			} else {
				k++;
			}
		}
		return matches;
	}

	/** The token index after the phrase matched from token k, or -1; a gap takes as few words as it can. */
	private static int matchAt(Tokens tokens, int k, String[] phrase, int p) {
		if (p == phrase.length) {
			return k;
		}
		if (phrase[p] == null) {
			for (int skip = 0; skip <= MAX_GAP && k + skip <= tokens.size(); skip++) {
				int end = matchAt(tokens, k + skip, phrase, p + 1);
				if (end >= 0) {
					return end;
				}
				if (k + skip < tokens.size() && !tokens.get(k + skip).word()) {
					return -1; // a gap spans words only
				}
			}
			return -1;
		}
		if (k < tokens.size() && tokens.get(k).text().equals(phrase[p])) {
			return matchAt(tokens, k + 1, phrase, p + 1);
		}
		return -1;
	}
}
