package io.labelbench.ui.rules.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

import io.labelbench.rules.engine.Rule;

/** Regex and dictionary rules: label, pattern or terms, case and whole-word options. */
final class SpanRuleForm extends RuleForm {

	private final Text label;
	private final Text pattern;
	private final Button caseSensitive;
	private final Button wholeWord;

	SpanRuleForm(Composite parent, Runnable changed) {
		super(parent, changed);
		label = text(Messages.RulesEditor_label, SWT.BORDER);
		pattern = text(Messages.RulesEditor_patternOrTerms, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
		((GridData) pattern.getLayoutData()).heightHint = 90;
		caseSensitive = new Button(composite, SWT.CHECK);
		caseSensitive.setText(Messages.RulesEditor_caseSensitive);
		caseSensitive.addListener(SWT.Selection, e -> changed());
		wholeWord = new Button(composite, SWT.CHECK);
		wholeWord.setText(Messages.RulesEditor_wholeWord);
		wholeWord.addListener(SWT.Selection, e -> changed());
	}

	@Override
	protected void fill(Rule rule) {
		label.setText(rule.label() == null ? "" : rule.label());
		pattern.setText(rule.type() == Rule.Type.REGEX ? nonNull(rule.pattern()) : String.join("\n", rule.terms()));
		caseSensitive.setSelection(rule.caseSensitive());
		wholeWord.setSelection(rule.wholeWord());
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

	@Override
	Rule read(String name, Rule.Type type) {
		boolean regex = type == Rule.Type.REGEX;
		List<String> terms = regex ? List.of()
				: Arrays.stream(pattern.getText().split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		return new Rule(name, label.getText().strip(), type, regex ? pattern.getText() : null, terms,
				caseSensitive.getSelection(), wholeWord.getSelection());
	}

	Text patternField() {
		return pattern;
	}
}
