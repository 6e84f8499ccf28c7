package io.labelbench.ui.editors.task;

import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jface.text.IFindReplaceTarget;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;

/** Edit > Find in a task's read-only text: finds and selects, never replaces. */
final class TextFinder implements IFindReplaceTarget {

	private final Supplier<StyledText> text;

	/** @param text the text searched now (the side with the focus) */
	TextFinder(Supplier<StyledText> text) {
		this.text = text;
	}

	@Override
	public boolean canPerformFind() {
		return !text.get().isDisposed() && text.get().getCharCount() > 0;
	}

	@Override
	public int findAndSelect(int offset, String find, boolean forward, boolean caseSensitive, boolean wholeWord) {
		StyledText widget = text.get();
		String content = caseSensitive ? widget.getText() : widget.getText().toLowerCase(Locale.ROOT);
		String wanted = caseSensitive ? find : find.toLowerCase(Locale.ROOT);
		if (wanted.isEmpty() || content.length() != widget.getCharCount()) {
			return -1; // a lower-case form of another length cannot be mapped back to offsets
		}
		int from = offset < 0 ? (forward ? 0 : content.length()) : offset;
		int found = forward ? content.indexOf(wanted, from) : content.lastIndexOf(wanted, from);
		while (found >= 0 && wholeWord && !isWord(content, found, wanted.length())) {
			found = forward ? content.indexOf(wanted, found + 1) : content.lastIndexOf(wanted, found - 1);
		}
		if (found >= 0) {
			widget.setSelection(found, found + wanted.length());
			widget.showSelection();
		}
		return found;
	}

	private static boolean isWord(String content, int start, int length) {
		int end = start + length;
		return (start == 0 || !Character.isLetterOrDigit(content.charAt(start - 1)))
				&& (end == content.length() || !Character.isLetterOrDigit(content.charAt(end)));
	}

	@Override
	public Point getSelection() {
		Point selection = text.get().getSelection();
		return new Point(selection.x, selection.y - selection.x);
	}

	@Override
	public String getSelectionText() {
		return text.get().getSelectionText();
	}

	@Override
	public boolean isEditable() {
		return false;
	}

	@Override
	public void replaceSelection(String replacement) {
		// the task text is never edited
	}
}
