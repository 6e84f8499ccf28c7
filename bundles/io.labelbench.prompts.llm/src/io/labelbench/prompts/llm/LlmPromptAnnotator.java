package io.labelbench.prompts.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.prompts.llm.ChatClient.Message;
import io.labelbench.rules.engine.Entity;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator;
import io.labelbench.rules.engine.RelationAnnotator;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.engine.RuleMatch;

/**
 * Runs {@link Prompt}s on an OpenAI-compatible chat endpoint: one request per text for all entity prompts (per
 * part of a long text), one for all classification prompts, one for all relation prompts. The model names phrases;
 * each is located in the text ({@link TextLocator}: every whole-word occurrence), phrases that are not in the text
 * are dropped and counted in {@link #usage()}, overlaps go to the longer span. An answer that is not the JSON asked
 * for (also when fenced in a markdown block, which is read) is asked for once more, then the text fails with a
 * clear message.
 * <p>
 * LLMs give no calibrated confidence: every span, choice and relation has confidence 1.0. Thresholds are ignored.
 */
public final class LlmPromptAnnotator implements PromptAnnotator, RelationAnnotator {

	/** Texts longer than this are sent in parts, cut at a paragraph or sentence end. */
	static final int PART_CHARS = 8000;

	private final ChatClient client;
	private final List<Prompt> prompts;
	private final List<Prompt> entityPrompts;
	private final List<Prompt> classPrompts;
	private final List<Prompt> relationPrompts;
	private final LlmUsage usage;
	private final ObjectMapper json = new ObjectMapper();

	/** Runs the given prompts (of any kind) on the endpoint, counting into a fresh {@link LlmUsage}. */
	public LlmPromptAnnotator(LlmEndpoint endpoint, List<Prompt> prompts) {
		this(new LlmUsage(), endpoint, prompts);
	}

	private LlmPromptAnnotator(LlmUsage usage, LlmEndpoint endpoint, List<Prompt> prompts) {
		this(new ChatClient(endpoint, usage), usage, prompts);
	}

	LlmPromptAnnotator(ChatClient client, LlmUsage usage, List<Prompt> prompts) {
		this.client = client;
		this.usage = usage;
		this.prompts = List.copyOf(prompts);
		this.entityPrompts = ofKind(Prompt.Kind.ENTITY);
		this.classPrompts = ofKind(Prompt.Kind.CLASSIFICATION);
		this.relationPrompts = ofKind(Prompt.Kind.RELATION);
	}

	private List<Prompt> ofKind(Prompt.Kind kind) {
		return prompts.stream().filter(p -> p.kind() == kind).toList();
	}

	/** Requests, tokens, malformed answers and invented strings since this annotator was made. */
	public LlmUsage usage() {
		return usage;
	}

	@Override
	public List<Prompt> prompts() {
		return prompts;
	}

	@Override
	public List<Span> entities(String text) throws RuleException {
		if (entityPrompts.isEmpty() || text.isBlank()) {
			return List.of();
		}
		Map<String, String> promptOfLabel = firstPromptOfLabel(entityPrompts);
		List<String> labels = List.copyOf(promptOfLabel.keySet());
		List<Span> candidates = new ArrayList<>();
		for (int[] part : parts(text)) {
			String piece = text.substring(part[0], part[1]);
			JsonNode answer = ask(PromptMessages.entities(entityPrompts, piece), "entities",
					PromptMessages.entitySchema(labels), "entities");
			Set<String> seen = new HashSet<>();
			int invented = 0;
			for (JsonNode item : answer) {
				String label = item.path("label").asText("");
				String phrase = item.path("text").asText("");
				if (!promptOfLabel.containsKey(label) || phrase.isBlank()) {
					invented++;
					continue;
				}
				if (!seen.add(label + "\u0000" + phrase.strip())) {
					continue; // listed twice: every occurrence is taken once already
				}
				List<int[]> found = TextLocator.occurrences(piece, phrase);
				if (found.isEmpty()) {
					invented++;
				}
				for (int[] at : found) {
					int start = part[0] + at[0];
					int end = part[0] + at[1];
					candidates.add(new Span(new RuleMatch(start, end, text.substring(start, end), label,
							promptOfLabel.get(label)), 1.0));
				}
			}
			usage.invented(invented);
		}
		return withoutOverlaps(candidates);
	}

	/** Longest spans first (then the earlier, then the first listed), none overlapping one kept; in text order. */
	private static List<Span> withoutOverlaps(List<Span> candidates) {
		List<Span> byLength = new ArrayList<>(candidates);
		byLength.sort(Comparator.comparingInt((Span s) -> s.match().start() - s.match().end())
				.thenComparingInt(s -> s.match().start()));
		List<Span> kept = new ArrayList<>();
		for (Span s : byLength) {
			if (kept.stream().noneMatch(k -> k.match().start() < s.match().end() && s.match().start() < k.match().end())) {
				kept.add(s);
			}
		}
		kept.sort(Comparator.comparingInt(s -> s.match().start()));
		return kept;
	}

