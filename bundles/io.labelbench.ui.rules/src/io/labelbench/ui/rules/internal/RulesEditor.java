package io.labelbench.ui.rules.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.RuleFiles;
import io.labelbench.ui.servers.Servers;
import io.labelbench.ui.servers.ServerCommands;

/**
 * A form editor for a project's rules file ({@code rules/*.json}): the rules in a table, the selected one in a form
 * (name and type, then what the type needs: a label with a pattern or terms for regex and dictionary rules, trigger
 * phrases for assertion rules, head and tail labels for relation rules). A rule that cannot run is reported as you
 * type and blocks saving. After a save, servers of the project that ran the old rules are stale: the editor offers
 * to redeploy them.
 */
public final class RulesEditor extends EditorPart {
	public static final String ID = "io.labelbench.ui.servers.rulesEditor";

	private static final List<Rule.Type> TYPES = List.of(Rule.Type.REGEX, Rule.Type.DICTIONARY, Rule.Type.ASSERTION,
			Rule.Type.RELATION);

	private final List<Rule> rules = new ArrayList<>();
	private IFile file;
	private boolean dirty;
	private boolean updating;
	private Table table;
	private Text name;
	private Combo type;
	private Composite details;
	private StackLayout stack;
	private SpanRuleForm spanForm;
	private AssertionRuleForm assertionForm;
	private RelationRuleForm relationForm;
	private Label problem;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof IFileEditorInput fileInput)) {
			throw new PartInitException(Messages.RulesEditor_notAFile);
		}
		setSite(site);
		setInput(input);
		file = fileInput.getFile();
		setPartName(file.getName());
		try {
			rules.addAll(RuleFiles.read(path()));
		} catch (RuleException e) {
			throw new PartInitException(e.getMessage(), e);
		}
	}

	private Path path() {
		return file.getLocation().toFile().toPath();
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		Composite left = new Composite(parent, SWT.NONE);
		left.setLayout(new GridLayout(2, true));
		left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		table = new Table(left, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.widthHint = 380;
		table.setLayoutData(tableData);
		table.setHeaderVisible(true);
		for (String title : new String[] { Messages.RulesEditor_name, Messages.RulesEditor_label,
				Messages.RulesEditor_type, Messages.RulesEditor_pattern }) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.RulesEditor_pattern) ? 160 : 75);
		}
		table.addListener(SWT.Selection, e -> showSelected());
		Button add = new Button(left, SWT.PUSH);
		add.setText(Messages.RulesEditor_add);
		add.addListener(SWT.Selection, e -> addRule());
		Button remove = new Button(left, SWT.PUSH);
		remove.setText(Messages.RulesEditor_remove);
		remove.addListener(SWT.Selection, e -> removeRule());

		// the form scrolls when the editor is smaller than the assertion form
		ScrolledComposite scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		Composite form = new Composite(scroller, SWT.NONE);
		scroller.setContent(form);
		form.setLayout(new GridLayout(2, false));
		new Label(form, SWT.NONE).setText(Messages.RulesEditor_name);
		name = new Text(form, SWT.BORDER);
		name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		name.addModifyListener(e -> edited());
		new Label(form, SWT.NONE).setText(Messages.RulesEditor_type);
		type = new Combo(form, SWT.READ_ONLY);
		type.setItems(TYPES.stream().map(RulesEditor::typeName).toArray(String[]::new));
		type.addListener(SWT.Selection, e -> typeChanged());
		details = new Composite(form, SWT.NONE);
		details.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		stack = new StackLayout();
		details.setLayout(stack);
		spanForm = new SpanRuleForm(details, this::edited);
		assertionForm = new AssertionRuleForm(details, this::edited);
		relationForm = new RelationRuleForm(details, this::edited);
		problem = new Label(form, SWT.WRAP);
		GridData problemData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		problemData.widthHint = 400;
		problem.setLayoutData(problemData);
		problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		// vertical scrolling only: the fields take the width there is
		scroller.setMinHeight(form.computeSize(SWT.DEFAULT, SWT.DEFAULT).y);
		fillTable();
		if (!rules.isEmpty()) {
			table.select(0);
		}
		showSelected();
	}

	static String typeName(Rule.Type type) {
		return switch (type) {
		case REGEX -> Messages.RulesEditor_regex;
		case DICTIONARY -> Messages.RulesEditor_dictionary;
		case ASSERTION -> Messages.RulesEditor_assertion;
		case RELATION -> Messages.RulesEditor_relation;
		};
	}

	/** What the table shows of a rule besides name, label and type. */
	static String summary(Rule rule) {
		return switch (rule.type()) {
		case REGEX -> rule.pattern();
		case DICTIONARY -> Messages.format(Messages.RulesEditor_terms, rule.terms().size());
		case ASSERTION -> rule.assertion() == null ? "" : Messages.format(Messages.RulesEditor_assertionSummary,
				rule.assertion().triggers().size(), rule.assertion().triggerSet() == null ? 0 : 1,
				rule.assertion().window());
		case RELATION -> rule.relation() == null ? "" : NLS.bind(Messages.RulesEditor_relationSummary, new Object[] {
				rule.relation().fromLabel(), rule.relation().toLabel(), rule.relation().maxTokens() });
		};
	}

	private void fillTable() {
		int selected = table.getSelectionIndex();
		table.removeAll();
		for (Rule rule : rules) {
			new TableItem(table, SWT.NONE).setText(new String[] { rule.name(),
					rule.label() == null ? "" : rule.label(), typeName(rule.type()), Objects.toString(summary(rule), "") });
		}
		if (selected >= 0 && selected < rules.size()) {
			table.select(selected);
		}
	}

	private RuleForm formOf(Rule.Type t) {
		return t == Rule.Type.ASSERTION ? assertionForm : t == Rule.Type.RELATION ? relationForm : spanForm;
	}

	private void showSelected() {
		int i = table.getSelectionIndex();
		boolean any = i >= 0;
		name.setEnabled(any);
		type.setEnabled(any);
		details.setVisible(any);
		updating = true;
		try {
			Rule rule = any ? rules.get(i) : null;
			name.setText(any ? rule.name() : "");
			type.select(any ? TYPES.indexOf(rule.type()) : 0);
			if (any) {
				formOf(rule.type()).show(rule);
				stack.topControl = formOf(rule.type()).control();
				details.layout(true, true);
			}
		} finally {
			updating = false;
		}
		validate();
	}

	/** Another type: the form of that type, starting from a rule of that type with what can be kept. */
	private void typeChanged() {
		int i = table.getSelectionIndex();
		if (updating || i < 0) {
			return;
		}
		Rule.Type to = TYPES.get(type.getSelectionIndex());
		Rule old = rules.get(i);
		Rule fresh = switch (to) {
		case REGEX, DICTIONARY -> old.type().findsSpans() ? spanForm.read(old.name(), to)
				: new Rule(old.name(), old.type() == Rule.Type.RELATION ? "" : "LABEL", to, to == Rule.Type.REGEX
						? "\\d+" : null, to == Rule.Type.DICTIONARY ? List.of("term") : List.of(), false, true);
		case ASSERTION -> Rule.assertion(old.name(), new Rule.Assertion(List.of(), NegexAssertions.CLINICAL_EN,
				List.of(), Rule.Assertion.DEFAULT_WINDOW, List.of(), false));
		case RELATION -> Rule.relation(old.name(), "", new Rule.Relation("", "", Rule.Relation.DEFAULT_MAX_TOKENS));
		};
		rules.set(i, fresh);
		showSelected();
		fillTable();
		setDirty(true);
	}

	/** The form into the selected rule. */
	private void edited() {
		int i = table.getSelectionIndex();
		if (updating || i < 0) {
			return;
		}
		Rule.Type t = TYPES.get(type.getSelectionIndex());
		rules.set(i, formOf(t).read(name.getText().strip(), t));
		fillTable();
		setDirty(true);
		validate();
	}

	private void addRule() {
		rules.add(Rule.regex("rule" + (rules.size() + 1), "LABEL", "\\d+", false, true));
		fillTable();
		table.select(rules.size() - 1);
		showSelected();
		setDirty(true);
	}

	private void removeRule() {
		int i = table.getSelectionIndex();
		if (i >= 0) {
			rules.remove(i);
			fillTable();
			table.select(Math.min(i, rules.size() - 1));
			showSelected();
			setDirty(true);
		}
	}

	/** What is wrong with the rules, or null. */
	String validate() {
		String message = RuleProblems.first(rules);
		if (problem != null && !problem.isDisposed()) {
			problem.setText(message == null ? "" : message);
			problem.getParent().layout();
		}
		return message;
	}

	private void setDirty(boolean value) {
		dirty = value;
		firePropertyChange(PROP_DIRTY);
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		String message = validate();
		if (message != null) {
			MessageDialog.openError(getSite().getShell(), Messages.RulesEditor_cannotSave, message);
			monitor.setCanceled(true);
			return;
		}
		try {
			RuleFiles.write(path(), rules);
			file.refreshLocal(IResource.DEPTH_ZERO, monitor);
		} catch (IOException | CoreException e) {
			MessageDialog.openError(getSite().getShell(), Messages.RulesEditor_cannotSave, e.getMessage());
			monitor.setCanceled(true);
			return;
		}
		setDirty(false);
		offerRedeploy(file.getProject());
	}

	/** Servers of the project that run other rules than the saved ones are stale: offer to replace them. */
	private void offerRedeploy(IProject project) {
		PipelineSpec current;
		try {
			current = Servers.specOf(project);
		} catch (IOException e) {
			return;
		}
		List<ServerRecord> stale = Servers.registry().list().stream()
				.filter(s -> !s.remote() && Servers.belongsTo(s, project) && Servers.isStale(s, current)).toList();
		if (stale.isEmpty()) {
			return;
		}
		if (MessageDialog.openQuestion(getSite().getShell(), Messages.RulesEditor_staleTitle,
				Messages.format(Messages.RulesEditor_stale, stale.size()))) {
			ServerCommands.redeploy(project, stale, getSite().getShell());
		}
	}

	@Override
	public void doSaveAs() {
		// one rules file, one editor
	}

	@Override
	public boolean isDirty() {
		return dirty;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	/** For tests: the rules as edited. */
	public List<Rule> rules() {
		return List.copyOf(rules);
	}

	/** For tests: the form's pattern field and the problem line. */
	public Text patternField() {
		return spanForm.patternField();
	}

	/** For tests: the rule name field, the type choice and the forms of assertion and relation rules. */
	public Text nameField() {
		return name;
	}

	public Combo typeChoice() {
		return type;
	}

	/** For tests: selects the rule type as a user does. */
	public void chooseType(Rule.Type t) {
		type.select(TYPES.indexOf(t));
		typeChanged();
	}

	/** For tests: the trigger table, phrase and window fields of the assertion form. */
	public Table triggerTable() {
		return assertionForm.triggerTable();
	}

	public Text triggerPhraseField() {
		return assertionForm.phraseField();
	}

	public Text entityLabelsField() {
		return assertionForm.entityLabelsField();
	}

	/** For tests: the relation form's label, head (from) and tail (to) label fields. */
	public List<Text> relationFields() {
		return relationForm.fields();
	}

	public Label problemLabel() {
		return problem;
	}

	public Table rulesTable() {
		return table;
	}
}
