package io.labelbench.ui.editors.task;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IReusableEditor;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.part.FileEditorInput;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.EditRefusedException;
import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.UserPreferences;
import io.labelbench.ui.tasks.TasksView;

/**
 * What the text and the visual task editors share: a task file as input, the selected prediction read-only on
 * the left and the completion being edited on the right, prediction history newest first, create completion from
 * prediction, accept and reject of single regions, label chips from the config, submit, undo/redo, next/previous
 * task, and saving only the completions, under the task's lock, so that predictions a pre-annotation job wrote
 * meanwhile are kept (and shown as soon as they land). Subclasses show the task itself.
 */
public abstract class TaskEditorBase extends EditorPart implements IReusableEditor {

	/** The key binding context of the task editors (Ctrl+Y for Redo). */
	public static final String CONTEXT_ID = "io.labelbench.ui.editors.taskEditorScope";

	protected IFile file;
	protected LabelbenchProject project;
	protected TaskId taskId;
	protected LabelingConfig config;
	protected LabelColors colors;
	protected TaskEditSession session;
	protected List<Annotation> predictions = List.of();
	protected int shownPrediction;
	protected Region selectedPrediction;
	/** Selected regions of the current completion, in the order they were selected. */
	protected final Set<ObjectNode> selectedRegions = new LinkedHashSet<>();
	protected String message;

	private Label title;
	private Button previous;
	private Button next;
	private Label status;
	private Combo predictionCombo;
	private Button createCompletion;
	private Button accept;
	private Button reject;
	private Combo completionCombo;
	private Button groundTruth;
	private Button submit;
	private Label diffSummary;
	private Composite chipArea;
	private final List<Label> labelChips = new ArrayList<>();
	/*
	 * The Edit menu's commands and their keys (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y, Ctrl+C, Ctrl+A, Del, Ctrl+F): the
	 * command ids make the workbench activate the actions as the commands' handlers while this editor is active.
	 */
	private final Action undo = editAction(IWorkbenchCommandConstants.EDIT_UNDO, () -> {
		session.undo();
		changed();
	});
	private final Action redo = editAction(IWorkbenchCommandConstants.EDIT_REDO, () -> {
		session.redo();
		changed();
	});
	private final Action copy = editAction(IWorkbenchCommandConstants.EDIT_COPY, this::copy);
	private final Action selectAll = editAction(IWorkbenchCommandConstants.EDIT_SELECT_ALL, this::selectAll);
	private final Action delete = editAction(IWorkbenchCommandConstants.EDIT_DELETE, this::deleteSelected);
	private IAction find;

	/**
	 * A pre-annotation job (or another tool) that rewrites the open task: its predictions are taken in. A changed
	 * labeling config: its labels, colours and rules are taken in.
	 */
	private final IResourceChangeListener fileListener = event -> {
		if (event.getDelta() == null || file == null) {
			return;
		}
		if (changedContent(event.getDelta().findMember(file.getFullPath()))) {
			getSite().getShell().getDisplay().asyncExec(this::takeStoredChanges);
		}
		IResourceDelta configDelta = event.getDelta()
				.findMember(file.getProject().getFile(LabelbenchProject.CONFIG_FILE).getFullPath());
		if (configDelta != null && (configDelta.getKind() != IResourceDelta.CHANGED || changedContent(configDelta))) {
			getSite().getShell().getDisplay().asyncExec(this::takeConfigChange);
		}
	};

	private static boolean changedContent(IResourceDelta delta) {
		return delta != null && delta.getKind() == IResourceDelta.CHANGED && (delta.getFlags() & IResourceDelta.CONTENT) != 0;
	}

	private static Action editAction(String commandId, Runnable run) {
		Action action = new Action() {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setActionDefinitionId(commandId);
		return action;
	}

	// --- input ---------------------------------------------------------------------------------------------

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		load(input);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(fileListener, IResourceChangeEvent.POST_CHANGE);
	}

	@Override
	public void setInput(IEditorInput input) {
		try {
			load(input);
		} catch (PartInitException e) {
			message = e.getMessage();
		}
		if (title != null) {
			selectedPrediction = null;
			selectedRegions.clear();
			inputChanged();
			refresh();
		}
	}