	@Override
	public List<Choice> classify(String text) throws RuleException {
		if (classPrompts.isEmpty() || text.isBlank()) {
			return List.of();
		}
		Map<String, String> promptOfLabel = firstPromptOfLabel(classPrompts);
		String head = text.length() > 3 * PART_CHARS ? text.substring(0, 3 * PART_CHARS) : text;
		JsonNode answer = ask(PromptMessages.classification(classPrompts, head), "choices",
				PromptMessages.classificationSchema(List.copyOf(promptOfLabel.keySet())), "choices");
		Set<String> given = new LinkedHashSet<>();
		int invented = 0;
		for (JsonNode item : answer) {
			String choice = item.isTextual() ? item.asText() : item.path("choice").asText("");
			if (promptOfLabel.containsKey(choice)) {
				given.add(choice);
			} else {
				invented++;
			}
		}
		usage.invented(invented);
		return given.stream().map(c -> new Choice(c, promptOfLabel.get(c), 1.0)).toList();
	}

	/**
	 * The relations the relation prompts find between the entities; a pair whose labels are not the prompt's head
	 * and tail, or an index that is no entity, is dropped and counted as invented.
	 *
	 * @throws IllegalStateException with the {@link RuleException} as cause when the endpoint fails (this interface
	 *                               has no checked exception)
	 */
	@Override
	public List<Relation> relate(String text, List<Entity> entities) {
		if (relationPrompts.isEmpty() || entities.size() < 2) {
			return List.of();
		}
		Map<String, Prompt> promptOfLabel = new LinkedHashMap<>();
		relationPrompts.forEach(p -> promptOfLabel.putIfAbsent(p.label(), p));
		JsonNode answer;
		try {
			answer = ask(PromptMessages.relations(relationPrompts, text, entities), "relations",
					PromptMessages.relationSchema(List.copyOf(promptOfLabel.keySet())), "relations");
		} catch (RuleException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
		List<Relation> out = new ArrayList<>();
		Set<Long> pairs = new HashSet<>();
		int invented = 0;
		for (JsonNode item : answer) {
			Prompt prompt = promptOfLabel.get(item.path("label").asText(""));
			int from = item.path("from").asInt(-1);
			int to = item.path("to").asInt(-1);
			if (prompt == null || from < 0 || to < 0 || from >= entities.size() || to >= entities.size() || from == to
					|| prompt.head() != null && !prompt.head().equals(entities.get(from).label())
					|| prompt.tail() != null && !prompt.tail().equals(entities.get(to).label())) {
				invented++;
			} else if (pairs.add((long) from << 32 | to)) {
				out.add(new Relation(from, to, prompt.label(), 1.0));
			}
		}
		usage.invented(invented);
		return out;
	}

	@Override
	public List<String> labels() {
		return relationPrompts.stream().map(Prompt::label).distinct().toList();
	}

	/** The answer's array under {@code key}; one more request when the answer is not that JSON. */
	private JsonNode ask(List<Message> messages, String schemaName, JsonNode schema, String key) throws RuleException {
		String content = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			content = client.complete(messages, schemaName, schema);
			JsonNode items = JsonBlocks.array(json, content, key);
			if (items != null) {
				return items;
			}
			usage.malformed();
		}
		throw new RuleException("the LLM " + client.endpoint().model() + " answered twice without the JSON asked for ("
				+ "{\"" + key + "\": […]}): " + client.excerpt(content.strip()));
	}

	private static Map<String, String> firstPromptOfLabel(List<Prompt> prompts) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Prompt p : prompts) {
			out.putIfAbsent(p.label(), p.name());
		}
		return out;
	}

	/** {@code [start, end)} parts of at most {@link #PART_CHARS}, cut after a blank line, line end or sentence end. */
	static List<int[]> parts(String text) {
		List<int[]> out = new ArrayList<>();
		int start = 0;
		while (text.length() - start > PART_CHARS) {
			int limit = start + PART_CHARS;
			int cut = lastBreak(text, start, limit, i -> text.startsWith("\n\n", i) ? i + 2 : -1);
			if (cut < 0) {
				cut = lastBreak(text, start, limit, i -> text.charAt(i) == '\n' ? i + 1 : -1);
			}
			if (cut < 0) {
				cut = lastBreak(text, start, limit, i -> ".!?".indexOf(text.charAt(i)) >= 0
						&& Character.isWhitespace(text.charAt(i + 1)) ? i + 1 : -1);
			}
			if (cut < 0) {
				cut = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
			}
			out.add(new int[] { start, cut });
			start = cut;
		}
		out.add(new int[] { start, text.length() });
		return out;
	}

	/** The last cut the test finds in the second half of {@code [start, limit)}, or -1. */
	private static int lastBreak(String text, int start, int limit, Function<Integer, Integer> cutAt) {
		for (int i = limit - 2; i > start + PART_CHARS / 2; i--) {
			int cut = cutAt.apply(i);
			if (cut > 0 && cut <= limit) {
				return cut;
			}
		}
		return -1;
	}
}
