package io.labelbench.server.prompt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;
import io.labelbench.server.nlp.TextPieces;

/**
 * The built-in zero-shot engine: MiniLM sentence vectors, no training.
 * <p>
 * <b>Entities.</b> The candidates are the phrases of 1 to {@value #MAX_WORDS} words that neither cross punctuation,
 * symbols (emoji), a blank line, nor a word that joins clauses ("and", "if", "was", …), nor start or end with a
 * function word ("the", "of", "any", …). One line break is white space: a phrase wrapped onto the next line (of a
 * PDF page, of a hard-wrapped note) is a candidate like any other. A word is a run of
 * letters, digits and marks (inner hyphens and apostrophes kept); a CJK ideograph is a word of its own. Each
 * candidate's score for an entity prompt is its cosine with the closest of the prompt's description and example
 * phrases, less how much closer it is to a counter-example than that ({@code positive - max(0, negative -
 * positive)}): a phrase nearer a counter-example than any example falls far below the threshold, a true example
 * keeps its score. A phrase nearer a counter-example than to its prompt (and at least as near as the threshold)
 * competes like a span but labels nothing: the words of "pain clinic" are not labelled when "pain clinic" is a
 * counter-example. A candidate takes the label of its best prompt when the score reaches that prompt's threshold;
 * then the best-scoring candidates are kept first and any candidate overlapping one kept is dropped (a tie goes to
 * the longer). The confidence of a span is its score.
 * <p>
 * <b>Classification.</b> The text's vector (the mean of its pieces' vectors for long texts) is scored the same way
 * against each classification prompt; the choices at or over their threshold come back best first.
 * <p>
 * Offsets are UTF-16 units of the text given, exactly: candidates are cut from the text itself, never from a
 * normalised copy.
 */
public final class EmbeddingPromptAnnotator implements PromptAnnotator {

	static final int MAX_WORDS = 4;
	/** Texts longer than this are classified by the mean vector of pieces of about this length. */
	static final int CLASSIFY_PIECE = 1_000;