	private void load(IEditorInput input) throws PartInitException {
		if (!(input instanceof IFileEditorInput fileInput)) {
			throw new PartInitException(Messages.TaskEditor_notATaskFile);
		}
		IFile newFile = fileInput.getFile();
		LabelbenchProject newProject = LabelbenchProjects.of(newFile.getProject());
		TaskId id = TaskStore.idOf(Path.of(newFile.getName()));
		if (newProject == null || id == null) {
			throw new PartInitException(NLS.bind(Messages.TaskEditor_notATask, newFile.getFullPath()));
		}
		Task task;
		try {
			task = newProject.tasks().read(id);
		} catch (TaskFormatException e) {
			throw new PartInitException(NLS.bind(Messages.TaskEditor_unreadable, newFile.getFullPath(), e.getMessage()));
		} catch (IOException e) {
			throw new PartInitException(NLS.bind(Messages.TaskEditor_unreadable, newFile.getFullPath(), e.getMessage()), e);
		}
		if (config == null || project == null || !project.folder().equals(newProject.folder())) {
			config = readConfig(newProject);
		}
		file = newFile;
		project = newProject;
		taskId = id;
		session = new TaskEditSession(task, config, UserPreferences.currentUser(), Clock.systemUTC());
		predictions = session.predictionsNewestFirst();
		shownPrediction = 0;
		message = null;
		super.setInput(input);
		setPartName(NLS.bind(Messages.TaskEditor_partName, id));
		setTitleToolTip(newFile.getFullPath().toString());
		firePropertyChange(PROP_DIRTY);
	}

	private static LabelingConfig readConfig(LabelbenchProject project) {
		try {
			return LabelingConfig.read(project.configFile());
		} catch (IOException e) {
			return null;
		}
	}

	/**
	 * Reads the task again after it changed on disk. Unedited, the editor shows the file as it is now; with
	 * unsaved edits, only the predictions are taken, and saving keeps both.
	 */
	private void takeStoredChanges() {
		if (title == null || title.isDisposed()) {
			return;
		}
		Task stored;
		try {
			stored = project.tasks().read(taskId);
		} catch (IOException e) {
			fail(NLS.bind(Messages.TaskEditor_unreadable, file.getFullPath(), e.getMessage()));
			return;
		}
		if (session.matches(stored)) {
			return; // our own save
		}
		if (session.isDirty()) {
			session.replacePredictions(stored);
			message = Messages.TaskEditor_predictionsUpdated;
		} else {
			session = new TaskEditSession(stored, config, UserPreferences.currentUser(), Clock.systemUTC());
			selectedRegions.clear();
			message = Messages.TaskEditor_reloaded;
		}
		predictions = session.predictionsNewestFirst();
		shownPrediction = 0;
		selectedPrediction = null;
		firePropertyChange(PROP_DIRTY);
		refresh();
	}

	/** Takes the project's labeling config again after it changed: chips, colours and what edits may do. */
	private void takeConfigChange() {
		if (title == null || title.isDisposed()) {
			return;
		}
		config = readConfig(project);
		session.setSchema(config);
		colors.update(config);
		configChanged();
		for (Control chips : chipArea.getChildren()) {
			chips.dispose();
		}
		labelChips.clear();
		createLabelChips(chipArea);
		showChips();
		refresh();
	}

	/** The config changed (already in {@link #config}): take what the editor derives from it. */
	protected void configChanged() {
	}

	// --- widgets -------------------------------------------------------------------------------------------

