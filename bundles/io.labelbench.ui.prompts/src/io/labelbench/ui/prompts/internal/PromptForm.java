package io.labelbench.ui.prompts.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.labelbench.rules.engine.Prompt;

/**
 * The fields of one prompt: name, kind, label, engine, description; example and counter-example phrases (one per
 * line) for entity prompts, head and tail labels for relation prompts, a threshold for the built-in engine. Fields
 * that do not apply to the kind and engine chosen are disabled.
 */
final class PromptForm {

	static final List<Prompt.Kind> KINDS = List.of(Prompt.Kind.ENTITY, Prompt.Kind.CLASSIFICATION,
			Prompt.Kind.RELATION);
	static final List<Prompt.Engine> ENGINES = List.of(Prompt.Engine.BUILTIN, Prompt.Engine.LLM);

	private final Composite control;
	private final Text name;
	private final Combo kind;
	private final Text label;
	private final Combo engine;
	private final Text description;
	private final Text examples;
	private final Text counterExamples;
	private final Text head;
	private final Text tail;
	private final Spinner threshold;
	private boolean showing;

	PromptForm(Composite parent, Runnable edited) {
		control = new Composite(parent, SWT.NONE);
		control.setLayout(new GridLayout(2, false));
		name = text(Messages.Prompt_name, SWT.BORDER, edited);
		new Label(control, SWT.NONE).setText(Messages.Prompt_kind);
		kind = new Combo(control, SWT.READ_ONLY);
		kind.setItems(Messages.Prompt_entity, Messages.Prompt_classification, Messages.Prompt_relation);
		label = text(Messages.Prompt_label, SWT.BORDER, edited);
		new Label(control, SWT.NONE).setText(Messages.Prompt_engine);
		engine = new Combo(control, SWT.READ_ONLY);
		engine.setItems(Messages.Prompt_builtin, Messages.Prompt_llm);
		description = text(Messages.Prompt_description, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL, edited);
		((GridData) description.getLayoutData()).heightHint = 60;
		examples = text(Messages.Prompt_examples, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL, edited);
		((GridData) examples.getLayoutData()).heightHint = 50;
		counterExamples = text(Messages.Prompt_counterExamples, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL, edited);
		((GridData) counterExamples.getLayoutData()).heightHint = 40;
		head = text(Messages.Prompt_head, SWT.BORDER, edited);
		tail = text(Messages.Prompt_tail, SWT.BORDER, edited);
		new Label(control, SWT.NONE).setText(Messages.Prompt_threshold);
		threshold = new Spinner(control, SWT.BORDER);
		threshold.setValues(45, 0, 100, 2, 1, 5);
		for (Combo combo : new Combo[] { kind, engine }) {
			combo.addListener(SWT.Selection, e -> {
				enable();
				if (!showing) {
					edited.run();
				}
			});
		}
		threshold.addListener(SWT.Modify, e -> {
			if (!showing) {
				edited.run();
			}
		});
	}

	private Text text(String title, int style, Runnable edited) {
		Label l = new Label(control, SWT.NONE);
		l.setText(title);
		l.setLayoutData(new GridData(SWT.LEFT, (style & SWT.MULTI) != 0 ? SWT.TOP : SWT.CENTER, false, false));
		Text text = new Text(control, style);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		text.addModifyListener(e -> {
			if (!showing) {
				edited.run();
			}
		});
		return text;
	}

	Control control() {
		return control;
	}

	void show(Prompt p) {
		showing = true;
		try {
			name.setText(p.name());
			kind.select(KINDS.indexOf(p.kind()));
			label.setText(p.label());
			engine.select(ENGINES.indexOf(p.engine()));
			description.setText(p.description());
			examples.setText(String.join("\n", p.examples()));
			counterExamples.setText(String.join("\n", p.counterExamples()));
			head.setText(p.head() == null ? "" : p.head());
			tail.setText(p.tail() == null ? "" : p.tail());
			threshold.setSelection((int) Math.round(p.threshold() * 100));
			enable();
		} finally {
			showing = false;
		}
	}

	void setEnabled(boolean enabled) {
		for (Control c : control.getChildren()) {
			c.setEnabled(enabled);
		}
		if (enabled) {
			enable();
		}
	}

	private void enable() {
		Prompt.Kind k = KINDS.get(Math.max(0, kind.getSelectionIndex()));
		examples.setEnabled(k == Prompt.Kind.ENTITY);
		counterExamples.setEnabled(k == Prompt.Kind.ENTITY);
		head.setEnabled(k == Prompt.Kind.RELATION);
		tail.setEnabled(k == Prompt.Kind.RELATION);
		threshold.setEnabled(engine.getSelectionIndex() == 0);
	}

	/** The prompt as the fields say. */
	Prompt read() {
		Prompt.Kind k = KINDS.get(Math.max(0, kind.getSelectionIndex()));
		boolean relation = k == Prompt.Kind.RELATION;
		return new Prompt(name.getText().strip(), k, label.getText().strip(),
				ENGINES.get(Math.max(0, engine.getSelectionIndex())), description.getText().strip(),
				k == Prompt.Kind.ENTITY ? lines(examples) : List.of(),
				k == Prompt.Kind.ENTITY ? lines(counterExamples) : List.of(),
				relation ? head.getText().strip() : null, relation ? tail.getText().strip() : null,
				threshold.getSelection() / 100.0);
	}

	private static List<String> lines(Text text) {
		return Arrays.stream(text.getText().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** For tests: name, label, description, examples. */
	List<Text> fields() {
		return List.of(name, label, description, examples);
	}

	Combo kindChoice() {
		return kind;
	}

	Combo engineChoice() {
		return engine;
	}

	Spinner thresholdField() {
		return threshold;
	}
}
