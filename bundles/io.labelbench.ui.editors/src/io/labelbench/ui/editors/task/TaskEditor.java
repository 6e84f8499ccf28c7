package io.labelbench.ui.editors.task;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IReusableEditor;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
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
import io.labelbench.ui.tasks.TaskEditors;
import io.labelbench.ui.tasks.TasksView;

/**
 * The task editor: the selected prediction read-only on the left, the completion being edited on the right,
 * scrolled together. Predictions can be stepped through (newest first), taken whole into a new completion or
 * region by region; differences between the two sides are underlined. Text is labelled by selecting it and
 * clicking a label or pressing its hotkey. Saving writes only the completions back, under the task's lock, so
 * predictions that a pre-annotation job wrote meanwhile are kept.
 */
public final class TaskEditor extends EditorPart implements IReusableEditor {

	public static final String ID = TaskEditors.ID;

	private IFile file;
	private LabelbenchProject project;
	private TaskId taskId;
	private LabelingConfig config;
	private LabelColors colors;
	private TaskEditSession session;
	/** The Labels controls that label the shown text, and that text's object name. */
	private final List<ControlTag> labelControls = new ArrayList<>();
	private String toName;
	private List<Annotation> predictions = List.of();
	private int shownPrediction;
	private Region selectedPrediction;
	private final Set<ObjectNode> selectedRegions = new LinkedHashSet<>();
	private String message;

	private Label title;
	private Button previous;
	private Button next;
	private Label status;
	private Combo predictionCombo;
	private Button createCompletion;
	private Button accept;
	private Button reject;
	private AnnotationView predictionView;
	private Label diffSummary;
	private Label predictionChoices;
	private org.eclipse.swt.widgets.List predictionRelations;
	private Combo completionCombo;
	private Button groundTruth;
	private Button submit;
	private AnnotationView completionView;
	private final List<Button> choiceButtons = new ArrayList<>();
	private final List<Label> labelChips = new ArrayList<>();
	private org.eclipse.swt.widgets.List relations;
	private final List<Region> relationRegions = new ArrayList<>();
	private Combo relationLabel;
	private Button relate;
	private Button deleteRegion;
	private Button resize;
	private final Action undo = new Action() {
		@Override
		public void run() {
			session.undo();
			changed();
		}
	};
	private final Action redo = new Action() {
		@Override
		public void run() {
			session.redo();
			changed();
		}
	};

	/** A pre-annotation job (or another tool) that rewrites the open task: its predictions are taken in. */
	private final IResourceChangeListener fileListener = event -> {
		IResourceDelta delta = event.getDelta() == null || file == null ? null : event.getDelta().findMember(file.getFullPath());
		if (delta != null && delta.getKind() == IResourceDelta.CHANGED && (delta.getFlags() & IResourceDelta.CONTENT) != 0) {
			Display display = getSite().getShell().getDisplay();
			display.asyncExec(this::takeStoredChanges);
		}
	};

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		load(input);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(fileListener, IResourceChangeEvent.POST_CHANGE);
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
			message = NLS.bind(Messages.TaskEditor_unreadable, file.getFullPath(), e.getMessage());
			refresh();
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