	@Override
	public final void createPartControl(Composite parent) {
		labelChips.clear();
		colors = new LabelColors(config);
		parent.setLayout(new GridLayout(1, false));

		Composite top = row(parent, 5);
		previous = button(top, Messages.TaskEditor_previous, e -> navigate(-1));
		next = button(top, Messages.TaskEditor_next, e -> navigate(+1));
		title = new Label(top, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		createTopTools(top);
		status = new Label(top, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		chipArea = new Composite(parent, SWT.NONE);
		GridLayout chipLayout = new GridLayout(1, false);
		chipLayout.marginWidth = 0;
		chipLayout.marginHeight = 0;
		chipArea.setLayout(chipLayout);
		chipArea.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createLabelChips(chipArea);

		SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
		sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite left = column(sides);
		Composite header = row(left, 2);
		new Label(header, SWT.NONE).setText(Messages.TaskEditor_prediction);
		predictionCombo = new Combo(header, SWT.READ_ONLY);
		predictionCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		predictionCombo.addListener(SWT.Selection, e -> {
			shownPrediction = predictionCombo.getSelectionIndex();
			selectedPrediction = null;
			refresh();
		});
		Composite predictionActions = row(left, 3);
		createCompletion = button(predictionActions, Messages.TaskEditor_createCompletion,
				e -> edit(() -> session.createFromPrediction(shown())));
		accept = button(predictionActions, Messages.TaskEditor_accept, e -> acceptSelected());
		reject = button(predictionActions, Messages.TaskEditor_reject, e -> {
			session.reject(selectedPrediction);
			refresh();
		});
		createPredictionView(left);

		Composite right = column(sides);
		header = row(right, 2);
		new Label(header, SWT.NONE).setText(Messages.TaskEditor_completion);
		completionCombo = new Combo(header, SWT.READ_ONLY);
		completionCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		completionCombo.addListener(SWT.Selection, e -> {
			session.selectCompletion(completionCombo.getSelectionIndex());
			selectedRegions.clear();
			refresh();
		});
		Composite completionActions = row(right, 3);
		button(completionActions, Messages.TaskEditor_newCompletion, e -> edit(session::newCompletion));
		groundTruth = new Button(completionActions, SWT.CHECK);
		groundTruth.setText(Messages.TaskEditor_groundTruth);
		groundTruth.addListener(SWT.Selection, e -> edit(() -> session.setGroundTruth(groundTruth.getSelection())));
		submit = button(completionActions, Messages.TaskEditor_submit, e -> submit());
		createCompletionView(right);
		sides.setWeights(1, 1);

		Composite below = new Composite(parent, SWT.NONE);
		GridLayout belowLayout = new GridLayout(2, true);
		belowLayout.marginHeight = 0;
		below.setLayout(belowLayout);
		below.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Composite predictionDetails = column(below);
		predictionDetails.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		diffSummary = new Label(predictionDetails, SWT.WRAP);
		GridData summaryData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		summaryData.widthHint = 200;
		diffSummary.setLayoutData(summaryData);
		createPredictionDetails(predictionDetails);
		Composite completionDetails = column(below);
		completionDetails.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createCompletionDetails(completionDetails);

		Label legend = new Label(parent, SWT.WRAP);
		legend.setText(legend());
		GridData legendData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		legendData.widthHint = 400;
		legend.setLayoutData(legendData);

		find = findAction();
		contributeEditActions(getEditorSite().getActionBars());
		// Ctrl+Y for Redo (the standard key configuration leaves it unbound on GTK), see plugin.xml
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		inputChanged();
		refresh();
	}

	/** The config's controls of {@link #labelControlType()} whose labels are offered as chips. */
	protected final List<ControlTag> labelControls() {
		List<ControlTag> controls = new ArrayList<>();
		if (config != null) {
			for (ControlTag control : config.controlTags()) {
				if (labelControlType().equals(control.type()) && !control.toNames().isEmpty()) {
					controls.add(control);
				}
			}
		}
		return controls;
	}

	/**
	 * Makes this editor's actions the handlers of the Edit commands; called when it is created and, by
	 * {@link TaskEditorContributor}, whenever it becomes the active editor.
	 */
	final void contributeEditActions(IActionBars bars) {
		if (title == null) {
			return; // not created yet: it contributes once it is
		}
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		bars.setGlobalActionHandler(ActionFactory.COPY.getId(), copy);
		bars.setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), selectAll);
		bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
		bars.setGlobalActionHandler(ActionFactory.FIND.getId(), find);
	}

	/** Copies what is selected (text, or the text of the selected regions) to the clipboard. */
	protected abstract void copy();

