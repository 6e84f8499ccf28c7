package io.labelbench.ui.rules.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
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
import io.labelbench.rules.engine.RuleEngine;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.RuleFiles;
import io.labelbench.ui.servers.Servers;
import io.labelbench.ui.servers.ServerCommands;

/**
 * A form editor for a project's rules file ({@code rules/*.json}): the rules in a table, the selected one in a form
 * (name, label, regex or dictionary, pattern or terms, case and whole-word options). A bad regex is reported as
 * you type and blocks saving. After a save, servers of the project that ran the old rules are stale: the editor
 * offers to redeploy them.
 */
public final class RulesEditor extends EditorPart {
	public static final String ID = "io.labelbench.ui.servers.rulesEditor";

	private final List<Rule> rules = new ArrayList<>();
	private IFile file;
	private boolean dirty;
	private boolean updating;
	private Table table;
	private Text name;
	private Text label;
	private Combo type;
	private Text pattern;
	private Button caseSensitive;
	private Button wholeWord;
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
		table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.verticalSpan = 8;
		tableData.widthHint = 420;
		table.setLayoutData(tableData);
		table.setHeaderVisible(true);
		for (String title : new String[] { Messages.RulesEditor_name, Messages.RulesEditor_label,
				Messages.RulesEditor_type, Messages.RulesEditor_pattern }) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.RulesEditor_pattern) ? 200 : 90);
		}
		table.addListener(SWT.Selection, e -> showSelected());

		Composite buttons = new Composite(parent, SWT.NONE);
		buttons.setLayout(new GridLayout(2, true));
		Button add = new Button(buttons, SWT.PUSH);
		add.setText(Messages.RulesEditor_add);
		add.addListener(SWT.Selection, e -> addRule());
		Button remove = new Button(buttons, SWT.PUSH);
		remove.setText(Messages.RulesEditor_remove);
		remove.addListener(SWT.Selection, e -> removeRule());

		name = field(parent, Messages.RulesEditor_name, SWT.BORDER);
		label = field(parent, Messages.RulesEditor_label, SWT.BORDER);
		new Label(parent, SWT.NONE).setText(Messages.RulesEditor_type);
		type = new Combo(parent, SWT.READ_ONLY);
		type.setItems(Messages.RulesEditor_regex, Messages.RulesEditor_dictionary);
		type.addListener(SWT.Selection, e -> edited());
		pattern = field(parent, Messages.RulesEditor_patternOrTerms, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
		((GridData) pattern.getLayoutData()).heightHint = 90;
		caseSensitive = new Button(parent, SWT.CHECK);
		caseSensitive.setText(Messages.RulesEditor_caseSensitive);
		caseSensitive.addListener(SWT.Selection, e -> edited());
		wholeWord = new Button(parent, SWT.CHECK);
		wholeWord.setText(Messages.RulesEditor_wholeWord);
		wholeWord.addListener(SWT.Selection, e -> edited());
		problem = new Label(parent, SWT.WRAP);
		problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		fillTable();
		if (!rules.isEmpty()) {
			table.select(0);
		}
		showSelected();
	}

	private Text field(Composite parent, String title, int style) {
		new Label(parent, SWT.NONE).setText(title);
		Text text = new Text(parent, style);
		text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
		text.addModifyListener(e -> edited());
		return text;
	}

	private void fillTable() {
		int selected = table.getSelectionIndex();
		table.removeAll();
		for (Rule rule : rules) {
			new TableItem(table, SWT.NONE).setText(new String[] { rule.name(), rule.label(),
					rule.type() == Rule.Type.REGEX ? Messages.RulesEditor_regex : Messages.RulesEditor_dictionary,
					rule.type() == Rule.Type.REGEX ? rule.pattern()
							: Messages.format(Messages.RulesEditor_terms, rule.terms().size()) });
		}
		if (selected >= 0 && selected < rules.size()) {
			table.select(selected);
		}
	}

	private void showSelected() {
		int i = table.getSelectionIndex();
		boolean any = i >= 0;
		for (var control : List.of(name, label, type, pattern, caseSensitive, wholeWord)) {
			control.setEnabled(any);
		}
		updating = true;
		try {
			Rule rule = any ? rules.get(i) : null;
			name.setText(any ? rule.name() : "");
			label.setText(any ? rule.label() : "");
			type.select(any && rule.type() == Rule.Type.DICTIONARY ? 1 : 0);
			pattern.setText(!any ? "" : rule.type() == Rule.Type.REGEX ? rule.pattern() : String.join("\n", rule.terms()));
			caseSensitive.setSelection(any && rule.caseSensitive());
			wholeWord.setSelection(any && rule.wholeWord());
		} finally {
			updating = false;
		}
		validate();
	}

	/** The form into the selected rule. */
	private void edited() {
		int i = table.getSelectionIndex();
		if (updating || i < 0) {
			return;
		}
		boolean regex = type.getSelectionIndex() == 0;
		List<String> terms = regex ? List.of()
				: Arrays.stream(pattern.getText().split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		rules.set(i, new Rule(name.getText().strip(), label.getText().strip(),
				regex ? Rule.Type.REGEX : Rule.Type.DICTIONARY, regex ? pattern.getText() : null, terms,
				caseSensitive.getSelection(), wholeWord.getSelection()));
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
		String message = null;
		for (Rule rule : rules) {
			if (rule.name().isBlank() || rule.label().isBlank()) {
				message = Messages.RulesEditor_nameAndLabel;
			} else if (rule.type() == Rule.Type.REGEX) {
				try {
					Pattern.compile(rule.pattern());
				} catch (PatternSyntaxException e) {
					message = NLS.bind(Messages.RulesEditor_badRegex, rule.name(), e.getDescription());
				}
			} else if (rule.terms().isEmpty()) {
				message = NLS.bind(Messages.RulesEditor_noTerms, rule.name());
			}
			if (message != null) {
				break;
			}
		}
		if (message == null && !rules.isEmpty()) {
			try {
				new RuleEngine(rules);
			} catch (RuleException e) {
				message = e.getMessage();
			}
		}
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
		return pattern;
	}

	public Label problemLabel() {
		return problem;
	}

	public Table rulesTable() {
		return table;
	}
}