	@Override
	public void createPartControl(Composite parent) {
		labelChips.clear();
		colors = new LabelColors(config);
		findLabelControls();
		parent.setLayout(new GridLayout(1, false));

		Composite top = row(parent, 4);
		previous = button(top, Messages.TaskEditor_previous, e -> navigate(-1));
		next = button(top, Messages.TaskEditor_next, e -> navigate(+1));
		title = new Label(top, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status = new Label(top, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		createLabelChips(parent);
		SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
		sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		createPredictionSide(sides);
		createCompletionSide(sides);
		sides.setWeights(1, 1);
		synchronizeScrolling(predictionView.text(), completionView.text());
		synchronizeScrolling(completionView.text(), predictionView.text());

		Composite below = new Composite(parent, SWT.NONE);
		GridLayout belowLayout = new GridLayout(2, true);
		belowLayout.marginHeight = 0;
		below.setLayout(belowLayout);
		below.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createPredictionDetails(below);
		createCompletionDetails(below);

		Label legend = new Label(parent, SWT.WRAP);
		legend.setText(Messages.TaskEditor_legend);
		GridData legendData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		legendData.widthHint = 400;
		legend.setLayoutData(legendData);

		getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		refresh();
	}

	private void findLabelControls() {
		labelControls.clear();
		toName = "text";
		if (config == null) {
			return;
		}
		for (ControlTag control : config.controlTags()) {
			if ("labels".equals(control.type()) && !control.toNames().isEmpty()) {
				if (labelControls.isEmpty()) {
					toName = control.toNames().get(0);
				}
				if (control.toNames().contains(toName)) {
					labelControls.add(control);
				}
			}
		}
	}

	private void createPredictionSide(Composite sides) {
		Composite side = column(sides);
		Composite header = row(side, 2);
		new Label(header, SWT.NONE).setText(Messages.TaskEditor_prediction);
		predictionCombo = new Combo(header, SWT.READ_ONLY);
		predictionCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		predictionCombo.addListener(SWT.Selection, e -> {
			shownPrediction = predictionCombo.getSelectionIndex();
			selectedPrediction = null;
			refresh();
		});
		Composite actions = row(side, 3);
		createCompletion = button(actions, Messages.TaskEditor_createCompletion,
				e -> edit(() -> session.createFromPrediction(shown())));
		accept = button(actions, Messages.TaskEditor_accept, e -> acceptSelected());
		reject = button(actions, Messages.TaskEditor_reject, e -> {
			session.reject(selectedPrediction);
			refresh();
		});
		predictionView = new AnnotationView(side, colors);
		predictionView.text().setLayoutData(textLayoutData());
		predictionView.text().addListener(SWT.MouseUp, e -> {
			selectedPrediction = predictionView.regionAt(offsetAt(predictionView.text(), e));
			refresh();
		});
		predictionView.text().addListener(SWT.MouseDoubleClick, e -> {
			selectedPrediction = predictionView.regionAt(offsetAt(predictionView.text(), e));
			acceptSelected();
		});
	}

	private void createPredictionDetails(Composite below) {
		Composite details = column(below);
		details.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		diffSummary = new Label(details, SWT.WRAP);
		GridData summaryData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		summaryData.widthHint = 200;
		diffSummary.setLayoutData(summaryData);
		predictionChoices = new Label(details, SWT.WRAP);
		predictionChoices.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(details, SWT.NONE).setText(Messages.TaskEditor_predictionRelations);
		predictionRelations = new org.eclipse.swt.widgets.List(details, SWT.BORDER | SWT.V_SCROLL);
		GridData relationsData = new GridData(SWT.FILL, SWT.TOP, true, false);
		relationsData.heightHint = 48;
		predictionRelations.setLayoutData(relationsData);
	}

	/** The labels of the Labels controls, as chips in their colours that label the selection when clicked. */
	private void createLabelChips(Composite parent) {
		for (ControlTag control : labelControls) {
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
				chip.addListener(SWT.MouseUp, e -> apply(control, value.value()));
				labelChips.add(chip);
			}
		}
	}

	private void createCompletionSide(Composite sides) {
		Composite side = column(sides);
		Composite header = row(side, 2);
		new Label(header, SWT.NONE).setText(Messages.TaskEditor_completion);
		completionCombo = new Combo(header, SWT.READ_ONLY);
		completionCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		completionCombo.addListener(SWT.Selection, e -> {
			session.selectCompletion(completionCombo.getSelectionIndex());
			selectedRegions.clear();
			refresh();
		});
		Composite actions = row(side, 3);
		button(actions, Messages.TaskEditor_newCompletion, e -> edit(session::newCompletion));
		groundTruth = new Button(actions, SWT.CHECK);
		groundTruth.setText(Messages.TaskEditor_groundTruth);
		groundTruth.addListener(SWT.Selection, e -> edit(() -> session.setGroundTruth(groundTruth.getSelection())));
		submit = button(actions, Messages.TaskEditor_submit, e -> submit());
		completionView = new AnnotationView(side, colors);
		StyledText text = completionView.text();
		text.setLayoutData(textLayoutData());
		text.addListener(SWT.MouseUp, this::pickRegion);
		text.addListener(SWT.KeyDown, this::keyPressed);
	}

	private void createCompletionDetails(Composite below) {
		Composite details = column(below);
		details.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createChoices(details);
		Composite regionRow = row(details, 2);
		deleteRegion = button(regionRow, Messages.TaskEditor_deleteRegion, e -> deleteSelected());
		resize = button(regionRow, Messages.TaskEditor_resize, e -> resizeSelected());
		Composite relationRow = row(details, 4);
		relations = new org.eclipse.swt.widgets.List(relationRow, SWT.BORDER | SWT.V_SCROLL);
		GridData relationsData = new GridData(SWT.FILL, SWT.TOP, true, false);
		relationsData.heightHint = 48;
		relations.setLayoutData(relationsData);
		relationLabel = new Combo(relationRow, SWT.READ_ONLY);
		List<String> relationValues = new ArrayList<>();
		relationValues.add(Messages.TaskEditor_noRelationLabel);
		if (config != null) {
			relationValues.addAll(config.relationLabels());
		}
		relationLabel.setItems(relationValues.toArray(String[]::new));
		relationLabel.select(0);
		relate = button(relationRow, Messages.TaskEditor_relate, e -> relateSelected());
		button(relationRow, Messages.TaskEditor_deleteRelation, e -> {
			int index = relations.getSelectionIndex();
			if (index >= 0 && index < relationRegions.size()) {
				edit(() -> session.delete(relationRegions.get(index)));
			}
		});
	}

	private void createChoices(Composite side) {
		choiceButtons.clear();
		if (config == null) {
			return;
		}
		for (ControlTag control : config.controlTags()) {
			if (!"choices".equals(control.type()) || control.values().isEmpty()) {
				continue;
			}
			Group group = new Group(side, SWT.NONE);
			group.setText(control.name());
			group.setLayout(new RowLayout(SWT.HORIZONTAL));
			group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			boolean single = !"multiple".equalsIgnoreCase(control.element().get("choice"));
			for (LabelValue value : control.values()) {
				Button choice = new Button(group, single ? SWT.RADIO : SWT.CHECK);
				choice.setText(value.value());
				choice.setData(control);
				choice.addListener(SWT.Selection, e -> {
					if (single && !choice.getSelection()) {
						return; // the radio that lost the selection; the one that gained it reports
					}
					List<String> chosen = new ArrayList<>();
					for (Control sibling : group.getChildren()) {
						if (sibling instanceof Button button && button.getSelection()) {
							chosen.add(button.getText());
						}
					}
					String target = control.toNames().isEmpty() ? toName : control.toNames().get(0);
					edit(() -> session.setChoices(control.name(), target, chosen));
				});
				choiceButtons.add(choice);
			}
		}
	}

	// --- actions -------------------------------------------------------------------------------------------

	private Annotation shown() {
		return shownPrediction >= 0 && shownPrediction < predictions.size() ? predictions.get(shownPrediction) : null;
	}

	private void acceptSelected() {
		if (selectedPrediction == null) {
			fail(Messages.TaskEditor_selectPredictionRegion);
			return;
		}
		edit(() -> session.accept(shown(), selectedPrediction));
	}

	/** Labels the selected text, or relabels the selected region when no text is selected. */
	private void apply(ControlTag control, String label) {
		Point selection = completionView.text().getSelection();
		if (selection.y > selection.x) {
			Region[] created = new Region[1];
			if (edit(() -> created[0] = session.applyLabel(control.name(), toName, selection.x, selection.y, label))) {
				completionView.text().setSelection(selection.y);
				selectedRegions.clear();
				selectedRegions.add(created[0].json());
				refresh();
			}
		} else if (selectedRegions.size() == 1) {
			edit(() -> session.relabel(selected().get(0), label));
		} else {
			fail(Messages.TaskEditor_selectTextFirst);
		}
	}

	private void pickRegion(Event event) {
		StyledText text = completionView.text();
		if (text.getSelectionCount() > 0) {
			return; // selecting text to label it
		}
		Region region = completionView.regionAt(offsetAt(text, event));
		if ((event.stateMask & SWT.MOD1) == 0) {
			selectedRegions.clear();
		}
		if (region != null && !selectedRegions.remove(region.json())) {
			selectedRegions.add(region.json());
		}
		refresh();
	}

	private void keyPressed(Event event) {
		if (event.keyCode == SWT.DEL && !selectedRegions.isEmpty()) {
			deleteSelected();
			event.doit = false;
			return;
		}
		if ((event.stateMask & (SWT.MOD1 | SWT.MOD3)) != 0 || event.character == 0) {
			return;
		}
		String key = String.valueOf(event.character);
		for (ControlTag control : labelControls) {
			for (LabelValue value : control.values()) {
				if (value.hotkey() != null && value.value() != null && value.hotkey().equalsIgnoreCase(key)) {
					apply(control, value.value());
					event.doit = false;
					return;
				}
			}
		}
	}

	private List<Region> selected() {
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

	private void relateSelected() {
		List<Region> regions = selected();
		if (regions.size() != 2) {
			fail(Messages.TaskEditor_selectTwoRegions);
			return;
		}
		String label = relationLabel.getSelectionIndex() <= 0 ? null : relationLabel.getText();
		edit(() -> session.relate(regions.get(0), regions.get(1), label));
	}

	private void deleteSelected() {
		List<Region> regions = selected();
		if (regions.isEmpty()) {
			fail(Messages.TaskEditor_selectRegionFirst);
			return;
		}
		selectedRegions.clear();
		edit(() -> regions.forEach(session::delete));
	}

	private void resizeSelected() {
		List<Region> regions = selected();
		Point selection = completionView.text().getSelection();
		if (regions.size() != 1 || selection.y <= selection.x) {
			fail(Messages.TaskEditor_selectRegionAndText);
			return;
		}
		edit(() -> session.resize(regions.get(0), selection.x, selection.y));
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
	private boolean edit(Runnable change) {
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

	private void fail(String text) {
		message = text;
		refresh();
	}

	private void changed() {
		selectedRegions.retainAll(currentRegionNodes());
		firePropertyChange(PROP_DIRTY);
		refresh();
	}

	private Set<ObjectNode> currentRegionNodes() {
		Set<ObjectNode> nodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		Annotation current = session.current();
		if (current != null) {
			current.results().forEach(region -> nodes.add(region.json()));
		}
		return nodes;
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
		IFile next = file.getProject().getFolder(TaskStore.FOLDER).getFile(order.get(target).fileName());
		setInput(new FileEditorInput(next));
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

	private void refresh() {
		if (title == null || title.isDisposed()) {
			return;
		}
		Annotation shown = shown();
		Annotation current = session.current();
		String text = session.text(toName);
		title.setText(NLS.bind(Messages.TaskEditor_title,
				new Object[] { taskId, predictions.size(), session.completions().size() }));

		predictionCombo.setItems(predictions.stream().map(TaskEditor::describePrediction).toArray(String[]::new));
		if (shown != null) {
			predictionCombo.select(shownPrediction);
		}
		completionCombo.setItems(session.completions().stream().map(TaskEditor::describeCompletion).toArray(String[]::new));
		if (current != null) {
			completionCombo.select(session.currentIndex());
		}

		AnnotationDiff diff = AnnotationDiff.compare(shown, current);
		predictionView.showText(text);
		completionView.showText(text);
		Set<ObjectNode> predictionSelection = selectedPrediction == null ? Set.of() : Set.of(selectedPrediction.json());
		predictionView.render(shown == null ? List.of() : shown.results(), diff,
				shown == null ? Map.of() : session.problems(shown), session::isRejected, predictionSelection);
		Map<ObjectNode, List<String>> problems = current == null ? Map.of() : session.problems(current);
		completionView.render(current == null ? List.of() : current.results(), diff, problems, region -> false,
				selectedRegions);
		fillRelations(predictionRelations, null, shown);
		fillRelations(relations, relationRegions, current);
		Map<AnnotationDiff.Kind, Integer> counts = diff.counts();
		diffSummary.setText(shown == null ? Messages.TaskEditor_noPredictions
				: NLS.bind(Messages.TaskEditor_diffSummary,
						new Object[] { counts.get(AnnotationDiff.Kind.SAME), counts.get(AnnotationDiff.Kind.MISSING),
								counts.get(AnnotationDiff.Kind.LABEL), counts.get(AnnotationDiff.Kind.BOUNDARY),
								counts.get(AnnotationDiff.Kind.ADDED) }));
		showChoices(current);
		predictionChoices.setText(choicesOf(shown));

		createCompletion.setEnabled(shown != null);
		accept.setEnabled(selectedPrediction != null);
		reject.setEnabled(selectedPrediction != null);
		groundTruth.setEnabled(current != null);
		groundTruth.setSelection(session.isGroundTruth());
		submit.setEnabled(current != null);
		submit.setText(current != null && current.json().hasNonNull(TaskEditSession.SUBMITTED_AT)
				? Messages.TaskEditor_update : Messages.TaskEditor_submit);
		relate.setEnabled(selectedRegions.size() == 2);
		deleteRegion.setEnabled(!selectedRegions.isEmpty());
		resize.setEnabled(selectedRegions.size() == 1);
		undo.setEnabled(session.canUndo());
		redo.setEnabled(session.canRedo());

		String problemText = problems.isEmpty() ? "" : NLS.bind(Messages.TaskEditor_problems, problems.size());
		status.setText(message != null ? message : problemText);
		status.setForeground(message != null || !problems.isEmpty()
				? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		title.getParent().layout(true, true);
		predictionCombo.getParent().getParent().getParent().layout(true, true);
	}

	private void fillRelations(org.eclipse.swt.widgets.List list, List<Region> regions, Annotation annotation) {
		List<String> items = new ArrayList<>();
		if (regions != null) {
			regions.clear();
		}
		if (annotation != null) {
			Map<String, Region> byId = new java.util.HashMap<>();
			for (Region region : annotation.results()) {
				if (region.id() != null && region.kind() != Region.Kind.RELATION) {
					byId.put(region.id(), region);
				}
			}
			for (Region region : annotation.results()) {
				if (region.kind() == Region.Kind.RELATION) {
					items.add(NLS.bind(Messages.TaskEditor_relationItem, new Object[] { end(byId, region.fromId()),
							end(byId, region.toId()), String.join(", ", region.labels()) }));
					if (regions != null) {
						regions.add(region);
					}
				}
			}
		}
		list.setItems(items.toArray(String[]::new));
	}

	private static String end(Map<String, Region> byId, String id) {
		Region region = byId.get(id);
		return region == null ? "?" + id : AnnotationView.shorten(region.text()) + " (" + AnnotationView.firstLabel(region) + ")";
	}

	private void showChoices(Annotation current) {
		for (Button button : choiceButtons) {
			ControlTag control = (ControlTag) button.getData();
			boolean chosen = false;
			if (current != null) {
				for (Region region : current.results()) {
					if (region.kind() == Region.Kind.CHOICES && control.name().equals(region.fromName())
							&& region.labels().contains(button.getText())) {
						chosen = true;
					}
				}
			}
			button.setSelection(chosen);
		}
	}

	/** "Choices: domain = finance (0.97)" for the choices of a prediction, or nothing. */
	private static String choicesOf(Annotation annotation) {
		List<String> parts = new ArrayList<>();
		if (annotation != null) {
			for (Region region : annotation.results()) {
				if (region.kind() == Region.Kind.CHOICES) {
					com.fasterxml.jackson.databind.JsonNode score = region.json().get("score");
					parts.add(region.fromName() + " = " + String.join(", ", region.labels())
							+ (score != null && score.isNumber() ? " (" + AnnotationView.score(score.decimalValue()) + ")" : ""));
				}
			}
		}
		return parts.isEmpty() ? "" : NLS.bind(Messages.TaskEditor_predictionChoices, String.join(" \u00b7 ", parts));
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

	private static int offsetAt(StyledText text, Event event) {
		int offset = text.getOffsetAtPoint(new Point(event.x, event.y));
		return offset < 0 ? text.getCaretOffset() : offset;
	}

	/** Both sides show the same text at the same width: keep their top pixels equal. */
	private static void synchronizeScrolling(StyledText from, StyledText to) {
		from.addListener(SWT.Paint, e -> {
			if (to.getTopPixel() != from.getTopPixel()) {
				to.setTopPixel(from.getTopPixel());
			}
		});
	}

	/**
	 * Fills the side. The size hints matter: without them every layout asks the wrapping StyledText for its
	 * preferred size, which lays out the whole text (seconds for a 1 MB task).
	 */
	private static GridData textLayoutData() {
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.widthHint = 200;
		data.heightHint = 200;
		return data;
	}

	private static Composite column(Composite parent) {
		Composite column = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 2;
		layout.marginHeight = 2;
		column.setLayout(layout);
		return column;
	}

	private static Composite row(Composite parent, int columns) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(columns, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		row.setLayout(layout);
		row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return row;
	}

	private static Button button(Composite parent, String text, org.eclipse.swt.widgets.Listener listener) {
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
	public void setFocus() {
		if (completionView != null) {
			completionView.text().setFocus();
		}
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

	/** The widgets a test drives, as a user would. */
	public record Widgets(Button previous, Button next, Combo predictions, Button createCompletion, Button accept, Button reject,
			StyledText predictionText, Label predictionChoices, Combo completions, Button submit, StyledText completionText,
			List<Label> labelChips, Label status, Label diffSummary) {
	}

	public Widgets widgets() {
		return new Widgets(previous, next, predictionCombo, createCompletion, accept, reject, predictionView.text(),
				predictionChoices, completionCombo, submit, completionView.text(), List.copyOf(labelChips), status,
				diffSummary);
	}

	public TaskEditSession session() {
		return session;
	}
}
