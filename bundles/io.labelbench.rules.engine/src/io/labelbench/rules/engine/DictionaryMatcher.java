package io.labelbench.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of many terms in one pass over the text (Aho–Corasick), in time linear in the text
 * whatever the number of terms.
 * <p>
 * Layout, for speed on large dictionaries: the shallow states, where most of the text is read, are numbered
 * breadth-first and come first. Those get dense rows over the dictionary's own alphabet with the failure
 * links already followed (a DFA: one array read per character); deeper states, numbered depth-first so that
 * the states along one term are neighbours in memory, keep their transitions sorted in one contiguous slice of
 * two shared arrays. A character no term contains sends the matcher straight back to the start. (A hash table
 * of transitions spends most of its time on cache misses at 100,000 terms.)
 * <p>
 * Case-insensitive matching folds each UTF-16 unit with {@link Character#toLowerCase(char)}, so offsets stay
 * those of the original text.
 */
public final class DictionaryMatcher {

	/** One occurrence: {@code [start, end)} in UTF-16 units and the index of the term in the input list. */
	public record Hit(int start, int end, int term) {
	}

	/** Receives occurrences without allocating one object each. */
	@FunctionalInterface
	public interface HitConsumer {
		void hit(int start, int end, int term);
	}

	private static final char[] LOWER = new char[Character.MAX_VALUE + 1];
	private static final boolean[] WORD = new boolean[Character.MAX_VALUE + 1];
	static {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			LOWER[c] = Character.toLowerCase((char) c);
			int type = Character.getType(c);
			WORD[c] = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
					|| type == Character.COMBINING_SPACING_MARK || Character.isSurrogate((char) c) || c == '_';
		}
	}

	/** Dense rows take at most this many entries (4 bytes each). */
	static final int MAX_DENSE_ENTRIES = 4 * 1024 * 1024;
	/** Size of the first-word filter of whole-word matching: 2^21 bits, 256 KB. */
	static final int FIRST_WORD_BITS = 1 << 21;

	private final boolean caseSensitive;
	private final boolean wholeWords;
	private final int[] rootNext = new int[Character.MAX_VALUE + 1];
	/** Character to its index in the dictionary's alphabet, 1-based; 0 for characters no term contains. */
	private final char[] alphabet = new char[Character.MAX_VALUE + 1];
	private final int alphabetSize;
	private final int denseStates;
	private final int[] dense;
	/** Transitions of state s: edgeChar/edgeTarget[edgeStart[s] .. edgeStart[s + 1]), sorted by char. */
	private final int[] edgeStart;
	private final char[] edgeChar;
	private final int[] edgeTarget;
	private final int[] fail;
	private final int[] depth;
	/** First term ending at a state (-1: none), further ones in {@link #moreTerms}. */
	private final int[] termAt;
	private final int[][] moreTerms;
	/** The nearest state on the failure chain at which a term ends (0: none). */
	private final int[] outputLink;
	/** One bit per state: some term ends there or on its failure chain. Small enough to stay in cache. */
	private final long[] hasOutput;
	/**
	 * Whole-word mode: one bit per hash of the first word (maximal run of word characters) of some term. At a
	 * word start in the text, a word whose bit is clear cannot begin a match, so the trie is not walked at all:
	 * in running text most words begin no term, and one look-up in this cache-sized table replaces several
	 * scattered trie steps.
	 */
	private final long[] firstWords;
	/**
	 * Whole-word mode: the trie state after each distinct first word, by open addressing on the word's hash
	 * (slot: hash, state, offset and length of the word in {@link #jumpChars}); a word that passes the filter
	 * reaches its state in one probe instead of a trie step per character.
	 */
	private final int[] jumpHash;
	private final int[] jumpState;
	private final int[] jumpWord;
	private final char[] jumpChars;

	/** A matcher for {@link #find}. */
	public DictionaryMatcher(List<String> terms, boolean caseSensitive) {
		this(terms, caseSensitive, false);
	}

	/**
	 * @param wholeWords build for {@link #findWholeWords}: dense rows hold the plain trie transitions
	 *                       instead of transitions with the failure links followed
	 */
	public DictionaryMatcher(List<String> terms, boolean caseSensitive, boolean wholeWords) {
		this(terms, caseSensitive, wholeWords, MAX_DENSE_ENTRIES);
	}

	/**
	 * @param maxDenseEntries {@link #MAX_DENSE_ENTRIES}; smaller in tests, so that small dictionaries also have
	 *                            sparse, depth-first numbered states
	 */
	DictionaryMatcher(List<String> terms, boolean caseSensitive, boolean wholeWords, int maxDenseEntries) {
		this.caseSensitive = caseSensitive;
		this.wholeWords = wholeWords;
		Trie trie = new Trie();
		for (int t = 0; t < terms.size(); t++) {
			trie.add(fold(terms.get(t)), t);
		}
		trie.sortTransitions();
		int states = trie.size();
		int symbols = 0;
		for (StringBuilder chars : trie.chars) {
			for (int k = 0; k < chars.length(); k++) {
				if (alphabet[chars.charAt(k)] == 0) {
					alphabet[chars.charAt(k)] = (char) ++symbols;
				}
			}
		}
		alphabetSize = symbols + 1;
		denseStates = Math.max(1, Math.min(states, maxDenseEntries / alphabetSize));
		int[] breadthFirst = trie.breadthFirst();
		int[] newId = number(trie, breadthFirst, denseStates);
		int[] oldId = new int[states];
		for (int old = 0; old < states; old++) {
			oldId[newId[old]] = old;
		}
		edgeStart = new int[states + 1];
		int edgeCount = 0;
		for (StringBuilder chars : trie.chars) {
			edgeCount += chars.length();
		}
		edgeChar = new char[edgeCount];
		edgeTarget = new int[edgeCount];
		depth = new int[states];
		termAt = new int[states];
		moreTerms = new int[states][];
		int e = 0;
		for (int s = 0; s < states; s++) {
			int old = oldId[s];
			edgeStart[s] = e;
			StringBuilder chars = trie.chars.get(old);
			List<Integer> targets = trie.targets.get(old);
			for (int k = 0; k < chars.length(); k++) {
				int target = newId[targets.get(k)];
				edgeChar[e] = chars.charAt(k);
				edgeTarget[e++] = target;
				if (s == 0) {
					rootNext[chars.charAt(k)] = target;
				}
			}
			List<Integer> ending = trie.terms.get(old);
			termAt[s] = ending == null ? -1 : ending.get(0);
			if (ending != null && ending.size() > 1) {
				moreTerms[s] = ending.subList(1, ending.size()).stream().mapToInt(Integer::intValue).toArray();
			}
		}
		edgeStart[states] = e;
		fail = new int[states];
		outputLink = new int[states];
		// in breadth-first order a state's failure state, being shallower, is complete before the state
		for (int old : breadthFirst) {
			int s = newId[old];
			for (int edge = edgeStart[s]; edge < edgeStart[s + 1]; edge++) {
				int child = edgeTarget[edge];
				depth[child] = depth[s] + 1;
				if (s == 0) {
					fail[child] = 0;
				} else {
					int f = fail[s];
					int target;
					while ((target = next(f, edgeChar[edge])) < 0 && f != 0) {
						f = fail[f];
					}
					fail[child] = Math.max(target, 0);
				}
				int link = fail[child];
				outputLink[child] = termAt[link] >= 0 ? link : outputLink[link];
			}
		}
		hasOutput = new long[(states + 63) / 64];
		for (int s = 0; s < states; s++) {
			if (termAt[s] >= 0 || outputLink[s] > 0) {
				hasOutput[s >>> 6] |= 1L << s;
			}
		}
		firstWords = new long[FIRST_WORD_BITS / 64];
		java.util.LinkedHashMap<String, Integer> firstWordStates = new java.util.LinkedHashMap<>();
		if (wholeWords) {
			for (String term : terms) {
				String folded = fold(term);
				int end = 0;
				while (end < folded.length() && isWordChar(folded.charAt(end))) {
					end++;
				}
				int hash = wordHash(folded, 0, end);
				firstWords[(hash & (FIRST_WORD_BITS - 1)) >>> 6] |= 1L << hash;
				if (end > 0) {
					firstWordStates.computeIfAbsent(folded.substring(0, end), w -> {
						int state = 0;
						for (int k = 0; k < w.length(); k++) {
							state = next(state, w.charAt(k));
						}
						return state;
					});
				}
			}
		}
		int slots = Integer.highestOneBit(Math.max(16, firstWordStates.size() * 2)) * 2;
		jumpHash = new int[wholeWords ? slots : 0];
		jumpState = new int[jumpHash.length];
		jumpWord = new int[jumpHash.length * 2];
		StringBuilder words = new StringBuilder();
		if (wholeWords) {
			Arrays.fill(jumpState, -1);
			for (var entry : firstWordStates.entrySet()) {
				String w = entry.getKey();
				int hash = wordHash(w, 0, w.length());
				int slot = mix(hash) & (slots - 1);
				while (jumpState[slot] >= 0) {
					slot = (slot + 1) & (slots - 1);
				}
				jumpHash[slot] = hash;
				jumpState[slot] = entry.getValue();
				jumpWord[2 * slot] = words.length();
				jumpWord[2 * slot + 1] = w.length();
				words.append(w);
			}
		}
		jumpChars = words.toString().toCharArray();
		dense = new int[denseStates * alphabetSize];
		// the dense states are numbered breadth-first: a state's failure state comes before it, so its row is
		// complete
		if (wholeWords) {
			Arrays.fill(dense, -1);
		}
		for (int s = 0; s < denseStates; s++) {
			int row = s * alphabetSize;
			if (s != 0 && !wholeWords) {
				System.arraycopy(dense, fail[s] * alphabetSize, dense, row, alphabetSize);
			}
			for (int edge = edgeStart[s]; edge < edgeStart[s + 1]; edge++) {
				dense[row + alphabet[edgeChar[edge]]] = edgeTarget[edge];
			}
		}
	}

	/**
	 * New state numbers: the first {@code denseStates} states in breadth-first order (the shallow ones, given
	 * dense rows), then each remaining subtree depth-first, children in character order. A walk down a term past
	 * the dense states then mostly moves to the next state number, whose edges and terms lie in the same or the
	 * next cache line, instead of jumping across arrays of megabytes.
	 */
	private static int[] number(Trie trie, int[] breadthFirst, int denseStates) {
		int[] newId = new int[trie.size()];
		Arrays.fill(newId, -1);
		for (int b = 0; b < denseStates; b++) {
			newId[breadthFirst[b]] = b;
		}
		int next = denseStates;
		int[] stack = new int[trie.size()];
		for (int b = 0; b < denseStates; b++) {
			List<Integer> children = trie.targets.get(breadthFirst[b]);
			for (int child : children) {
				if (newId[child] >= 0) {
					continue;
				}
				int top = 0;
				stack[top++] = child;
				while (top > 0) {
					int old = stack[--top];
					newId[old] = next++;
					List<Integer> below = trie.targets.get(old);
					for (int k = below.size() - 1; k >= 0; k--) {
						stack[top++] = below.get(k);
					}
				}
			}
		}
		return newId;
	}

	private String fold(String term) {
		if (caseSensitive) {
			return term;
		}
		char[] chars = term.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = LOWER[chars[i]];
		}
		return new String(chars);
	}

	private int next(int state, char c) {
		if (state == 0) {
			int target = rootNext[c];
			return target == 0 ? -1 : target;
		}
		int low = edgeStart[state];
		int high = edgeStart[state + 1] - 1;
		if (high - low < 8) {
			for (int edge = low; edge <= high; edge++) {
				if (edgeChar[edge] == c) {
					return edgeTarget[edge];
				}
			}
			return -1;
		}
		while (low <= high) {
			int mid = (low + high) >>> 1;
			char found = edgeChar[mid];
			if (found < c) {
				low = mid + 1;
			} else if (found > c) {
				high = mid - 1;
			} else {
				return edgeTarget[mid];
			}
		}
		return -1;
	}

	/** All occurrences, overlapping ones included, in order of their end. */
	public List<Hit> find(CharSequence text) {
		List<Hit> hits = new ArrayList<>();
		find(text, (start, end, term) -> hits.add(new Hit(start, end, term)));
		return hits;
	}

	public void find(CharSequence text, HitConsumer consumer) {
		if (wholeWords) {
			throw new IllegalStateException("built for findWholeWords");
		}
		int state = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = caseSensitive ? text.charAt(i) : LOWER[text.charAt(i)];
			int symbol = alphabet[c];
			if (symbol == 0) {
				state = 0;
				continue;
			}
			while (state >= denseStates) {
				int target = next(state, c);
				if (target >= 0) {
					break;
				}
				state = fail[state];
			}
			state = state >= denseStates ? next(state, c) : dense[state * alphabetSize + symbol];
			if ((hasOutput[state >>> 6] & (1L << state)) == 0) {
				continue;
			}
			for (int out = termAt[state] >= 0 ? state : outputLink[state]; out > 0; out = outputLink[out]) {
				int start = i + 1 - depth[out];
				consumer.hit(start, i + 1, termAt[out]);
				if (moreTerms[out] != null) {
					for (int more : moreTerms[out]) {
						consumer.hit(start, i + 1, more);
					}
				}
			}
		}
	}

	/**
	 * Occurrences that start where a word starts and end where a word ends (the characters around them are not
	 * letters, digits, marks or underscores). Walking the trie from each word start without failure links skips
	 * the many hits inside words that a whole-word rule would only throw away.
	 */
	public void findWholeWords(CharSequence text, HitConsumer consumer) {
		if (!wholeWords) {
			throw new IllegalStateException("built for find");
		}
		int length = text.length();
		boolean previousIsWord = false;
		for (int i = 0; i < length; i++) {
			char first = text.charAt(i);
			boolean isWord = isWordChar(first);
			if (!previousIsWord) {
				if (isWord) {
					// the word starting here, as the filter hashed the terms' first words
					int end = i + 1;
					int hash = 31 + (caseSensitive ? first : LOWER[first]);
					while (end < length && isWordChar(text.charAt(end))) {
						char c = text.charAt(end++);
						hash = 31 * hash + (caseSensitive ? c : LOWER[c]);
					}
					int state = (firstWords[(hash & (FIRST_WORD_BITS - 1)) >>> 6] & (1L << hash)) == 0 ? -1
							: jump(text, i, end, hash);
					if (state < 0) {
						i = end - 1; // no term begins with this word: go on after it
						previousIsWord = true;
						continue;
					}
					walk(text, i, end, state, consumer);
				} else {
					walk(text, i, i, 0, consumer);
				}
			}
			previousIsWord = isWord;
		}
	}

	/** The trie state after the word text[start, end), or -1 when no term begins with that word. */
	private int jump(CharSequence text, int start, int end, int hash) {
		int mask = jumpHash.length - 1;
		for (int slot = mix(hash) & mask; jumpState[slot] >= 0; slot = (slot + 1) & mask) {
			if (jumpHash[slot] == hash && jumpWord[2 * slot + 1] == end - start) {
				int at = jumpWord[2 * slot];
				int k = start;
				while (k < end && jumpChars[at + k - start] == (caseSensitive ? text.charAt(k) : LOWER[text.charAt(k)])) {
					k++;
				}
				if (k == end) {
					return jumpState[slot];
				}
			}
		}
		return -1;
	}

	private static int mix(int hash) {
		return hash ^ (hash >>> 16) * 0x45d9f3b;
	}

	/**
	 * Follows the trie from state {@code state}, reached by text[i, from), reporting the terms that end at a word
	 * end.
	 */
	private void walk(CharSequence text, int i, int from, int state, HitConsumer consumer) {
		int length = text.length();
		if (from > i) {
			report(text, i, from, state, consumer);
		}
		for (int j = from; j < length; j++) {
			char c = caseSensitive ? text.charAt(j) : LOWER[text.charAt(j)];
			int symbol = alphabet[c];
			if (symbol == 0) {
				break;
			}
			state = state < denseStates ? dense[state * alphabetSize + symbol] : next(state, c);
			if (state < 0) {
				break;
			}
			report(text, i, j + 1, state, consumer);
		}
	}

	/** The terms ending at {@code state}, when {@code end} is a word end. */
	private void report(CharSequence text, int start, int end, int state, HitConsumer consumer) {
		// the word-end test first: it reads the text at hand, whereas termAt[state] is a likely cache miss, and
		// most steps of a walk are inside a word
		if ((end == text.length() || !isWordChar(text.charAt(end))) && termAt[state] >= 0) {
			consumer.hit(start, end, termAt[state]);
			if (moreTerms[state] != null) {
				for (int more : moreTerms[state]) {
					consumer.hit(start, end, more);
				}
			}
		}
	}

	/** The filter's hash of a run of (already folded) characters; the scan computes the same incrementally. */
	private static int wordHash(String folded, int start, int end) {
		int hash = 1;
		for (int k = start; k < end; k++) {
			hash = 31 * hash + folded.charAt(k);
		}
		return hash;
	}

	/** Letters, digits, marks, underscore; both halves of a surrogate pair count as word characters. */
	static boolean isWordChar(char c) {
		return WORD[c];
	}

	/** The trie while it is built: per state its transition characters, targets and terms ending there. */
	private static final class Trie {
		final List<StringBuilder> chars = new ArrayList<>();
		final List<List<Integer>> targets = new ArrayList<>();
		final List<List<Integer>> terms = new ArrayList<>();

		Trie() {
			newState();
		}

		int size() {
			return chars.size();
		}

		/** Orders each state's transitions by character. */
		void sortTransitions() {
			for (int state = 0; state < size(); state++) {
				StringBuilder stateChars = chars.get(state);
				List<Integer> stateTargets = targets.get(state);
				Integer[] byChar = new Integer[stateChars.length()];
				for (int k = 0; k < byChar.length; k++) {
					byChar[k] = k;
				}
				Arrays.sort(byChar, (a, b) -> Character.compare(stateChars.charAt(a), stateChars.charAt(b)));
				StringBuilder sortedChars = new StringBuilder(byChar.length);
				List<Integer> sortedTargets = new ArrayList<>(byChar.length);
				for (int k : byChar) {
					sortedChars.append(stateChars.charAt(k));
					sortedTargets.add(stateTargets.get(k));
				}
				chars.set(state, sortedChars);
				targets.set(state, sortedTargets);
			}
		}

		/** The states in breadth-first order, the start state first. */
		int[] breadthFirst() {
			int[] order = new int[size()];
			int tail = 1;
			for (int head = 0; head < tail; head++) {
				for (int child : targets.get(order[head])) {
					order[tail++] = child;
				}
			}
			return order;
		}

		private int newState() {
			chars.add(new StringBuilder(0));
			targets.add(new ArrayList<>(0));
			terms.add(null);
			return chars.size() - 1;
		}

		void add(String term, int index) {
			if (term.isEmpty()) {
				return;
			}
			int state = 0;
			for (int i = 0; i < term.length(); i++) {
				char c = term.charAt(i);
				int at = chars.get(state).indexOf(String.valueOf(c));
				if (at < 0) {
					int created = newState();
					chars.get(state).append(c);
					targets.get(state).add(created);
					state = created;
				} else {
					state = targets.get(state).get(at);
				}
			}
			if (terms.get(state) == null) {
				terms.set(state, new ArrayList<>(1));
			}
			terms.get(state).add(index);
		}
	}
}
