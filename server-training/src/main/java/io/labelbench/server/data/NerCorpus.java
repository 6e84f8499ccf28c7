package io.labelbench.server.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Building blocks of the seeded synthetic corpora the build trains its models on: tokens with BIO tags, gold
 * spans with exact offsets, CoNLL-2003 output. Text and tokens are built together, so a span's offsets always
 * slice its words out of the text, and the tokens are exactly what Spark NLP's Tokenizer makes of the text
 * (words split on spaces; ".", "," and ":" glued to the previous word, which the Tokenizer splits off again).
 */
public final class NerCorpus {
	private NerCorpus() {
	}

	/** Training data (frames and word lists seen by the model) or held-out data (other frames, unseen words). */
	public enum Variant {
		TRAIN, HELDOUT
	}

	/** A token and its BIO tag. */
	public record Tok(String text, String tag) {
	}

	/** An entity in the plain text: UTF-16 offsets, end exclusive. */
	public record Span(int start, int end, String label) {
	}

	/** One sentence: text, its tokens and the gold spans. */
	public record Sample(String text, List<Tok> tokens, List<Span> spans) {
	}

	/** A seeded generator of one domain's sentences. Same seed, count and variant give the same samples. */
	public interface Generator {
		/** Short name used for file and model names, e.g. "posology". */
		String domain();

		List<String> labels();

		List<Sample> generate(long seed, int count, Variant variant);
	}

	/** The sets every NER model is trained and scored on. */
	public record DataSet(String name, long seed, int count, Variant variant) {
		public static final List<DataSet> DEFAULTS = List.of(new DataSet("train", 42, 1500, Variant.TRAIN),
				new DataSet("heldout", 99, 300, Variant.HELDOUT));
	}

	/**
	 * A generator of templated sentences: a {@link Run} per call, so the same seed, count and variant give the same
	 * samples.
	 */
	public abstract static class TemplateGenerator implements Generator {
		private final String domain;
		private final List<String> labels;
		private final BiFunction<Long, Variant, ? extends Run> runs;

		/** {@code runs} makes the generator's {@link Run} for a seed and variant (usually {@code Run::new}). */
		protected TemplateGenerator(String domain, List<String> labels, BiFunction<Long, Variant, ? extends Run> runs) {
			this.domain = domain;
			this.labels = List.copyOf(labels);
			this.runs = runs;
		}

		@Override
		public String domain() {
			return domain;
		}

		@Override
		public List<String> labels() {
			return labels;
		}

		@Override
		public List<Sample> generate(long seed, int count, Variant variant) {
			Run run = runs.apply(seed, variant);
			List<Sample> out = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				out.add(run.next());
			}
			return out;
		}
	}

	/** One generator run: its dice and the variant it writes. */
	public abstract static class Run extends Dice {
		protected final Variant variant;

		protected Run(long seed, Variant variant) {
			super(seed);
			this.variant = variant;
		}

		protected boolean training() {
			return variant == Variant.TRAIN;
		}

		protected abstract Sample next();
	}

	/** Random choices, one source per generator run. */
	public static class Dice {
		protected final Random rnd;

		public Dice(long seed) {
			this.rnd = new Random(seed);
		}

		public String pick(String... words) {
			return words[rnd.nextInt(words.length)];
		}

		public int roll(int n) {
			return rnd.nextInt(n);
		}

		public boolean chance(double p) {
			return rnd.nextDouble() < p;
		}
	}

	/** Builds tokens, text and spans together so offsets are exact. */
	public static final class SentenceBuilder {
		private final List<Tok> toks = new ArrayList<>();
		private final List<Span> spans = new ArrayList<>();
		private final StringBuilder text = new StringBuilder();

		/** Words outside any entity. */
		public SentenceBuilder o(String words) {
			for (String w : words.split(" ")) {
				add(w, "O");
			}
			return this;
		}

		public SentenceBuilder entity(String words, String label) {
			String[] ws = words.split(" ");
			int start = -1;
			for (int i = 0; i < ws.length; i++) {
				int s = add(ws[i], (i == 0 ? "B-" : "I-") + label);
				if (i == 0) {
					start = s;
				}
			}
			spans.add(new Span(start, text.length(), label));
			return this;
		}

		private int add(String w, String tag) {
			// punctuation written as in prose: "mg, daily; (81 mg)"; the Tokenizer splits it off again
			boolean glue = w.equals(".") || w.equals(",") || w.equals(":") || w.equals(";") || w.equals(")");
			boolean afterOpening = text.length() > 0 && text.charAt(text.length() - 1) == '(';
			if (text.length() > 0 && !glue && !afterOpening) {
				text.append(' ');
			}
			int s = text.length();
			text.append(w);
			toks.add(new Tok(w, tag));
			return s;
		}

		/** Ends the sentence with a full stop. */
		public Sample end() {
			o(".");
			return new Sample(text.toString(), List.copyOf(toks), List.copyOf(spans));
		}

		/** A sentence without entities ("Follow up in 2 weeks."). */
		public static Sample plain(String sentence) {
			SentenceBuilder b = new SentenceBuilder();
			String body = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
			b.o(body);
			return b.end();
		}
	}

	/** CoNLL-2003 layout as read by com.johnsnowlabs.nlp.training.CoNLL: tag in column 4, blank line between. */
	public static String toConll(List<Sample> samples) {
		StringBuilder sb = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
		for (Sample s : samples) {
			for (Tok t : s.tokens()) {
				sb.append(t.text()).append(" -X- -X- ").append(t.tag()).append('\n');
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	public static void writeConll(List<Sample> samples, Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, toConll(samples), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
