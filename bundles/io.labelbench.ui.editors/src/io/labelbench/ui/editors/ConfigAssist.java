package io.labelbench.ui.editors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Content assist in the labeling-config editor: tag names after {@code <}, attribute names inside a tag, and
 * attribute values: object names for {@code toName}, downloaded model names for {@code model}, and for the
 * {@code value} of a {@code <Label>} that names a model, the labels that model predicts.
 */
public final class ConfigAssist implements IContentAssistProcessor {
	private static final Pattern OPEN_VALUE = Pattern.compile("([\\w:.-]+)\\s*=\\s*\"([^\"]*)$");
	private static final Pattern TAG_NAME = Pattern.compile("^<([\\w]*)$");
	private static final Pattern MODEL_ATTRIBUTE = Pattern.compile("\\bmodel\\s*=\\s*\"([^\"]+)\"");
	private static final List<String> ATTRIBUTES = List.of("name", "toName", "value", "model", "background",
			"hotkey", "alias", "choice", "showInline", "assertion", "granularity", "perRegion", "required",
			"visibleWhen", "whenTagName", "maxUsages", "placeholder", "style");

	private final Supplier<ModelCache> cache;

	/** @param cache the local model cache (read when assist is asked for, so a download shows at once) */
	public ConfigAssist(Supplier<ModelCache> cache) {
		this.cache = cache;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		IDocument document = viewer.getDocument();
		String text = document.get();
		int open = text.lastIndexOf('<', Math.max(0, offset - 1));
		int close = text.lastIndexOf('>', Math.max(0, offset - 1));
		if (open < 0 || close > open) {
			return new ICompletionProposal[0];
		}
		String inTag = text.substring(open, offset);
		Matcher name = TAG_NAME.matcher(inTag);
		if (name.matches()) {
			return proposals(Tags.allSpelled(), name.group(1), offset);
		}
		Matcher value = OPEN_VALUE.matcher(inTag);
		if (value.find()) {
			String attribute = value.group(1).toLowerCase(Locale.ROOT);
			String prefix = value.group(2);
			return switch (attribute) {
			case "toname" -> proposals(LabelingConfig.parse(text).objectNames(), lastListItem(prefix), offset);
			case "model" -> proposals(modelNames(), prefix, offset);
			case "value" -> proposals(modelLabels(text, open), prefix, offset);
			default -> new ICompletionProposal[0];
			};
		}
		if (inTag.matches("<[\\w]+(\\s+[^<>]*)?\\s[\\w]*") && !inTag.endsWith("\"")) {
			String typed = inTag.substring(inTag.lastIndexOf(' ') + 1);
			List<ICompletionProposal> out = new ArrayList<>();
			for (String attribute : ATTRIBUTES) {
				if (attribute.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
					String insert = attribute + "=\"\"";
					out.add(new CompletionProposal(insert, offset - typed.length(), typed.length(),
							insert.length() - 1, null, attribute, null, null));
				}
			}
			return out.toArray(ICompletionProposal[]::new);
		}
		return new ICompletionProposal[0];
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

	private List<String> modelNames() {
		List<String> out = new ArrayList<>();
		try {
			for (InstalledModel model : cache.get().installed()) {
				if (!model.metadata().task().equals("embeddings")) {
					out.add(model.name());
				}
			}
		} catch (IOException e) {
			// an unreadable cache offers nothing
		}
		return out;
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
