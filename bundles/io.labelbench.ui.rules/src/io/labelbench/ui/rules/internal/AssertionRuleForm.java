package io.labelbench.ui.rules.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.Rule;

/**
 * Assertion rules: the trigger phrases in a table (phrase, status, before or after the chunk), the selected one
 * edited below it; terminators, window, entity labels, the shipped trigger set and whether untouched chunks are
 * present.
 */
final class AssertionRuleForm extends RuleForm {

	private final List<Rule.Trigger> triggers = new ArrayList<>();
	private final Table table;
	private final Text phrase;
	private final Combo status;
	private final Combo position;
	private final Text terminators;
	private final Spinner window;
	private final Text entityLabels;
	private final Button defaultSet;
	private final Button markPresent;

	AssertionRuleForm(Composite parent, Runnable changed) {
		super(parent, changed);
		defaultSet = check(Messages.RulesEditor_useDefaultSet);
		new Label(composite, SWT.NONE).setText(Messages.RulesEditor_triggers);
		table = new Table(composite, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 120;
		tableData.widthHint = 360;
		table.setLayoutData(tableData);
		table.setHeaderVisible(true);
		for (String title : new String[] { Messages.RulesEditor_phrase, Messages.RulesEditor_status,
				Messages.RulesEditor_position }) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.RulesEditor_status) ? 170 : 110);
		}
		table.addListener(SWT.Selection, e -> showTrigger());

		new Label(composite, SWT.NONE);
		Composite phraseRow = row(3);
		phrase = new Text(phraseRow, SWT.BORDER);
		phrase.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		phrase.setMessage(Messages.RulesEditor_phrase);
		phrase.addModifyListener(e -> triggerEdited());
		Button add = new Button(phraseRow, SWT.PUSH);
		add.setText(Messages.RulesEditor_addTrigger);
		add.addListener(SWT.Selection, e -> addTrigger());
		Button remove = new Button(phraseRow, SWT.PUSH);
		remove.setText(Messages.RulesEditor_removeTrigger);
		remove.addListener(SWT.Selection, e -> removeTrigger());
		new Label(composite, SWT.NONE);
		Composite statusRow = row(2);
		status = new Combo(statusRow, SWT.READ_ONLY);
		status.setItems(NegexAssertions.STATUSES.toArray(String[]::new));
		status.addListener(SWT.Selection, e -> triggerEdited());
		position = new Combo(statusRow, SWT.READ_ONLY);
		position.setItems(Messages.RulesEditor_before, Messages.RulesEditor_after);
		position.addListener(SWT.Selection, e -> triggerEdited());

		terminators = text(Messages.RulesEditor_terminators, SWT.BORDER);
		terminators.setMessage(Messages.RulesEditor_commaSeparated);
		window = spinner(Messages.RulesEditor_window, 1);
		entityLabels = text(Messages.RulesEditor_entityLabels, SWT.BORDER);
		entityLabels.setMessage(Messages.RulesEditor_allLabels);
		markPresent = check(Messages.RulesEditor_markPresent);
	}

	private Composite row(int columns) {
		Composite row = new Composite(composite, SWT.NONE);
		GridLayout layout = new GridLayout(columns, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		row.setLayout(layout);
		row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		return row;
	}

	private Button check(String title) {
		Button button = new Button(composite, SWT.CHECK);
		button.setText(title);
		button.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		button.addListener(SWT.Selection, e -> changed());
		return button;
	}

	@Override
	protected void fill(Rule rule) {
		Rule.Assertion a = rule.assertion();
		triggers.clear();
		if (a != null) {
			triggers.addAll(a.triggers());
		}
		table.deselectAll();
		fillTable();
		if (!triggers.isEmpty()) {
			table.select(0);
		}
		showTrigger();
		terminators.setText(a == null ? "" : String.join(", ", a.terminators()));
		window.setSelection(a == null ? Rule.Assertion.DEFAULT_WINDOW : a.window());
		entityLabels.setText(a == null ? "" : String.join(", ", a.entityLabels()));
		defaultSet.setSelection(a != null && a.triggerSet() != null);
		markPresent.setSelection(a != null && a.markPresent());
	}

	@Override
	Rule read(String name, Rule.Type type) {
		return Rule.assertion(name, new Rule.Assertion(triggers,
				defaultSet.getSelection() ? NegexAssertions.CLINICAL_EN : null, list(terminators.getText()),
				window.getSelection(), list(entityLabels.getText()), markPresent.getSelection()));
	}

	private void fillTable() {
		int selected = table.getSelectionIndex();
		table.removeAll();
		for (Rule.Trigger t : triggers) {
			new TableItem(table, SWT.NONE).setText(new String[] { t.phrase(), t.status(),
					t.position() == Rule.Position.PRE ? Messages.RulesEditor_before : Messages.RulesEditor_after });
		}
		if (selected >= 0 && selected < triggers.size()) {
			table.select(selected);
		}
	}

	private boolean showingTrigger;

	private void showTrigger() {
		int i = table.getSelectionIndex();
		showingTrigger = true;
		try {
			Rule.Trigger t = i >= 0 ? triggers.get(i) : null;
			phrase.setText(t == null ? "" : t.phrase());
			status.select(t == null ? -1 : NegexAssertions.STATUSES.indexOf(t.status()));
			position.select(t == null ? -1 : t.position() == Rule.Position.PRE ? 0 : 1);
			for (var control : List.of(phrase, status, position)) {
				control.setEnabled(t != null);
			}
		} finally {
			showingTrigger = false;
		}
	}

	/** The trigger fields into the selected trigger. */
	private void triggerEdited() {
		int i = table.getSelectionIndex();
		if (showingTrigger || i < 0) {
			return;
		}
		triggers.set(i, new Rule.Trigger(phrase.getText().strip(),
				status.getSelectionIndex() < 0 ? triggers.get(i).status() : status.getText(),
				position.getSelectionIndex() == 1 ? Rule.Position.POST : Rule.Position.PRE));
		fillTable();
		changed();
	}

	private void addTrigger() {
		triggers.add(new Rule.Trigger("no", "absent", Rule.Position.PRE));
		fillTable();
		table.select(triggers.size() - 1);
		showTrigger();
		phrase.setFocus();
		phrase.selectAll();
		changed();
	}

	private void removeTrigger() {
		int i = table.getSelectionIndex();
		if (i >= 0) {
			triggers.remove(i);
			fillTable();
			table.select(Math.min(i, triggers.size() - 1));
			showTrigger();
			changed();
		}
	}

	/** For tests. */
	Table triggerTable() {
		return table;
	}

	Text phraseField() {
		return phrase;
	}

	Spinner windowField() {
		return window;
	}

	Text entityLabelsField() {
		return entityLabels;
	}

	Button defaultSetButton() {
		return defaultSet;
	}
}
