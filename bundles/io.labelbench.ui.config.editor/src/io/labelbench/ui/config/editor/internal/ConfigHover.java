package io.labelbench.ui.config.editor.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;

/**
 * Hover in the labeling-config editor: the problems at the mouse (as the markers say them) and, on a tag name,
 * what the tag is for.
 */
public final class ConfigHover implements ITextHover {
	/** One line a tag, in our words; the tags a curator meets most. */
	static final Map<String, String> TAG_DOCS = Map.ofEntries(
			Map.entry("view", "The root of the config, and a layout box around other tags."),
			Map.entry("text", "Shows the task text taken from a data field (value=\"$field\"); controls label it via toName."),
			Map.entry("hypertext", "Shows HTML from a data field; HyperTextLabels mark spans in it."),
			Map.entry("image", "Shows an image (or a page of a PDF) from a data field; RectangleLabels draw boxes on it."),
			Map.entry("labels", "Named-entity labels: spans of the object named by toName get one of the Label values."),
			Map.entry("label", "One label of a Labels control: value, background colour, hotkey, and the model that predicts it;"
					+ " with assertion=\"true\" an assertion status (absent, possible …) set on the span of an entity"
					+ " chunk, whose model is an assertion model."),
			Map.entry("choices", "Classification of the whole object named by toName: one (choice=\"single\") or several Choice values."),
			Map.entry("choice", "One class of a Choices control; model names the classifier that predicts it."),
			Map.entry("relations", "The relation types that may link two regions (Relation values)."),
			Map.entry("relation", "One relation type, inside a Relations block; model names the relation model that"
					+ " predicts it between entity chunks of one sentence."),
			Map.entry("rectanglelabels", "Boxes on an Image, each with one of the Label values (Visual NER)."),
			Map.entry("textarea", "Free text typed by the annotator, per task or per region."),
			Map.entry("header", "A heading shown above the task."),
			Map.entry("taxonomy", "Hierarchical choices: nested Choice values."));

	private final ISourceViewer viewer;

	ConfigHover(ISourceViewer viewer) {
		this.viewer = viewer;
	}

	@Override
	public String getHoverInfo(ITextViewer textViewer, IRegion region) {
		List<String> lines = new ArrayList<>();
		IAnnotationModel model = viewer.getAnnotationModel();
		if (model != null) {
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				Annotation annotation = it.next();
				Position p = model.getPosition(annotation);
				if (p != null && p.overlapsWith(region.getOffset(), Math.max(1, region.getLength()))
						&& annotation.getText() != null && !lines.contains(annotation.getText())) {
					lines.add(annotation.getText());
				}
			}
		}
		String doc = docAt(textViewer.getDocument().get(), region.getOffset());
		if (doc != null) {
			lines.add(doc);
		}
		return lines.isEmpty() ? null : String.join("\n", lines);
	}

	/** The documentation of the tag whose name is at {@code offset}, or null. */
	public static String docAt(String text, int offset) {
		int start = offset;
		while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
			start--;
		}
		if (start == 0 || (text.charAt(start - 1) != '<' && !(text.charAt(start - 1) == '/' && start > 1
				&& text.charAt(start - 2) == '<'))) {
			return null;
		}
		int end = offset;
		while (end < text.length() && Character.isLetter(text.charAt(end))) {
			end++;
		}
		String tag = text.substring(start, end);
		String doc = TAG_DOCS.get(tag.toLowerCase(Locale.ROOT));
		return doc == null ? null : "<" + tag + ">: " + doc;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer textViewer, int offset) {
		return new Region(offset, 0);
	}
}
