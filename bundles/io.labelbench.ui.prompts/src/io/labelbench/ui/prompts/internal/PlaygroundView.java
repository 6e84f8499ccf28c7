package io.labelbench.ui.prompts.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.PromptAnnotatorEvaluation;
import io.labelbench.prompts.llm.LlmUsage;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator.Choice;
import io.labelbench.rules.engine.PromptAnnotator.Span;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.ui.LabelbenchNature;
import io.labelbench.ui.MonitorProgress;

/**
 * The prompt playground: choose prompts of a project and of the library, type a text or pick a task, and see at once
 * what the prompts find, highlighted; tune a prompt's description and threshold and run again; evaluate the chosen
 * prompts against the project's completions (precision, recall and F1 per label); save a tuned prompt into its file.
 */
public final class PlaygroundView extends ViewPart {
	public static final String ID = "io.labelbench.ui.prompts.playgroundView";
	/** The family of the playground's run and evaluation jobs. */
	public static final Object FAMILY = new Object();

	private final List<IProject> projects = new ArrayList<>();
	private final List<TaskId> tasks = new ArrayList<>();
	private final List<PromptEntry> entries = new ArrayList<>();
	private PromptLibrary library = PromptLibrary.defaultLibrary();
	private PlaygroundEngine.BuiltinEngines builtin = new PlaygroundServer();
	private Combo project;
	private Combo task;
	private Table promptTable;
	private Text description;
	private Spinner threshold;
	private Button save;
	private Text input;
	private PlaygroundResults results;
	private Label status;
	private boolean showing;

