package io.labelbench.server.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator.Span;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleMatch;
import io.labelbench.server.data.ClinicalGenerator;
import io.labelbench.server.data.NerCorpus;

/**
 * The built-in prompt engine against dictionary rules on the same generated clinical notes (held-out sentences):
 * docs/s of each, measured in one run, and the engine's exact-span precision, recall and F1 per label with prompts
 * written as plain-language descriptions (and with two example phrases each, none from the held-out word lists).
 * The dictionary holds the notes' own gold phrases (what a perfect dictionary would find). The ratio (engine docs/s over dictionary docs/s) is
 * printed last.
 * <p>
 * {@code labelbench-server run io.labelbench.server.prompt.PromptBench [TASKS]} (default 500 notes of 3 sentences).
 */
public final class PromptBench {

	private PromptBench() {
	}

	static List<Prompt> prompts(boolean examples, double threshold) {
		return List.of(
				prompt("problem", "PROBLEM", "a disease, symptom, injury or medical problem of the patient", examples
						? List.of("chest pain", "diabetes") : List.of(), threshold),
				prompt("test", "TEST", "a medical test, lab measurement, scan or diagnostic procedure", examples
						? List.of("chest X-ray", "blood culture") : List.of(), threshold),
				prompt("treatment", "TREATMENT", "a medication, drug, therapy or surgery given to treat the patient",
						examples ? List.of("aspirin", "physical therapy") : List.of(), threshold));
	}

	/** The thresholds tried (the same for the three prompts); the timed run uses {@link #TIMED_THRESHOLD}. */
	static final double[] THRESHOLDS = { 0.20, 0.25, 0.30, 0.35, 0.40 };
	static final double TIMED_THRESHOLD = 0.30;

	private static Prompt prompt(String name, String label, String description, List<String> examples,
			double threshold) {
		return new Prompt(name, Prompt.Kind.ENTITY, label, Prompt.Engine.BUILTIN, description, examples, List.of(),
				null, null, threshold);
	}

	/** Notes of three held-out sentences each, with their gold spans shifted into the note. */
	private record Note(String text, List<NerCorpus.Span> spans) {
	}

	private static List<Note> notes(List<NerCorpus.Sample> samples) {
		List<Note> notes = new ArrayList<>();
		for (int i = 0; i + 2 < samples.size(); i += 3) {
			StringBuilder text = new StringBuilder();
			List<NerCorpus.Span> spans = new ArrayList<>();
			for (int k = i; k < i + 3; k++) {
				if (text.length() > 0) {
					text.append(' ');
				}
				int offset = text.length();
				text.append(samples.get(k).text());
				for (NerCorpus.Span s : samples.get(k).spans()) {
					spans.add(new NerCorpus.Span(s.start() + offset, s.end() + offset, s.label()));
				}
			}
			notes.add(new Note(text.toString(), spans));
		}
		return notes;
	}

