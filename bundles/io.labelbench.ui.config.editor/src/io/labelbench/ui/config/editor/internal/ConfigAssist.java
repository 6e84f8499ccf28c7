package io.labelbench.ui.config.editor.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

import io.labelbench.config.LabelingConfig;
import io.labelbench.config.Tags;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelCache;
import io.labelbench.rules.engine.Prompt;

/**
 * Content assist in the labeling-config editor, offering only what fits at the caret: where a tag may start, the
 * tags its enclosing tag takes ({@code <Label>} in a Labels control, {@code <Choice>} in Choices,
 * {@code <Relation>} in Relations, the rest elsewhere); inside a tag, the attributes of that tag it does not have
 * yet; inside an attribute value, the values of that attribute: object names for {@code toName}, downloaded model
 * names for {@code model} (relation models on a {@code <Relation>}, assertion models on a label with
 * {@code assertion="true"}, NER and classification models elsewhere), for the {@code value} of a {@code <Label>} or
 * {@code <Relation>} that names a model the labels that model predicts, the names of the prompts that fit for
 * {@code prompt} (entity prompts on labels, classification prompts on choices, relation prompts on relations), and
 * the fixed values of attributes such as {@code choice} or {@code showInline}.
 */
public final class ConfigAssist implements IContentAssistProcessor {
	private static final Pattern OPEN_VALUE = Pattern.compile("([\\w:.-]+)\\s*=\\s*[\"']([^\"']*)$");
	private static final Pattern TAG_NAME = Pattern.compile("^<([\\w]*)$");
	private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^<[\\w]+(\\s[^<>]*)?\\s([\\w]*)$");
	private static final Pattern TAG = Pattern.compile("<(/?)([\\w.:-]+)[^<>]*?(/?)>");
	private static final Pattern WRITTEN_ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=");
	private static final Pattern WORD_BEFORE = Pattern.compile("[\\w]*$");
	private static final Pattern MODEL_ATTRIBUTE = Pattern.compile("\\bmodel\\s*=\\s*\"([^\"]+)\"");
	private static final Pattern ASSERTION_TRUE = Pattern.compile("\\bassertion\\s*=\\s*[\"']true[\"']",
			Pattern.CASE_INSENSITIVE);
	/** Attributes of tags the tables below do not know. */
	private static final List<String> ATTRIBUTES = List.of("name", "toName", "value", "model", "prompt", "background",
			"hotkey", "alias", "choice", "showInline", "assertion", "granularity", "perRegion", "required",
			"visibleWhen", "whenTagName", "maxUsages", "placeholder", "style");
	private static final List<String> CONDITIONS = List.of("visibleWhen", "whenTagName", "whenLabelValue",
			"whenChoiceValue");
	private static final List<String> LABEL_CONTROL_ATTRIBUTES = with(List.of("name", "toName", "choice", "maxUsages",
			"showInline", "granularity", "required", "perRegion"), CONDITIONS);
	private static final List<String> CHOICE_CONTROL_ATTRIBUTES = with(List.of("name", "toName", "choice",
			"showInline", "layout", "required", "perRegion"), CONDITIONS);
	private static final List<String> OPEN_CONTROL_ATTRIBUTES = with(List.of("name", "toName", "placeholder", "rows",
			"maxSubmissions", "editable", "required", "perRegion"), CONDITIONS);
	private static final List<String> OBJECT_ATTRIBUTES = List.of("name", "value", "valueType", "granularity",
			"saveTextResult", "encoding", "zoom", "zoomControl", "rotateControl", "width", "maxWidth");
	private static final Map<String, List<String>> TAG_ATTRIBUTES = Map.of(
			"label", List.of("value", "alias", "hotkey", "background", "selectedColor", "showAlias", "maxUsages", "model",
					"prompt", "assertion"),
			"choice", List.of("value", "alias", "hotkey", "selected", "background", "style", "html", "prompt"),
			"relation", List.of("value", "background", "prompt"),
			"relations", List.of(),
			"view", with(List.of("style", "className"), CONDITIONS),
			"header", List.of("value", "size", "style", "underline"));
	private static final List<String> BOOLEAN = List.of("true", "false");
	private static final Map<String, List<String>> FIXED_VALUES = Map.ofEntries(
			Map.entry("choice", List.of("single", "single-radio", "multiple")), Map.entry("showinline", BOOLEAN),
			Map.entry("required", BOOLEAN), Map.entry("perregion", BOOLEAN), Map.entry("assertion", BOOLEAN),
			Map.entry("showalias", BOOLEAN), Map.entry("selected", BOOLEAN), Map.entry("editable", BOOLEAN),
			Map.entry("savetextresult", List.of("yes", "no")), Map.entry("zoom", BOOLEAN),
			Map.entry("zoomcontrol", BOOLEAN), Map.entry("rotatecontrol", BOOLEAN), Map.entry("underline", BOOLEAN),
			Map.entry("granularity", List.of("symbol", "word")), Map.entry("valuetype", List.of("text", "url")),
			Map.entry("encoding", List.of("none", "base64", "base64unicode")));

