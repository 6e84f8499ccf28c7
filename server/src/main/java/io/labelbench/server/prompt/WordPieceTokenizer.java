package io.labelbench.server.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The uncased BERT tokenizer MiniLM was trained with, read from the model's {@code tokenizer.json}: text cleaned,
 * lower-cased and stripped of accents, split at white space and punctuation with every CJK ideograph a word of its
 * own, then each word cut into the longest vocabulary pieces ({@code ##} marks a continuation); a word without
 * pieces is {@code [UNK]}.
 */
final class WordPieceTokenizer {

	private static final int MAX_WORD_CHARS = 100;

	private final Map<String, Integer> vocab;
	private final int unknown;
	final int cls;
	final int sep;

	private WordPieceTokenizer(Map<String, Integer> vocab) {
		this.vocab = vocab;
		this.unknown = id("[UNK]");
		this.cls = id("[CLS]");
		this.sep = id("[SEP]");
	}

	private int id(String token) {
		Integer id = vocab.get(token);
		if (id == null) {
			throw new IllegalArgumentException("the tokenizer's vocabulary has no " + token);
		}
		return id;
	}

	static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
		JsonNode vocabJson = new ObjectMapper().readTree(tokenizerJson).path("model").path("vocab");
		if (!vocabJson.isObject() || vocabJson.size() == 0) {
			throw new IOException("tokenizer.json has no model.vocab");
		}
		Map<String, Integer> vocab = new HashMap<>(vocabJson.size() * 2);
		for (Iterator<Map.Entry<String, JsonNode>> it = vocabJson.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> e = it.next();
			vocab.put(e.getKey(), e.getValue().asInt());
		}
		return new WordPieceTokenizer(vocab);
	}

	/** The number of word pieces in the vocabulary. */
	int size() {
		return vocab.size();
	}

	/** [CLS] pieces [SEP], the pieces cut to {@code maxLength - 2}. */
	int[] encode(String text, int maxLength) {
		List<Integer> ids = new ArrayList<>();
		ids.add(cls);
		for (String word : words(text)) {
			for (int id : pieces(word)) {
				if (ids.size() >= maxLength - 1) {
					break;
				}
				ids.add(id);
			}
		}
		ids.add(sep);
		return ids.stream().mapToInt(Integer::intValue).toArray();
	}

	private static List<String> words(String text) {
		String lowered = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < lowered.length();) {
			int c = lowered.codePointAt(i);
			i += Character.charCount(c);
			if (Character.getType(c) == Character.NON_SPACING_MARK || c == 0 || c == 0xFFFD
					|| Character.isISOControl(c) && !Character.isWhitespace(c)) {
				continue; // accents stripped, control characters dropped
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				flush(word, words);
			} else if (isPunctuation(c) || isCjk(c)) {
				flush(word, words);
				words.add(new String(Character.toChars(c)));
			} else {
				word.appendCodePoint(c);
			}
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (word.length() > 0) {
			words.add(word.toString());
			word.setLength(0);
		}
	}

	private List<Integer> pieces(String word) {
		if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
			return List.of(unknown);
		}
		List<Integer> out = new ArrayList<>();
		int start = 0;
		while (start < word.length()) {
			int end = word.length();
			Integer found = null;
			while (end > start) {
				String piece = (start > 0 ? "##" : "") + word.substring(start, end);
				found = vocab.get(piece);
				if (found != null) {
					break;
				}
				end--;
				if (end > start && Character.isLowSurrogate(word.charAt(end))) {
					end--; // never cut a surrogate pair
				}
			}
			if (found == null) {
				return List.of(unknown);
			}
			out.add(found);
			start = end;
		}
		return out;
	}

	/** BERT's punctuation: ASCII symbols as well as Unicode punctuation. */
	static boolean isPunctuation(int c) {
		if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) {
			return true;
		}
		int type = Character.getType(c);
		return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
				|| type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
				|| type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
				|| type == Character.OTHER_PUNCTUATION;
	}

	/** The CJK ideograph blocks BERT splits character by character. */
	static boolean isCjk(int c) {
		return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
				|| c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B820 && c <= 0x2CEAF
				|| c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
	}
}