	public static void main(String[] args) throws Exception {
		int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		ClinicalGenerator generator = new ClinicalGenerator();
		List<Note> notes = notes(generator.generate(99, tasks * 3, NerCorpus.Variant.HELDOUT));
		// the dictionary holds the notes' own gold phrases: the best a dictionary can do on them (an upper bound)
		List<Rule> dictionaries = new ArrayList<>();
		for (String label : ClinicalGenerator.LABELS) {
			Set<String> terms = new LinkedHashSet<>();
			for (Note n : notes) {
				n.spans().stream().filter(sp -> sp.label().equals(label))
						.forEach(sp -> terms.add(n.text().substring(sp.start(), sp.end())));
			}
			dictionaries.add(Rule.dictionary(label.toLowerCase(Locale.ROOT), label, List.copyOf(terms), false, true));
		}
		RuleEngine rules = new RuleEngine(dictionaries);

		long load = System.nanoTime();
		MiniLm model = MiniLm.shared();
		System.out.printf(Locale.ROOT, "MiniLM loaded in %.1f s%n", (System.nanoTime() - load) / 1e9);
		EmbeddingPromptAnnotator withExamples = new EmbeddingPromptAnnotator(model, prompts(true, TIMED_THRESHOLD));

		// warm up both, then time them on the same notes (the engine's phrase cache is cold for the timed run's
		// unseen phrases only as far as the notes repeat phrases, as real notes do)
		for (Note n : notes.subList(0, Math.min(20, notes.size()))) {
			rules.apply(n.text());
		}
		long t0 = System.nanoTime();
		int ruleSpans = 0;
		for (Note n : notes) {
			ruleSpans += rules.apply(n.text()).size();
		}
		double ruleSeconds = (System.nanoTime() - t0) / 1e9;

		if (System.getenv("PROMPT_BENCH_SHOW") != null) {
			for (Note n : notes.subList(0, 3)) {
				System.out.println(n.text());
				n.spans().forEach(s -> System.out.println("  gold " + s.label() + " " + n.text().substring(s.start(), s.end())));
				withExamples.entities(n.text()).forEach(s -> System.out.printf(Locale.ROOT, "  found %s %s %.3f%n",
						s.match().label(), s.match().text(), s.confidence()));
			}
		}
		Map<String, int[]> scoresWith = new TreeMap<>();
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		t0 = System.nanoTime();
		for (Note n : notes) {
			List<Span> found = withExamples.entities(n.text());
			score(n, found, scoresWith);
			for (Span s : found) {
				digest.update((s.match().start() + ":" + s.match().end() + ":" + s.match().label() + ":"
						+ Double.doubleToLongBits(s.confidence()) + ";").getBytes(StandardCharsets.UTF_8));
			}
		}
		double engineSeconds = (System.nanoTime() - t0) / 1e9;
		Map<String, int[]> scoresRules = new TreeMap<>();
		for (Note n : notes) {
			List<Span> spans = new ArrayList<>();
			for (RuleMatch m : rules.apply(n.text())) {
				spans.add(new Span(m, 1));
			}
			score(n, spans, scoresRules);
		}

		System.out.printf(Locale.ROOT, "%d held-out clinical notes (3 sentences, %d gold spans)%n", notes.size(),
				notes.stream().mapToInt(n -> n.spans().size()).sum());
		print("built-in prompts, descriptions + 2 examples each, threshold " + TIMED_THRESHOLD, scoresWith);
		// spans, labels and confidences of the timed run in one line: equal digests, equal results
		System.out.println("  digest of the spans and confidences: "
				+ HexFormat.of().formatHex(digest.digest()).substring(0, 16));
		for (boolean examples : new boolean[] { false, true }) {
			for (double threshold : THRESHOLDS) {
				EmbeddingPromptAnnotator engine = new EmbeddingPromptAnnotator(model, prompts(examples, threshold));
				Map<String, int[]> scores = new TreeMap<>();
				for (Note n : notes) {
					score(n, engine.entities(n.text()), scores);
				}
				int[] micro = new int[3];
				scores.values().forEach(c -> {
					for (int k = 0; k < 3; k++) {
						micro[k] += c[k];
					}
				});
				System.out.println("  " + line((examples ? "descriptions + examples" : "descriptions only")
						+ ", threshold " + threshold + ": micro", micro[0], micro[1], micro[2]));
			}
		}
		print("dictionary rules of the notes' own gold phrases (an upper bound)", scoresRules);
		double engineRate = notes.size() / engineSeconds;
		double ruleRate = notes.size() / ruleSeconds;
		System.out.printf(Locale.ROOT, "dictionary rules: %.0f docs/s (%d spans)%n", ruleRate, ruleSpans);
		System.out.printf(Locale.ROOT, "built-in prompt engine: %.1f docs/s%n", engineRate);
		System.out.printf(Locale.ROOT, "ratio built-in prompts / dictionary rules: %.5f%n", engineRate / ruleRate);
		System.exit(0);
	}

	/** Per label: true positives, false positives, false negatives (exact offsets and label). */
	private static void score(Note note, List<Span> found, Map<String, int[]> scores) {
		Set<String> gold = new LinkedHashSet<>();
		for (NerCorpus.Span s : note.spans()) {
			gold.add(s.start() + ":" + s.end() + ":" + s.label());
			scores.computeIfAbsent(s.label(), l -> new int[3]);
		}
		Set<String> matched = new LinkedHashSet<>();
		for (Span s : found) {
			String key = s.match().start() + ":" + s.match().end() + ":" + s.match().label();
			int[] c = scores.computeIfAbsent(s.match().label(), l -> new int[3]);
			if (gold.contains(key)) {
				c[0]++;
				matched.add(key);
			} else {
				c[1]++;
			}
		}
		for (NerCorpus.Span s : note.spans()) {
			if (!matched.contains(s.start() + ":" + s.end() + ":" + s.label())) {
				scores.get(s.label())[2]++;
			}
		}
	}

	private static void print(String title, Map<String, int[]> scores) {
		System.out.println(title + " (exact spans)");
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (Map.Entry<String, int[]> e : scores.entrySet()) {
			int[] c = e.getValue();
			tp += c[0];
			fp += c[1];
			fn += c[2];
			System.out.println("  " + line(e.getKey(), c[0], c[1], c[2]));
		}
		System.out.println("  " + line("micro", tp, fp, fn));
	}

	private static String line(String label, int tp, int fp, int fn) {
		double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
		double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
		double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
		return String.format(Locale.ROOT, "%-12s P %.3f R %.3f F1 %.3f (support %d)", label, p, r, f, tp + fn);
	}
}
