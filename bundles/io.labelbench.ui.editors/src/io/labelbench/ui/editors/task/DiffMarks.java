package io.labelbench.ui.editors.task;

import org.eclipse.swt.graphics.RGB;

import io.labelbench.core.edit.AnnotationDiff;

/** The colours that mark differences and problems, the same in the text and the visual editor. */
final class DiffMarks {

	static final RGB PROBLEM = new RGB(0xD3, 0x2F, 0x2F);
	static final RGB REJECTED = new RGB(0x75, 0x75, 0x75);

	private DiffMarks() {
	}

	/** Red for missing from the completion, green for added, orange for another label, blue for another boundary. */
	static RGB of(AnnotationDiff.Kind kind) {
		return switch (kind) {
		case MISSING -> new RGB(0xD3, 0x2F, 0x2F);
		case ADDED -> new RGB(0x2E, 0x7D, 0x32);
		case LABEL -> new RGB(0xEF, 0x6C, 0x00);
		case BOUNDARY -> new RGB(0x15, 0x65, 0xC0);
		case SAME -> null;
		};
	}
}