	/** Words a phrase neither starts nor ends with: articles, prepositions, pronouns, determiners, auxiliaries. */
	private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for",
			"from", "by", "with", "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "being", "has",
			"have", "had", "do", "does", "did", "this", "that", "these", "those", "it", "its", "he", "she", "they",
			"his", "her", "their", "we", "our", "you", "your", "i", "my", "me", "him", "them", "us", "as", "if",
			"then", "than", "so", "not", "no", "into", "onto", "over", "under", "after", "before", "while", "which",
			"who", "whom", "whose", "what", "when", "where", "why", "how", "also", "very", "per", "via", "s", "any",
			"some", "all", "each", "every", "both", "either", "neither", "other", "another", "such", "there", "here",
			"am", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "although", "though",
			"because", "since", "until", "unless", "whether", "however", "yet");
	/**
	 * Words that join clauses or list items, and verbs that make a clause: a phrase never spans one ("melena and
	 * confusion" are two phrases, "prednisone if needed" is none). Prepositions and articles may be inside
	 * ("shortness of breath").
	 */
	private static final Set<String> CLAUSE_WORDS = Set.of("and", "or", "but", "nor", "yet", "if", "when", "while",
			"although", "though", "because", "since", "unless", "until", "whether", "however", "which", "who", "whom",
			"whose", "that", "where", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
			"do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not",
			"then", "than");

	/** A prompt with its vectors. */
	private record Scored(Prompt prompt, List<float[]> positives, List<float[]> negatives) {
		double score(float[] v) {
			double positive = positive(v);
			return positive - Math.max(0, negative(v) - positive);
		}

		double positive(float[] v) {
			double positive = -1;
			for (float[] p : positives) {
				positive = Math.max(positive, MiniLm.cosine(v, p));
			}
			return positive;
		}

		/** How close the phrase is to a counter-example when it is closer to one than to the prompt, else 0. */
		double blocking(float[] v) {
			double negative = negative(v);
			return negative >= prompt.threshold() && negative > positive(v) ? negative : 0;
		}

		double negative(float[] v) {
			double negative = -1;
			for (float[] n : negatives) {
				negative = Math.max(negative, MiniLm.cosine(v, n));
			}
			return negative;
		}
	}

	/** A word of the text: {@code [start, end)}, and whether punctuation, a symbol or a blank line precedes it. */
	private record Word(int start, int end, boolean breakBefore, String lower) {
	}

	private record Candidate(int start, int end, int words, Prompt prompt, double score) {
	}

	private final MiniLm model;
	private final List<Prompt> prompts;
	private final List<Scored> entityPrompts = new ArrayList<>();
	private final List<Scored> classPrompts = new ArrayList<>();

	/** @param prompts entity and classification prompts of the built-in engine */
	public EmbeddingPromptAnnotator(MiniLm model, List<Prompt> prompts) throws RuleException {
		this.model = model;
		this.prompts = List.copyOf(prompts);
		for (Prompt p : prompts) {
			if (p.engine() != Prompt.Engine.BUILTIN || p.kind() == Prompt.Kind.RELATION) {
				throw new RuleException("prompt '" + p.name() + "': the built-in engine runs entity and"
						+ " classification prompts only, not " + p.kind().name().toLowerCase(Locale.ROOT) + " prompts of the "
						+ p.engine().name().toLowerCase(Locale.ROOT) + " engine");
			}
			try {
				List<float[]> positives = new ArrayList<>();
				positives.add(model.embed(p.description()));
				positives.addAll(model.embed(p.examples()));
				Scored scored = new Scored(p, positives, model.embed(p.counterExamples()));
				(p.kind() == Prompt.Kind.ENTITY ? entityPrompts : classPrompts).add(scored);
			} catch (IOException e) {
				throw new RuleException("prompt '" + p.name() + "': " + e.getMessage(), e);
			}
		}
	}

	@Override
	public List<Prompt> prompts() {
		return prompts;
	}

	@Override
	public List<Span> entities(String text) throws RuleException {
		if (entityPrompts.isEmpty() || text == null || text.isBlank()) {
			return List.of();
		}
		List<Word> words = words(text);
		List<int[]> ranges = new ArrayList<>();
		List<String> phrases = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			if (FUNCTION_WORDS.contains(words.get(i).lower())) {
				continue;
			}
			for (int j = i; j < words.size() && j < i + MAX_WORDS; j++) {
				if (j > i && words.get(j).breakBefore()) {
					break;
				}
				if (CLAUSE_WORDS.contains(words.get(j).lower())) {
					break;
				}
				if (FUNCTION_WORDS.contains(words.get(j).lower())) {
					continue;
				}
				ranges.add(new int[] { i, j });
				phrases.add(text.substring(words.get(i).start(), words.get(j).end()));
			}
		}
		List<float[]> vectors;
		try {
			vectors = model.embed(phrases);
		} catch (IOException e) {
			throw new RuleException("built-in prompts: " + e.getMessage(), e);
		}
		List<Candidate> candidates = new ArrayList<>();
		for (int c = 0; c < phrases.size(); c++) {
			Scored best = null;
			double bestScore = 0;
			for (Scored s : entityPrompts) {
				double score = s.score(vectors.get(c));
				if (score >= s.prompt().threshold() && (best == null || score > bestScore)) {
					best = s;
					bestScore = score;
				}
			}
			double blocking = 0;
			for (Scored s : entityPrompts) {
				blocking = Math.max(blocking, s.blocking(vectors.get(c)));
			}
			int[] r = ranges.get(c);
			if (blocking > bestScore) {
				// a counter-example's phrase: it is kept like a span, without a label, so that no part of it is labelled
				candidates.add(new Candidate(words.get(r[0]).start(), words.get(r[1]).end(), r[1] - r[0] + 1, null,
						blocking));
			} else if (best != null) {
				candidates.add(new Candidate(words.get(r[0]).start(), words.get(r[1]).end(), r[1] - r[0] + 1,
						best.prompt(), bestScore));
			}
		}
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
				.thenComparing(Comparator.comparingInt(Candidate::words).reversed())
				.thenComparingInt(Candidate::start));
		List<Candidate> kept = new ArrayList<>();
		for (Candidate c : candidates) {
			if (kept.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())) {
				kept.add(c);
			}
		}
		kept.sort(Comparator.comparingInt(Candidate::start));
		List<Span> spans = new ArrayList<>(kept.size());
		for (Candidate c : kept) {
			if (c.prompt() == null) {
				continue;
			}
			spans.add(new Span(new RuleMatch(c.start(), c.end(), text.substring(c.start(), c.end()), c.prompt().label(),
					c.prompt().name()), Math.max(0, Math.min(1, c.score()))));
		}
		return spans;
	}

	@Override
	public List<Choice> classify(String text) throws RuleException {
		if (classPrompts.isEmpty() || text == null || text.isBlank()) {
			return List.of();
		}
		float[] document;
		try {
			document = documentVector(text);
		} catch (IOException e) {
			throw new RuleException("built-in prompts: " + e.getMessage(), e);
		}
		List<Choice> choices = new ArrayList<>();
		for (Scored s : classPrompts) {
			double score = s.score(document);
			if (score >= s.prompt().threshold()) {
				choices.add(new Choice(s.prompt().label(), s.prompt().name(), Math.max(0, Math.min(1, score))));
			}
		}
		choices.sort(Comparator.comparingDouble(Choice::confidence).reversed());
		return choices;
	}

	private float[] documentVector(String text) throws IOException {
		if (text.length() <= CLASSIFY_PIECE) {
			return model.embed(text);
		}
		List<TextPieces.Piece> pieces = TextPieces.split(text, CLASSIFY_PIECE);
		List<float[]> vectors = model.embed(pieces.stream().map(TextPieces.Piece::text).toList());
		float[] mean = new float[vectors.get(0).length];
		for (int p = 0; p < pieces.size(); p++) {
			float weight = pieces.get(p).end() - pieces.get(p).start();
			for (int d = 0; d < mean.length; d++) {
				mean[d] += weight * vectors.get(p)[d];
			}
		}
		double norm = 0;
		for (float v : mean) {
			norm += (double) v * v;
		}
		for (int d = 0; d < mean.length; d++) {
			mean[d] /= (float) Math.sqrt(norm);
		}
		return mean;
	}

	/** The words of the text, as the class comment says. */
	private static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		boolean broken = true;
		int lineBreaks = 0;
		int i = 0;
		while (i < text.length()) {
			int c = text.codePointAt(i);
			int next = i + Character.charCount(c);
			if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
				if (!(c == '\r' && next < text.length() && text.charAt(next) == '\n')) {
					lineBreaks += c == '\u2029' ? 2 : 1;
				}
				broken |= lineBreaks > 1; // one line break is a wrapped line; a blank line ends a paragraph
				i = next;
			} else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				i = next;
			} else if (WordPieceTokenizer.isCjk(c)) {
				words.add(new Word(i, next, broken, text.substring(i, next)));
				broken = false;
				lineBreaks = 0;
				i = next;
			} else if (isWordChar(c)) {
				int end = next;
				while (end < text.length()) {
					int d = text.codePointAt(end);
					int after = end + Character.charCount(d);
					if (isWordChar(d) && !WordPieceTokenizer.isCjk(d)) {
						end = after;
					} else if ((d == '-' || d == '\'' || d == '\u2019') && after < text.length()
							&& isWordChar(text.codePointAt(after)) && !WordPieceTokenizer.isCjk(text.codePointAt(after))) {
						end = after; // inner hyphen or apostrophe: x-ray, patient's
					} else {
						break;
					}
				}
				words.add(new Word(i, end, broken, text.substring(i, end).toLowerCase(Locale.ROOT)));
				broken = false;
				lineBreaks = 0;
				i = end;
			} else {
				broken = true; // punctuation, symbols, emoji
				i = next;
			}
		}
		return words;
	}

	private static boolean isWordChar(int c) {
		return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
				|| Character.getType(c) == Character.COMBINING_SPACING_MARK;
	}
}