	private final Supplier<ModelCache> cache;
	private final Supplier<List<Prompt>> prompts;

	/** @param cache the local model cache (read when assist is asked for, so a download shows at once) */
	public ConfigAssist(Supplier<ModelCache> cache) {
		this(cache, List::of);
	}

	/**
	 * @param prompts the prompts the project can name (its own and the library's), read when assist is asked for
	 */
	public ConfigAssist(Supplier<ModelCache> cache, Supplier<List<Prompt>> prompts) {
		this.cache = cache;
		this.prompts = prompts;
	}

	private static List<String> with(List<String> first, List<String> second) {
		List<String> out = new ArrayList<>(first);
		out.addAll(second);
		return List.copyOf(out);
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		IDocument document = viewer.getDocument();
		String text = document.get();
		int open = offset == 0 ? -1 : text.lastIndexOf('<', offset - 1);
		int close = offset == 0 ? -1 : text.lastIndexOf('>', offset - 1);
		if (open < 0 || close > open) {
			// between tags: a tag may start here
			String typed = match(WORD_BEFORE, text.substring(0, offset));
			List<ICompletionProposal> out = new ArrayList<>();
			for (String tag : childTags(enclosing(text, offset))) {
				if (tag.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
					out.add(new CompletionProposal("<" + tag, offset - typed.length(), typed.length(), tag.length() + 1,
							null, tag, null, null));
				}
			}
			return out.toArray(ICompletionProposal[]::new);
		}
		String inTag = text.substring(open, offset);
		Matcher name = TAG_NAME.matcher(inTag);
		if (name.matches()) {
			return proposals(childTags(enclosing(text, open)), name.group(1), offset);
		}
		Matcher tagName = Pattern.compile("^<([\\w.:-]+)").matcher(inTag);
		if (!tagName.find()) {
			return new ICompletionProposal[0]; // a closing tag, a comment, a declaration
		}
		String tag = tagName.group(1).toLowerCase(Locale.ROOT);
		if (insideQuotes(inTag)) {
			Matcher value = OPEN_VALUE.matcher(inTag);
			if (!value.find()) {
				return new ICompletionProposal[0];
			}
			String attribute = value.group(1).toLowerCase(Locale.ROOT);
			String prefix = value.group(2);
			return switch (attribute) {
			case "toname" -> proposals(LabelingConfig.parse(text).objectNames(), lastListItem(prefix), offset);
			case "whentagname" -> proposals(LabelingConfig.parse(text).controlNames(), prefix, offset);
			case "model" -> proposals(modelNames(modelTask(tag, text, open)), prefix, offset);
			case "prompt" -> proposals(promptNames(tag, text, open), prefix, offset);
			case "value" -> tag.equals("label") || tag.equals("relation")
					? proposals(modelLabels(text, open), prefix, offset)
					: new ICompletionProposal[0];
			default -> proposals(FIXED_VALUES.getOrDefault(attribute, List.of()), prefix, offset);
			};
		}
		Matcher attributeName = ATTRIBUTE_NAME.matcher(inTag);
		if (attributeName.matches()) {
			String typed = attributeName.group(2);
			int tagEnd = text.indexOf('>', offset);
			int nextTag = text.indexOf('<', offset);
			String whole = text.substring(open, tagEnd < 0 || nextTag >= 0 && nextTag < tagEnd ? offset : tagEnd);
			Set<String> written = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			Matcher existing = WRITTEN_ATTRIBUTE.matcher(whole);
			while (existing.find()) {
				written.add(existing.group(1));
			}
			List<ICompletionProposal> out = new ArrayList<>();
			for (String attribute : attributesOf(tag)) {
				if (!written.contains(attribute)
						&& attribute.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
					String insert = attribute + "=\"\"";
					out.add(new CompletionProposal(insert, offset - typed.length(), typed.length(),
							insert.length() - 1, null, attribute, null, null));
				}
			}
			return out.toArray(ICompletionProposal[]::new);
		}
		return new ICompletionProposal[0];
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group() : "";
	}

	/** Whether the end of a start tag being written is inside a quoted attribute value. */
	private static boolean insideQuotes(String inTag) {
		char quote = 0;
		for (int i = 0; i < inTag.length(); i++) {
			char c = inTag.charAt(i);
			if (quote == 0 && (c == '"' || c == '\'')) {
				quote = c;
			} else if (c == quote) {
				quote = 0;
			}
		}
		return quote != 0;
	}

	/** The key of the innermost element still open at {@code offset}, or {@code null} at the top level. */
	private static String enclosing(String text, int offset) {
		java.util.Deque<String> open = new java.util.ArrayDeque<>();
		Matcher tag = TAG.matcher(text.substring(0, offset));
		while (tag.find()) {
			String key = tag.group(2).toLowerCase(Locale.ROOT);
			if (!tag.group(1).isEmpty()) {
				// a closing tag closes up to its element (tolerating unclosed ones inside, as typing leaves them)
				if (open.contains(key)) {
					while (!open.pop().equals(key)) {
						// drop the unclosed ones
					}
				}
			} else if (tag.group(3).isEmpty()) {
				open.push(key);
			}
		}
		return open.peek();
	}

