package io.labelbench.ui.rules.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.labelbench.rules.engine.Rule;

/**
 * The part of the rules form that depends on the rule's type. Shows a rule, and reads the edited fields back into
 * a rule of the same name; every edit calls {@code changed}, so the editor validates as the user types.
 */
abstract class RuleForm {

	protected final Composite composite;
	private final Runnable changed;
	private boolean updating;

	RuleForm(Composite parent, Runnable changed) {
		this.changed = changed;
		composite = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		composite.setLayout(layout);
	}

	Composite control() {
		return composite;
	}

	/** Fills the fields from the rule, without reporting the change. */
	final void show(Rule rule) {
		updating = true;
		try {
			fill(rule);
		} finally {
			updating = false;
		}
	}

	protected abstract void fill(Rule rule);

	/** The rule the fields describe, named {@code name}, of {@code type} (one of the types this form edits). */
	abstract Rule read(String name, Rule.Type type);

	protected void changed() {
		if (!updating) {
			changed.run();
		}
	}

	protected Text text(String title, int style) {
		new Label(composite, SWT.NONE).setText(title);
		Text text = new Text(composite, style);
		text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
		text.addModifyListener(e -> changed());
		return text;
	}

	protected Spinner spinner(String title, int minimum) {
		new Label(composite, SWT.NONE).setText(title);
		Spinner spinner = new Spinner(composite, SWT.BORDER);
		spinner.setValues(0, minimum, 1000, 0, 1, 5);
		spinner.addModifyListener(e -> changed());
		return spinner;
	}

	/** "a, b ,c" as [a, b, c]. */
	static List<String> list(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
