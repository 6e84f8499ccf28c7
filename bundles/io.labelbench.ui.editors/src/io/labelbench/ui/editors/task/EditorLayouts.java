package io.labelbench.ui.editors.task;

import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;

/** The rows, columns and buttons the task editors are built of. */
final class EditorLayouts {

	private EditorLayouts() {
	}

	static Composite column(Composite parent) {
		Composite column = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 2;
		layout.marginHeight = 2;
		column.setLayout(layout);
		return column;
	}

	static Composite row(Composite parent, int columns) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(columns, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		row.setLayout(layout);
		row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return row;
	}

	static Button button(Composite parent, String text, Listener listener) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, listener);
		return button;
	}

	/** A row of {@code columns} equally wide columns, full width. */
	static Composite evenRow(Composite parent, int columns) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(columns, true);
		layout.marginHeight = 0;
		row.setLayout(layout);
		row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		return row;
	}

	/** A column that takes the width it is given and its own height. */
	static Composite topColumn(Composite parent) {
		Composite column = column(parent);
		column.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		return column;
	}

	/**
	 * A wrapping label across its parent. The width hint matters: without one a wrapping label asks for the
	 * width of its whole text.
	 */
	static Label wrappingLabel(Composite parent, int widthHint) {
		Label label = new Label(parent, SWT.WRAP);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = widthHint;
		label.setLayoutData(data);
		return label;
	}

	/** A row of a label and a read-only combo across the rest of it; {@code picked} gets the chosen index. */
	static Combo labelledCombo(Composite parent, String label, IntConsumer picked) {
		Composite header = row(parent, 2);
		new Label(header, SWT.NONE).setText(label);
		Combo combo = new Combo(header, SWT.READ_ONLY);
		combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		combo.addListener(SWT.Selection, e -> picked.accept(combo.getSelectionIndex()));
		return combo;
	}
}
