package io.labelbench.ui.prompts.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.ui.servers.ServerCommands;
import io.labelbench.ui.servers.Servers;

/**
 * A form editor for a prompt file: a project's {@code prompts/*.json} or a file of the workspace prompt library. The
 * prompts in a table, the selected one in a {@link PromptForm}. A prompt that cannot run is reported as you type
 * (with the message the file reader gives) and blocks saving. After saving a project's prompts, servers of the
 * project that ran the old ones are stale: the editor offers to redeploy them.
 */
public final class PromptsEditor extends EditorPart {
	public static final String ID = "io.labelbench.ui.prompts.promptsEditor";

	private final List<Prompt> prompts = new ArrayList<>();
	private IFile file;
	private Path path;
	private boolean dirty;
	private Table table;
	private PromptForm form;
	private Label problem;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (input instanceof IFileEditorInput fileInput) {
			file = fileInput.getFile();
			path = file.getLocation().toFile().toPath();
		} else if (input instanceof IURIEditorInput uriInput && "file".equals(uriInput.getURI().getScheme())) {
			path = Path.of(uriInput.getURI());
		} else {
			throw new PartInitException(Messages.PromptsEditor_notAFile);
		}
		setSite(site);
		setInput(input);
		setPartName(path.getFileName().toString());
		try {
			prompts.addAll(PromptFiles.read(path));
		} catch (RuleException e) {
			throw new PartInitException(e.getMessage(), e);
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new FillLayout());
		SashForm columns = new SashForm(parent, SWT.HORIZONTAL);
		Composite left = new Composite(columns, SWT.NONE);
		left.setLayout(new GridLayout(2, true));
		table = new Table(left, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		table.setHeaderVisible(true);
		String[] titles = { Messages.Prompt_name, Messages.Prompt_label, Messages.Prompt_kind, Messages.Prompt_engine };
		for (String title : titles) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.Prompt_name) ? 100 : 75);
		}
		table.addListener(SWT.Selection, e -> showSelected());
		Button add = new Button(left, SWT.PUSH);
		add.setText(Messages.PromptsEditor_add);
		add.addListener(SWT.Selection, e -> addPrompt());
		Button remove = new Button(left, SWT.PUSH);
		remove.setText(Messages.PromptsEditor_remove);
		remove.addListener(SWT.Selection, e -> removePrompt());

		ScrolledComposite scroller = new ScrolledComposite(columns, SWT.V_SCROLL);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		Composite right = new Composite(scroller, SWT.NONE);
		scroller.setContent(right);
		right.setLayout(new GridLayout(1, false));
		form = new PromptForm(right, this::edited);
		form.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		problem = new Label(right, SWT.WRAP);
		GridData problemData = new GridData(SWT.FILL, SWT.TOP, true, false);
		problemData.widthHint = 200;
		problem.setLayoutData(problemData);
		problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		scroller.setMinHeight(right.computeSize(SWT.DEFAULT, SWT.DEFAULT).y);
		columns.setWeights(2, 3);
		fillTable();
		if (!prompts.isEmpty()) {
			table.select(0);
		}
		showSelected();
	}

	static String kindName(Prompt.Kind kind) {
		return switch (kind) {
		case ENTITY -> Messages.Prompt_entity;
		case CLASSIFICATION -> Messages.Prompt_classification;
		case RELATION -> Messages.Prompt_relation;
		};
	}

	static String engineName(Prompt.Engine engine) {
		return engine == Prompt.Engine.LLM ? Messages.Prompt_llm : Messages.Prompt_builtin;
	}

	private void fillTable() {
		int selected = table.getSelectionIndex();
		table.removeAll();
		for (Prompt p : prompts) {
			new TableItem(table, SWT.NONE)
					.setText(new String[] { p.name(), p.label(), kindName(p.kind()), engineName(p.engine()) });
		}
		if (selected >= 0 && selected < prompts.size()) {
			table.select(selected);
		}
	}

	private void showSelected() {
		int i = table.getSelectionIndex();
		form.setEnabled(i >= 0);
		if (i >= 0) {
			form.show(prompts.get(i));
		}
		validate();
	}

	private void edited() {
		int i = table.getSelectionIndex();
		if (i < 0) {
			return;
		}
		prompts.set(i, form.read());
		fillTable();
		setDirty(true);
		validate();
	}

	private void addPrompt() {
		Set<String> names = new HashSet<>(prompts.stream().map(Prompt::name).toList());
		String name = "prompt" + (prompts.size() + 1);
		for (int n = prompts.size() + 2; names.contains(name); n++) {
			name = "prompt" + n;
		}
		prompts.add(new Prompt(name, Prompt.Kind.ENTITY, "LABEL", Prompt.Engine.BUILTIN, "", List.of(), List.of(),
				null, null, Prompt.DEFAULT_THRESHOLD));
		fillTable();
		table.select(prompts.size() - 1);
		showSelected();
		setDirty(true);
	}

	private void removePrompt() {
		int i = table.getSelectionIndex();
		if (i >= 0) {
			prompts.remove(i);
			fillTable();
			table.select(Math.min(i, prompts.size() - 1));
			showSelected();
			setDirty(true);
		}
	}

	/** What is wrong with the prompts (the first problem, as the file reader would say it), or null. */
	String validate() {
		String message = problemOf(prompts);
		if (problem != null && !problem.isDisposed()) {
			problem.setText(message == null ? "" : message);
			problem.getParent().layout();
		}
		return message;
	}

	static String problemOf(List<Prompt> prompts) {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < prompts.size(); i++) {
			Prompt p = prompts.get(i);
			try {
				PromptFiles.prompt(Messages.format(Messages.PromptsEditor_promptAt, i + 1), PromptFiles.toJson(p));
			} catch (RuleException e) {
				return e.getMessage();
			}
			if (!names.add(p.name())) {
				return Messages.format(Messages.PromptsEditor_duplicate, p.name());
			}
		}
		return null;
	}

	private void setDirty(boolean value) {
		dirty = value;
		firePropertyChange(PROP_DIRTY);
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		String message = validate();
		if (message != null) {
			MessageDialog.openError(getSite().getShell(), Messages.PromptsEditor_cannotSave, message);
			monitor.setCanceled(true);
			return;
		}
		try {
			PromptFiles.write(path, prompts);
			if (file != null) {
				file.refreshLocal(IResource.DEPTH_ZERO, monitor);
			}
		} catch (IOException | CoreException e) {
			MessageDialog.openError(getSite().getShell(), Messages.PromptsEditor_cannotSave, e.getMessage());
			monitor.setCanceled(true);
			return;
		}
		setDirty(false);
		if (file != null) {
			offerRedeploy(file.getProject());
		}
	}

	/** Servers of the project that run other prompts than the saved ones are stale: offer to replace them. */
	private void offerRedeploy(IProject project) {
		PipelineSpec current;
		try {
			current = Servers.specOf(project);
		} catch (IOException e) {
			return;
		}
		List<ServerRecord> stale = Servers.registry().list().stream()
				.filter(s -> !s.remote() && Servers.belongsTo(s, project) && Servers.isStale(s, current)).toList();
		if (!stale.isEmpty() && MessageDialog.openQuestion(getSite().getShell(), Messages.PromptsEditor_staleTitle,
				Messages.format(Messages.PromptsEditor_stale, stale.size()))) {
			ServerCommands.redeploy(project, stale, getSite().getShell());
		}
	}

	@Override
	public void doSaveAs() {
		// one prompt file, one editor
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

	/** For tests. */
	public List<Prompt> prompts() {
		return List.copyOf(prompts);
	}

	public Table promptsTable() {
		return table;
	}

	public Label problemLabel() {
		return problem;
	}

	/** For tests: name, label, description and examples fields, then kind and engine as a user picks them. */
	public List<org.eclipse.swt.widgets.Text> fields() {
		return form.fields();
	}

	public void choose(Prompt.Kind kind, Prompt.Engine engine) {
		form.kindChoice().select(PromptForm.KINDS.indexOf(kind));
		form.kindChoice().notifyListeners(SWT.Selection, null);
		form.engineChoice().select(PromptForm.ENGINES.indexOf(engine));
		form.engineChoice().notifyListeners(SWT.Selection, null);
	}

	public void addForTest() {
		addPrompt();
	}
}