	/** The tags that may stand inside an element (by key; {@code null}: the top level). */
	private static List<String> childTags(String parent) {
		if (parent == null) {
			return List.of("View");
		}
		if (Tags.LABEL_CONTROLS.contains(parent)) {
			return List.of("Label");
		}
		if (Tags.CHOICE_CONTROLS.contains(parent)) {
			return List.of("Choice");
		}
		if (parent.equals("relations")) {
			return List.of("Relation");
		}
		if (Tags.OBJECTS.contains(parent) || Tags.OPEN_CONTROLS.contains(parent)
				|| Set.of("label", "choice", "relation", "header", "style").contains(parent)) {
			return List.of();
		}
		List<String> tags = new ArrayList<>();
		for (String tag : Tags.allSpelled()) {
			if (!Set.of("label", "choice", "relation").contains(tag.toLowerCase(Locale.ROOT))) {
				tags.add(tag);
			}
		}
		return tags;
	}

	private static List<String> attributesOf(String tag) {
		List<String> known = TAG_ATTRIBUTES.get(tag);
		if (known != null) {
			return known;
		}
		if (Tags.LABEL_CONTROLS.contains(tag)) {
			return LABEL_CONTROL_ATTRIBUTES;
		}
		if (Tags.CHOICE_CONTROLS.contains(tag)) {
			return CHOICE_CONTROL_ATTRIBUTES;
		}
		if (Tags.OPEN_CONTROLS.contains(tag)) {
			return OPEN_CONTROL_ATTRIBUTES;
		}
		if (Tags.OBJECTS.contains(tag)) {
			return OBJECT_ATTRIBUTES;
		}
		return ATTRIBUTES;
	}

	/** In {@code toName="a, b"} only the part after the last comma is being typed. */
	private static String lastListItem(String prefix) {
		return prefix.substring(prefix.lastIndexOf(',') + 1).stripLeading();
	}

	private static ICompletionProposal[] proposals(Iterable<String> candidates, String prefix, int offset) {
		List<ICompletionProposal> out = new ArrayList<>();
		for (String candidate : new TreeSet<>(toList(candidates))) {
			if (candidate.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
				out.add(new CompletionProposal(candidate, offset - prefix.length(), prefix.length(), candidate.length()));
			}
		}
		return out.toArray(ICompletionProposal[]::new);
	}

	private static List<String> toList(Iterable<String> items) {
		List<String> out = new ArrayList<>();
		items.forEach(out::add);
		return out;
	}

	/**
	 * The task of the models that fit the tag being written: relation models on a {@code <Relation>}, assertion
	 * models on a {@code <Label assertion="true">}, {@code null} (NER, classification …) elsewhere.
	 */
	private static String modelTask(String tag, String text, int tagStart) {
		if (tag.equals("relation")) {
			return "relation";
		}
		int tagEnd = text.indexOf('>', tagStart);
		String whole = text.substring(tagStart, tagEnd < 0 ? text.length() : tagEnd);
		return tag.equals("label") && ASSERTION_TRUE.matcher(whole).find() ? "assertion" : null;
	}

	/** Downloaded models of that task; for {@code null}, those that label on their own (no embeddings, assertion or relation models). */
	private List<String> modelNames(String task) {
		List<String> out = new ArrayList<>();
		try {
			for (InstalledModel model : cache.get().installed()) {
				String kind = model.metadata().task();
				if (task != null ? task.equals(kind) : !Set.of("embeddings", "assertion", "relation").contains(kind)) {
					out.add(model.name());
				}
			}
		} catch (IOException e) {
			// an unreadable cache offers nothing
		}
		return out;
	}

	/**
	 * The names of the prompts that fit the tag being written: entity prompts on a label (not an assertion label),
	 * classification prompts on a choice, relation prompts on a relation.
	 */
	private List<String> promptNames(String tag, String text, int tagStart) {
		Prompt.Kind kind = switch (tag) {
		case "label" -> "assertion".equals(modelTask(tag, text, tagStart)) ? null : Prompt.Kind.ENTITY;
		case "choice" -> Prompt.Kind.CLASSIFICATION;
		case "relation" -> Prompt.Kind.RELATION;
		default -> null;
		};
		Set<String> names = new TreeSet<>();
		for (Prompt p : prompts.get()) {
			if (p.kind() == kind) {
				names.add(p.name());
			}
		}
		return List.copyOf(names);
	}

	/** The labels of the model the enclosing tag names ({@code <Label value="|" model="ner_x"/>}). */
	private List<String> modelLabels(String text, int tagStart) {
		int tagEnd = text.indexOf('>', tagStart);
		String tag = text.substring(tagStart, tagEnd < 0 ? text.length() : tagEnd);
		Matcher model = MODEL_ATTRIBUTE.matcher(tag);
		if (!model.find()) {
			return List.of();
		}
		try {
			return cache.get().find(model.group(1)).map(m -> m.metadata().labels()).orElse(List.of());
		} catch (IOException e) {
			return List.of();
		}
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '<', '"' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
