package io.labelbench.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of many terms in one pass over the text (Aho–Corasick), in time linear in the text
 * whatever the number of terms. Transitions live in one open-addressing hash table keyed by state and
 * character, with a dense table for the start state where most of the text is read.
 * <p>
 * Case-insensitive matching folds each UTF-16 unit with {@link Character#toLowerCase(char)}, so offsets stay
 * those of the original text.
 */
public final class DictionaryMatcher {

	/** One occurrence: {@code [start, end)} in UTF-16 units and the index of the term in the input list. */
	public record Hit(int start, int end, int term) {
	}

	private final boolean caseSensitive;
	private final int[] rootNext = new int[Character.MAX_VALUE + 1];
	private long[] keys;
	private int[] values;
	private int size;
	private int[] fail;
	private int[] depth;
	/** Terms ending at a state: the first term index, and a link to the next state whose terms also end here. */
	private int[] termAt;
	private int[] outputLink;
	private int[][] extraTerms;
	private int states = 1;

	public DictionaryMatcher(List<String> terms, boolean caseSensitive) {
		this.caseSensitive = caseSensitive;
		int capacity = Integer.highestOneBit(Math.max(16, terms.stream().mapToInt(String::length).sum() * 2)) * 2;
		keys = new long[capacity];
		Arrays.fill(keys, -1);
		values = new int[capacity];
		int maxStates = terms.stream().mapToInt(String::length).sum() + 1;
		depth = new int[maxStates];
		termAt = new int[maxStates];
		Arrays.fill(termAt, -1);
		extraTerms = new int[maxStates][];
		for (int t = 0; t < terms.size(); t++) {
			add(terms.get(t), t);
		}
		buildFailureLinks();
	}

	private char fold(char c) {
		return caseSensitive ? c : Character.toLowerCase(c);
	}

	private void add(String term, int index) {
		if (term.isEmpty()) {
			return;
		}
		int state = 0;
		for (int i = 0; i < term.length(); i++) {
			char c = fold(term.charAt(i));
			int next = goTo(state, c);
			if (next < 0) {
				next = states++;
				depth[next] = depth[state] + 1;
				put(state, c, next);
			}
			state = next;
		}
		if (termAt[state] < 0) {
			termAt[state] = index;
		} else {
			int[] extra = extraTerms[state] == null ? new int[0] : extraTerms[state];
			extra = Arrays.copyOf(extra, extra.length + 1);
			extra[extra.length - 1] = index;
			extraTerms[state] = extra;
		}
	}

	private int goTo(int state, char c) {
		if (state == 0) {
			int next = rootNext[c];
			return next == 0 ? -1 : next;
		}
		int mask = keys.length - 1;
		long key = ((long) state << 16) | c;
		int slot = mix(key) & mask;
		while (true) {
			long found = keys[slot];
			if (found == key) {
				return values[slot];
			}
			if (found == -1) {
				return -1;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void put(int state, char c, int next) {
		if (state == 0) {
			rootNext[c] = next;
			return;
		}
		if ((size + 1) * 2 > keys.length) {
			grow();
		}
		int mask = keys.length - 1;
		long key = ((long) state << 16) | c;
		int slot = mix(key) & mask;
		while (keys[slot] != -1) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = key;
		values[slot] = next;
		size++;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldValues = values;
		keys = new long[oldKeys.length * 2];
		Arrays.fill(keys, -1);
		values = new int[oldKeys.length * 2];
		int mask = keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != -1) {
				int slot = mix(oldKeys[i]) & mask;
				while (keys[slot] != -1) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = oldKeys[i];
				values[slot] = oldValues[i];
			}
		}
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 29));
	}

	/** Breadth-first over the trie: each state's failure link is the longest proper suffix that is a state. */
	private void buildFailureLinks() {
		fail = new int[states];
		outputLink = new int[states];
		Arrays.fill(outputLink, -1);
		List<List<long[]>> children = new ArrayList<>(states);
		for (int i = 0; i < states; i++) {
			children.add(null);
		}
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			if (rootNext[c] != 0) {
				addChild(children, 0, (char) c, rootNext[c]);
			}
		}
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] != -1) {
				addChild(children, (int) (keys[i] >>> 16), (char) (keys[i] & 0xFFFF), values[i]);
			}
		}
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		if (children.get(0) != null) {
			for (long[] child : children.get(0)) {
				fail[(int) child[1]] = 0;
				queue.add((int) child[1]);
			}
		}
		while (!queue.isEmpty()) {
			int state = queue.poll();
			List<long[]> kids = children.get(state);
			if (kids == null) {
				continue;
			}
			for (long[] child : kids) {
				char c = (char) child[0];
				int next = (int) child[1];
				int f = fail[state];
				int target;
				while ((target = goTo(f, c)) < 0 && f != 0) {
					f = fail[f];
				}
				fail[next] = target >= 0 && target != next ? target : 0;
				int link = fail[next];
				outputLink[next] = termAt[link] >= 0 ? link : outputLink[link];
				queue.add(next);
			}
		}
	}

	private static void addChild(List<List<long[]>> children, int parent, char c, int child) {
		if (children.get(parent) == null) {
			children.set(parent, new ArrayList<>(2));
		}
		children.get(parent).add(new long[] { c, child });
	}

	/** All occurrences, overlapping ones included, in order of their end. */
	public List<Hit> find(CharSequence text) {
		List<Hit> hits = new ArrayList<>();
		int state = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = fold(text.charAt(i));
			int next;
			while ((next = goTo(state, c)) < 0 && state != 0) {
				state = fail[state];
			}
			state = Math.max(next, 0);
			for (int out = termAt[state] >= 0 ? state : outputLink[state]; out > 0; out = outputLink[out]) {
				int start = i + 1 - depth[out];
				hits.add(new Hit(start, i + 1, termAt[out]));
				if (extraTerms[out] != null) {
					for (int extra : extraTerms[out]) {
						hits.add(new Hit(start, i + 1, extra));
					}
				}
			}
		}
		return hits;
	}
}