	/** Selects everything the user would act on: the whole text, or every region shown. */
	protected abstract void selectAll();

	/** Edit > Find for this editor, or {@code null} when it has nothing to search. */
	protected IAction findAction() {
		return null;
	}

	/** The labels of the label controls as chips in their colours; a click applies the label. */
	private void createLabelChips(Composite parent) {
		for (ControlTag control : labelControls()) {
			Composite chips = new Composite(parent, SWT.NONE);
			RowLayout layout = new RowLayout(SWT.HORIZONTAL);
			layout.marginTop = 0;
			layout.marginBottom = 0;
			layout.center = true;
			chips.setLayout(layout);
			chips.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			new Label(chips, SWT.NONE).setText(control.name() + ":");
			for (LabelValue value : control.values()) {
				if (value.value() == null) {
					continue;
				}
				Label chip = new Label(chips, SWT.BORDER);
				chip.setText(" " + value.value() + (value.hotkey() == null ? "" : " [" + value.hotkey() + "]") + " ");
				chip.setBackground(colors.background(value.value()));
				chip.setForeground(colors.foreground(value.value()));
				chip.setToolTipText(NLS.bind(Messages.TaskEditor_applyLabel, value.value()));
				chip.setData(value.value());
				chip.setCursor(chip.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
				chip.addListener(SWT.MouseUp, e -> {
					chipClicked(control, value.value());
					showChips();
				});
				labelChips.add(chip);
			}
		}
	}

	/** The chip of the armed label (see {@link #armedLabel()}) is shown raised. */
	private void showChips() {
		String armed = armedLabel();
		for (Label chip : labelChips) {
			String label = (String) chip.getData();
			chip.setFont(label.equals(armed) ? org.eclipse.jface.resource.JFaceResources.getBannerFont() : null);
		}
		if (!labelChips.isEmpty()) {
			labelChips.get(0).getParent().layout(true);
		}
	}

	/** The config's type of the controls whose labels the chips offer ({@code labels}, {@code rectanglelabels}). */
	protected abstract String labelControlType();

	/** A label chip was clicked. */
	protected abstract void chipClicked(ControlTag control, String label);

	/** The label new regions get, shown on its chip; {@code null} when labels apply to a selection instead. */
	protected String armedLabel() {
		return null;
	}

	/** Extra tools in the top row (page navigation, zoom); none by default. */
	protected void createTopTools(Composite top) {
		new Label(top, SWT.NONE);
	}

	protected abstract void createPredictionView(Composite side);

	protected abstract void createCompletionView(Composite side);

	protected abstract void createPredictionDetails(Composite details);

	protected abstract void createCompletionDetails(Composite details);

	protected abstract String legend();

	/** A new task is shown (or the first one): drop what belongs to the previous one. */
	protected void inputChanged() {
	}

	/**
	 * Shows the shown prediction and the current completion, compared; {@code currentProblems} are the
	 * completion's regions that do not fit the text or the config.
	 */
	protected abstract void render(Annotation shown, Annotation current, AnnotationDiff diff,
			Map<ObjectNode, List<String>> currentProblems);

	// --- actions -------------------------------------------------------------------------------------------

	protected final Annotation shown() {
		return shownPrediction >= 0 && shownPrediction < predictions.size() ? predictions.get(shownPrediction) : null;
	}

	protected final void acceptSelected() {
		if (selectedPrediction == null) {
			fail(Messages.TaskEditor_selectPredictionRegion);
			return;
		}
		edit(() -> session.accept(shown(), selectedPrediction));
	}

	/** The selected regions of the current completion. */
	protected final List<Region> selected() {
		List<Region> regions = new ArrayList<>();
		Annotation current = session.current();
		if (current != null) {
			for (ObjectNode json : selectedRegions) {
				for (Region region : current.results()) {
					if (region.json() == json) {
						regions.add(region);
					}
				}
			}
		}
		return regions;
	}

	/** Selects one region of the completion, or adds it to (or takes it from) the selection. */
	protected final void select(Region region, boolean add) {
		if (!add) {
			selectedRegions.clear();
		}
		if (region != null && !selectedRegions.remove(region.json())) {
			selectedRegions.add(region.json());
		}
		refresh();
	}

	protected final void deleteSelected() {
		List<Region> regions = selected();
		if (regions.isEmpty()) {
			fail(Messages.TaskEditor_selectRegionFirst);
			return;
		}
		selectedRegions.clear();
		edit(() -> session.delete(regions));
	}

	private void submit() {
		if (session.current() == null) {
			fail(Messages.TaskEditor_nothingToSubmit);
			return;
		}
		session.submit();
		doSave(null);
	}

	/** Runs an edit of the session; a refused edit is shown in the status line and changes nothing. */
	protected final boolean edit(Runnable change) {
		try {
			change.run();
		} catch (EditRefusedException e) {
			fail(e.getMessage());
			return false;
		}
		message = null;
		changed();
		return true;
	}

	protected final void fail(String text) {
		message = text;
		refresh();
	}

	private void changed() {
		Set<ObjectNode> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
		Annotation current = session.current();
		if (current != null) {
			current.results().forEach(region -> nodes.add(region.json()));
		}
		selectedRegions.retainAll(nodes);
		firePropertyChange(PROP_DIRTY);
		refresh();
	}

	private void navigate(int step) {
		List<TaskId> order = navigationOrder();
		int index = order.indexOf(taskId);
		int target = index + step;
		if (index < 0 || target < 0 || target >= order.size()) {
			fail(step < 0 ? Messages.TaskEditor_firstTask : Messages.TaskEditor_lastTask);
			return;
		}
		if (session.isDirty()) {
			int answer = new MessageDialog(getSite().getShell(), Messages.TaskEditor_saveTitle, null,
					NLS.bind(Messages.TaskEditor_saveQuestion, taskId), MessageDialog.QUESTION,
					new String[] { Messages.TaskEditor_save, Messages.TaskEditor_discard, Messages.TaskEditor_cancel }, 0)
					.open();
			if (answer == 2 || answer < 0) {
				return;
			}
			if (answer == 0) {
				doSave(null);
				if (session.isDirty()) {
					return; // the save failed and said why
				}
			}
		}
		IFile nextFile = file.getProject().getFolder(TaskStore.FOLDER).getFile(order.get(target).fileName());
		setInput(new FileEditorInput(nextFile));
	}

	/** The Tasks view's rows when it shows this task (so its filter applies), else every task by id. */
	private List<TaskId> navigationOrder() {
		TasksView view = (TasksView) getSite().getPage().findView(TasksView.ID);
		if (view != null && file.getProject().equals(view.project()) && view.shownIds().contains(taskId)) {
			return view.shownIds();
		}
		try {
			List<TaskId> ids = new ArrayList<>(project.tasks().ids());
			ids.sort(null);
			return ids;
		} catch (IOException e) {
			return List.of(taskId);
		}
	}

	// --- showing -------------------------------------------------------------------------------------------

	protected final void refresh() {
		if (title == null || title.isDisposed()) {
			return;
		}
		Annotation shown = shown();
		Annotation current = session.current();
		title.setText(NLS.bind(Messages.TaskEditor_title,
				new Object[] { taskId, predictions.size(), session.completions().size() }));
		predictionCombo.setItems(predictions.stream().map(TaskEditorBase::describePrediction).toArray(String[]::new));
		if (shown != null) {
			predictionCombo.select(shownPrediction);
		}
		completionCombo.setItems(session.completions().stream().map(TaskEditorBase::describeCompletion).toArray(String[]::new));
		if (current != null) {
			completionCombo.select(session.currentIndex());
		}
		AnnotationDiff diff = AnnotationDiff.compare(shown, current);
		var counts = diff.counts();
		diffSummary.setText(shown == null ? Messages.TaskEditor_noPredictions
				: NLS.bind(Messages.TaskEditor_diffSummary,
						new Object[] { counts.get(AnnotationDiff.Kind.SAME), counts.get(AnnotationDiff.Kind.MISSING),
								counts.get(AnnotationDiff.Kind.LABEL), counts.get(AnnotationDiff.Kind.BOUNDARY),
								counts.get(AnnotationDiff.Kind.ADDED) }));
		Map<ObjectNode, List<String>> currentProblems = current == null ? Map.of() : session.problems(current);
		render(shown, current, diff, currentProblems);

		createCompletion.setEnabled(shown != null);
		accept.setEnabled(selectedPrediction != null);
		reject.setEnabled(selectedPrediction != null);
		groundTruth.setEnabled(current != null);
		groundTruth.setSelection(session.isGroundTruth());
		submit.setEnabled(current != null);
		submit.setText(current != null && current.json().hasNonNull(TaskEditSession.SUBMITTED_AT)
				? Messages.TaskEditor_update : Messages.TaskEditor_submit);
		undo.setEnabled(session.canUndo());
		redo.setEnabled(session.canRedo());
		delete.setEnabled(!selectedRegions.isEmpty());

		int problems = currentProblems.size();
		status.setText(message != null ? message : problems == 0 ? "" : NLS.bind(Messages.TaskEditor_problems, problems));
		status.setForeground(message != null || problems > 0 ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		title.getParent().getParent().layout(true, true);
	}

	static String describePrediction(Annotation prediction) {
		java.time.Instant time = TaskEditSession.timeOf(prediction);
		return NLS.bind(Messages.TaskEditor_predictionItem, new Object[] {
				prediction.modelVersion() == null ? Messages.TaskEditor_noModelVersion : prediction.modelVersion(),
				prediction.author() == null ? "\u2013" : prediction.author(),
				time == null ? "\u2013" : time.toString().replace('T', ' ').replace("Z", ""),
				AnnotationView.score(prediction.score()) });
	}

	static String describeCompletion(Annotation completion) {
		ObjectNode json = completion.json();
		String state = json.hasNonNull(TaskEditSession.SUBMITTED_AT)
				? NLS.bind(Messages.TaskEditor_submittedAt, json.get(TaskEditSession.SUBMITTED_AT).asText())
				: Messages.TaskEditor_draft;
		return NLS.bind(Messages.TaskEditor_completionItem,
				new Object[] { completion.id() == null ? "?" : completion.id(),
						completion.author() == null ? "\u2013" : completion.author(), state,
						json.path(TaskEditSession.GROUND_TRUTH).asBoolean(false) ? Messages.TaskEditor_groundTruthMark : "" });
	}

	protected static Composite column(Composite parent) {
		Composite column = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 2;
		layout.marginHeight = 2;
		column.setLayout(layout);
		return column;
	}

	protected static Composite row(Composite parent, int columns) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(columns, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		row.setLayout(layout);
		row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return row;
	}

	protected static Button button(Composite parent, String text, Listener listener) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, listener);
		return button;
	}