	@Override
	public void createPartControl(Composite part) {
		// below its least useful size the view scrolls instead of squeezing the table and texts to nothing
		ScrolledComposite scroller = new ScrolledComposite(part, SWT.H_SCROLL | SWT.V_SCROLL);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.setMinSize(820, 560);
		Composite parent = new Composite(scroller, SWT.NONE);
		scroller.setContent(parent);
		parent.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayout(new GridLayout(7, false));
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(bar, SWT.NONE).setText(Messages.Playground_project);
		project = new Combo(bar, SWT.READ_ONLY);
		project.addListener(SWT.Selection, e -> projectChanged());
		new Label(bar, SWT.NONE).setText(Messages.Playground_task);
		task = new Combo(bar, SWT.READ_ONLY);
		task.setLayoutData(new GridData(120, SWT.DEFAULT));
		task.addListener(SWT.Selection, e -> taskChanged());
		button(bar, Messages.Playground_run, this::run);
		button(bar, Messages.Playground_evaluate, this::evaluate);
		button(bar, Messages.Playground_reload, this::projectChanged);

		SashForm columns = new SashForm(parent, SWT.HORIZONTAL);
		columns.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite left = new Composite(columns, SWT.NONE);
		left.setLayout(new GridLayout(2, false));
		promptTable = new Table(left, SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.heightHint = 120;
		promptTable.setLayoutData(tableData);
		promptTable.setHeaderVisible(true);
		for (String title : new String[] { Messages.Prompt_name, Messages.Prompt_label, Messages.Prompt_engine,
				Messages.Playground_source }) {
			TableColumn column = new TableColumn(promptTable, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.Prompt_name) ? 110 : 75);
		}
		promptTable.addListener(SWT.Selection, e -> showSelected());
		Label descriptionLabel = new Label(left, SWT.NONE);
		descriptionLabel.setText(Messages.Prompt_description);
		descriptionLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		description = new Text(left, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridData descriptionData = new GridData(SWT.FILL, SWT.FILL, true, false);
		descriptionData.heightHint = 60;
		description.setLayoutData(descriptionData);
		description.addModifyListener(e -> tuned());
		new Label(left, SWT.NONE).setText(Messages.Prompt_threshold);
		threshold = new Spinner(left, SWT.BORDER);
		threshold.setValues(45, 0, 100, 2, 1, 5);
		threshold.addListener(SWT.Modify, e -> tuned());
		new Label(left, SWT.NONE);
		save = button(left, Messages.Playground_save, this::saveSelected);
		save.setEnabled(false);

		SashForm right = new SashForm(columns, SWT.VERTICAL);
		input = new Text(right, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		input.setMessage(Messages.Playground_typeHere);
		Composite outputs = new Composite(right, SWT.NONE);
		outputs.setLayout(new GridLayout(1, false));
		Composite scoresParent = new Composite(right, SWT.NONE);
		scoresParent.setLayout(new GridLayout(1, false));
		results = new PlaygroundResults(outputs, scoresParent);
		results.highlighted().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		results.found().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		results.scores().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		right.setWeights(2, 4, 2);
		columns.setWeights(2, 3);
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		refreshProjects();
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** The open Labelbench projects of the workspace, the first chosen. */
	public void refreshProjects() {
		projects.clear();
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			try {
				if (p.isOpen() && p.hasNature(LabelbenchNature.ID)) {
					projects.add(p);
				}
			} catch (CoreException e) {
				// a project being deleted: not offered
			}
		}
		project.setItems(projects.stream().map(IProject::getName).toArray(String[]::new));
		if (!projects.isEmpty()) {
			project.select(0);
		}
		projectChanged();
	}

	private LabelbenchProject chosenProject() {
		int i = project.getSelectionIndex();
		return i < 0 ? null : new LabelbenchProject(projects.get(i).getLocation().toFile().toPath());
	}

	/** The project's prompts, then the library's; its tasks. */
	private void projectChanged() {
		LabelbenchProject chosen = chosenProject();
		List<String> problems = new ArrayList<>();
		entries.clear();
		if (chosen != null) {
			entries.addAll(PromptEntry.read(chosen.folder().resolve("prompts"), false, problems));
		}
		entries.addAll(PromptEntry.read(library.folder(), true, problems));
		promptTable.removeAll();
		for (PromptEntry e : entries) {
			TableItem item = new TableItem(promptTable, SWT.NONE);
			item.setText(new String[] { e.prompt().name(), e.prompt().label(), PromptsEditor.engineName(e.prompt().engine()),
					e.inLibrary() ? Messages.Playground_library : Messages.Playground_projectSource });
		}
		tasks.clear();
		if (chosen != null) {
			try {
				tasks.addAll(chosen.tasks().ids());
			} catch (IOException e) {
				problems.add(e.getMessage());
			}
		}
		task.setItems(tasks.stream().map(TaskId::toString).toArray(String[]::new));
		status.setText(String.join("\n", problems));
		showSelected();
	}

	private void taskChanged() {
		int i = task.getSelectionIndex();
		LabelbenchProject chosen = chosenProject();
		if (i < 0 || chosen == null) {
			return;
		}
		try {
			Task t = chosen.tasks().read(tasks.get(i));
			input.setText(t.text() == null ? "" : t.text());
		} catch (IOException e) {
			status.setText(e.getMessage());
		}
	}

	private void showSelected() {
		int i = promptTable.getSelectionIndex();
		showing = true;
		try {
			Prompt p = i < 0 ? null : entries.get(i).prompt();
			description.setText(p == null ? "" : p.description());
			threshold.setSelection(p == null ? 45 : (int) Math.round(p.threshold() * 100));
			description.setEnabled(p != null);
			threshold.setEnabled(p != null && p.engine() == Prompt.Engine.BUILTIN);
		} finally {
			showing = false;
		}
	}

	/** A description or threshold changed: the prompt is changed for the next run, and can be saved. */
	private void tuned() {
		int i = promptTable.getSelectionIndex();
		if (showing || i < 0) {
			return;
		}
		Prompt p = entries.get(i).prompt();
		entries.set(i, entries.get(i).with(new Prompt(p.name(), p.kind(), p.label(), p.engine(),
				description.getText().strip(), p.examples(), p.counterExamples(), p.head(), p.tail(),
				threshold.getSelection() / 100.0)));
		save.setEnabled(true);
	}

	private void saveSelected() {
		int i = promptTable.getSelectionIndex();
		if (i < 0) {
			return;
		}
		try {
			entries.get(i).save();
			save.setEnabled(false);
			status.setText(Messages.format(Messages.Playground_saved, entries.get(i).prompt().name(),
					entries.get(i).file().getFileName()));
		} catch (IOException | RuleException e) {
			status.setText(e.getMessage());
		}
	}

	/** The checked prompts, as tuned. */
	List<Prompt> chosenPrompts() {
		List<Prompt> out = new ArrayList<>();
		TableItem[] items = promptTable.getItems();
		for (int i = 0; i < items.length; i++) {
			if (items[i].getChecked()) {
				out.add(entries.get(i).prompt());
			}
		}
		return out;
	}

	/** Runs the chosen prompts on the text, in a job; the result is shown when it is there. */
	public void run() {
		List<Prompt> chosen = chosenPrompts();
		String text = input.getText();
		if (chosen.isEmpty()) {
			status.setText(Messages.Playground_choosePrompts);
			return;
		}
		status.setText(Messages.Playground_running);
		PlaygroundEngine.BuiltinEngines engines = builtin;
		schedule(Messages.Playground_running, monitor -> {
			long start = System.nanoTime();
			PlaygroundEngine engine = new PlaygroundEngine(chosen, engines);
			List<Span> spans = engine.entities(text);
			List<Choice> choices = engine.classify(text);
			long millis = (System.nanoTime() - start) / 1_000_000;
			LlmUsage.Snapshot usage = engine.llmUsage();
			String footer = usage == null ? Messages.format(Messages.Playground_took, millis)
					: Messages.format(Messages.Playground_tookTokens, millis, usage.totalTokens(), usage.invented());
			return () -> {
				results.show(text, spans, choices, footer);
				status.setText(footer);
			};
		});
	}

	/** Evaluates the chosen prompts against the project's counted completions, in a job. */
	public void evaluate() {
		List<Prompt> chosen = chosenPrompts();
		LabelbenchProject chosenProject = chosenProject();
		if (chosen.isEmpty() || chosenProject == null) {
			status.setText(Messages.Playground_choosePrompts);
			return;
		}
		status.setText(Messages.Playground_evaluating);
		PlaygroundEngine.BuiltinEngines engines = builtin;
		schedule(Messages.Playground_evaluating, monitor -> {
			LabelingConfig config = LabelingConfig.read(chosenProject.configFile());
			PromptAnnotatorEvaluation.Result result = new PromptAnnotatorEvaluation(config, new PlaygroundEngine(chosen, engines))
					.run(chosenProject, new MonitorProgress(monitor));
			return () -> {
				results.showScores(result.metrics());
				status.setText(result.failed() == 0 ? Messages.format(Messages.Playground_evaluated, result.tasks())
						: Messages.format(Messages.Playground_evaluatedFailed, result.tasks(), result.failed(),
								result.firstFailure()));
			};
		});
	}

	/** Work that ends in an update of the view. */
	private interface Work {
		Runnable run(IProgressMonitor monitor) throws Exception;
	}

	private void schedule(String name, Work work) {
		Display display = status.getDisplay();
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Runnable update;
				try {
					update = work.run(monitor);
				} catch (Exception e) {
					String message = e.getMessage() == null ? e.toString() : e.getMessage();
					update = () -> {
						results.showError(message);
						status.setText(message);
					};
				}
				Runnable shown = update;
				display.asyncExec(() -> {
					if (!status.isDisposed()) {
						shown.run();
						status.getParent().layout();
					}
				});
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	@Override
	public void setFocus() {
		input.setFocus();
	}

	@Override
	public void dispose() {
		if (builtin instanceof PlaygroundServer server) {
			server.close();
		}
		super.dispose();
	}

	/** For tests: another library folder; the widgets a user works with. */
	public void useLibrary(PromptLibrary other) {
		library = other;
		projectChanged();
	}

	public Combo projectChoice() {
		return project;
	}

	public Combo taskChoice() {
		return task;
	}

	public Table promptTable() {
		return promptTable;
	}

	public Text inputField() {
		return input;
	}

	public Text descriptionField() {
		return description;
	}

	public Control highlighted() {
		return results.highlighted();
	}

	public String foundText() {
		return results.found().getText();
	}

	public Table scoresTable() {
		return results.scores();
	}

	public Label statusLabel() {
		return status;
	}

	Path libraryFolder() {
		return library.folder();
	}
}
