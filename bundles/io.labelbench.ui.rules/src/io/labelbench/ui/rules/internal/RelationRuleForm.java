package io.labelbench.ui.rules.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.labelbench.rules.engine.Rule;

/** Relation rules: relation label, head (from) and tail (to) entity labels, most words between them. */
final class RelationRuleForm extends RuleForm {

	private final Text label;
	private final Text fromLabel;
	private final Text toLabel;
	private final Spinner maxTokens;

	RelationRuleForm(Composite parent, Runnable changed) {
		super(parent, changed);
		label = text(Messages.RulesEditor_relationLabel, SWT.BORDER);
		fromLabel = text(Messages.RulesEditor_fromLabel, SWT.BORDER);
		toLabel = text(Messages.RulesEditor_toLabel, SWT.BORDER);
		maxTokens = spinner(Messages.RulesEditor_maxTokens, 0);
		org.eclipse.swt.widgets.Label help = new org.eclipse.swt.widgets.Label(composite, SWT.WRAP);
		help.setText(Messages.RulesEditor_relationHelp);
		GridData helpData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		helpData.widthHint = 360;
		help.setLayoutData(helpData);
	}

	@Override
	protected void fill(Rule rule) {
		Rule.Relation r = rule.relation();
		label.setText(rule.label() == null ? "" : rule.label());
		fromLabel.setText(r == null || r.fromLabel() == null ? "" : r.fromLabel());
		toLabel.setText(r == null || r.toLabel() == null ? "" : r.toLabel());
		maxTokens.setSelection(r == null ? Rule.Relation.DEFAULT_MAX_TOKENS : r.maxTokens());
	}

	@Override
	Rule read(String name, Rule.Type type) {
		return Rule.relation(name, label.getText().strip(),
				new Rule.Relation(fromLabel.getText().strip(), toLabel.getText().strip(), maxTokens.getSelection()));
	}

	/** For tests: the relation label, head and tail label fields. */
	List<Text> fields() {
		return List.of(label, fromLabel, toLabel);
	}
}