	// --- saving --------------------------------------------------------------------------------------------

	@Override
	public void doSave(IProgressMonitor monitor) {
		try {
			project.tasks().update(taskId, session::applyTo);
			session.markSaved();
			message = null;
			file.refreshLocal(IResource.DEPTH_ZERO, monitor);
		} catch (IOException | CoreException e) {
			message = NLS.bind(Messages.TaskEditor_saveFailed, e.getMessage());
			if (monitor != null) {
				monitor.setCanceled(true);
			}
		}
		firePropertyChange(PROP_DIRTY);
		refresh();
	}

	@Override
	public void doSaveAs() {
		throw new UnsupportedOperationException();
	}

	@Override
	public boolean isDirty() {
		return session != null && session.isDirty();
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(fileListener);
		if (colors != null) {
			colors.dispose();
		}
		super.dispose();
	}

	// --- for tests -----------------------------------------------------------------------------------------

	/** The shared widgets a test drives, as a user would. */
	public record Widgets(Button previous, Button next, Combo predictions, Button createCompletion, Button accept,
			Button reject, Combo completions, Button groundTruth, Button submit, List<Label> labelChips, Label status,
			Label diffSummary) {
	}

	public final Widgets widgets() {
		return new Widgets(previous, next, predictionCombo, createCompletion, accept, reject, completionCombo,
				groundTruth, submit, List.copyOf(labelChips), status, diffSummary);
	}

	public final TaskEditSession session() {
		return session;
	}
}
