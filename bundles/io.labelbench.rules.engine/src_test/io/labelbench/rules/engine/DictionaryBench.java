package io.labelbench.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Benchmark (not a test): dictionary-rule throughput with 100,000 terms on generated text, against the
 * baseline a user would otherwise write, one regular expression alternating the same terms, in the same run.
 * Prints MB/s of both and the ratio last. Run by releng/benchmarks/dictionary-rules.sh.
 */
public final class DictionaryBench {

	private static final int TERMS = 100_000;
	private static final double TARGET_MB_PER_S = 50;

	public static void main(String[] args) throws Exception {
		Random random = new Random(1);
		// a language-like corpus: a vocabulary with Zipf-distributed word frequencies; the dictionary holds
		// 100,000 one- to three-word terms drawn from the same vocabulary (as drug or company names would be)
		String[] vocabulary = new String[200_000];
		for (int i = 0; i < vocabulary.length; i++) {
			vocabulary[i] = word(random, 2 + random.nextInt(4) + random.nextInt(6));
		}
		double[] cumulative = new double[vocabulary.length];
		double sum = 0;
		for (int i = 0; i < vocabulary.length; i++) {
			sum += 1.0 / (i + 1);
			cumulative[i] = sum;
		}
		List<String> terms = new ArrayList<>(TERMS);
		for (int i = 0; i < TERMS; i++) {
			StringBuilder term = new StringBuilder(vocabulary[1000 + random.nextInt(vocabulary.length - 1000)]);
			for (int extra = random.nextInt(3); extra > 0; extra--) {
				term.append(' ').append(vocabulary[zipf(random, cumulative, sum)]);
			}
			terms.add(term.toString());
		}
		StringBuilder text = new StringBuilder();
		while (text.length() < 32 * 1024 * 1024) {
			text.append(vocabulary[zipf(random, cumulative, sum)]).append(random.nextInt(12) == 0 ? ". " : " ");
		}
		String corpus = text.toString();
		double mb = corpus.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6; // as stored in files

		// rules run task by task: cut the corpus into documents of about 4,000 characters
		List<String> documents = new ArrayList<>();
		for (int at = 0; at < corpus.length();) {
			int end = corpus.indexOf(' ', Math.min(corpus.length() - 1, at + 4000));
			end = end < 0 ? corpus.length() : end + 1;
			documents.add(corpus.substring(at, end));
			at = end;
		}
		RuleEngine engine = new RuleEngine(List.of(Rule.dictionary("dict", "TERM", terms, false, true)));
		for (int i = 0; i < 2000; i++) {
			engine.apply(documents.get(i)); // warm up
		}
		long best = Long.MAX_VALUE;
		int hits = 0;
		for (int run = 0; run < 3; run++) {
			long start = System.nanoTime();
			hits = 0;
			for (String document : documents) {
				hits += engine.apply(document).size();
			}
			best = Math.min(best, System.nanoTime() - start);
		}
		double ours = mb / (best / 1e9);
		// the matcher alone, without building matches and resolving overlaps: where the time goes
		DictionaryMatcher scan = new DictionaryMatcher(terms, false, true);
		long scanBest = Long.MAX_VALUE;
		int[] scanned = new int[1];
		for (int run = 0; run < 3; run++) {
			long start = System.nanoTime();
			for (String document : documents) {
				scan.findWholeWords(document, (from, to, term) -> scanned[0]++);
			}
			scanBest = Math.min(scanBest, System.nanoTime() - start);
		}
		DictionaryMatcher matcherOnly = new DictionaryMatcher(terms, false);
		long matchStart = System.nanoTime();
		String pattern = terms.stream().map(Pattern::quote).collect(Collectors.joining("|", "\\b(?:", ")\\b"));
		Matcher matcher = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(corpus.substring(0, 200_000));
		long start = System.nanoTime();
		while (matcher.find()) {
			// count nothing: only the time matters
		}
		double baseline = (corpus.substring(0, 200_000).getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6) / ((System.nanoTime() - start) / 1e9);

		System.out.printf("terms %d, text %.1f MB in %d documents, %d matches%n", TERMS, mb, documents.size(), hits);
		System.out.printf("aho-corasick dictionary rule: %.1f MB/s (target >= %.0f MB/s: %s)%n", ours, TARGET_MB_PER_S,
				ours >= TARGET_MB_PER_S ? "met" : "NOT met");
		System.out.printf("  of which the whole-word scan alone: %.1f MB/s%n", mb / (scanBest / 1e9));
		System.out.printf("baseline, one regex alternating the terms: %.3f MB/s%n", baseline);
		System.out.printf("ratio %.1f%n", ours / baseline);
	}

	private static int zipf(Random random, double[] cumulative, double sum) {
		int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
		return Math.min(index < 0 ? -index - 1 : index, cumulative.length - 1);
	}

	private static String word(Random random, int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = (char) ('a' + random.nextInt(26));
		}
		return new String(chars);
	}
}
