package io.labelbench.ui.editors.task;

import static io.labelbench.ui.editors.task.EditorLayouts.column;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.IAction;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IReusableEditor;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.part.FileEditorInput;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.EditRefusedException;
import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.editors.task.TaskEditorController.StoredChange;
import io.labelbench.ui.tasks.TaskNavigation;
import io.labelbench.ui.tasks.TasksView;

/**
 * What the text and the visual task editors share: the task (see {@link TaskEditorController}) with the selected
 * prediction read-only on the left and the completion being edited on the right, the prediction history, create
 * completion from prediction, accept and reject of single regions, label chips from the config, submit,
 * undo/redo, next/previous task, and saving. Subclasses show the task itself.
 */
public abstract class TaskEditorBase extends EditorPart implements IReusableEditor {

	/** The key binding context of the task editors (Ctrl+Y for Redo). */
	public static final String CONTEXT_ID = "io.labelbench.ui.editors.taskEditorScope";

	private final TaskEditorController task = new TaskEditorController();
	private final TaskSelection selection = new TaskSelection();
	private final TaskFileWatcher watcher = new TaskFileWatcher(task::file,
			runnable -> getSite().getShell().getDisplay().asyncExec(runnable), this::takeStoredChanges,
			this::takeConfigChange);
	private final TaskEditActions actions = new TaskEditActions(() -> edit(session()::undo),
			() -> edit(session()::redo), this::copy, this::selectAll, this::deleteSelected);
	private LabelColors colors;
	/** A note for the status line (a refused edit, a failed save); {@code null} shows the problem count. */
	private String message;

	private TaskHeader header;
	private LabelChipsBar chips;
	private ReviewChips review;
	private PredictionHistoryBar history;
	private CompletionBar completions;
	private Label diffSummary;

	// --- input ---------------------------------------------------------------------------------------------

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		load(input);
		watcher.start();
	}

	@Override
	public void setInput(IEditorInput input) {
		try {
			load(input);
		} catch (PartInitException e) {
			message = e.getMessage();
		}
		if (header != null) {
			selection.pickPrediction(null);
			selection.clearRegions();
			inputChanged();
			refresh();
		}
	}

	private void load(IEditorInput input) throws PartInitException {
		task.load(input);
		message = null;
		super.setInput(input);
		setPartName(NLS.bind(Messages.TaskEditor_partName, task.taskId()));
		setTitleToolTip(task.file().getFullPath().toString());
		firePropertyChange(PROP_DIRTY);
	}

	/** The task changed on disk: take what another writer put there (one's own save changes nothing). */
	private void takeStoredChanges() {
		if (header == null || header.isDisposed()) {
			return;
		}
		StoredChange change;
		try {
			change = task.takeStoredChanges();
		} catch (IOException e) {
			fail(NLS.bind(Messages.TaskEditor_unreadable, task.file().getFullPath(), e.getMessage()));
			return;
		}
		if (change == StoredChange.OWN_SAVE) {
			return;
		}
		boolean reloaded = change == StoredChange.RELOADED;
		if (reloaded) {
			selection.clearRegions();
		}
		message = reloaded ? Messages.TaskEditor_reloaded : Messages.TaskEditor_predictionsUpdated;
		selection.pickPrediction(null);
		firePropertyChange(PROP_DIRTY);
		refresh();
	}

	/** Takes the project's labeling config again after it changed: chips, colours and what edits may do. */
	private void takeConfigChange() {
		if (header == null || header.isDisposed()) {
			return;
		}
		task.takeConfigChange();
		colors.update(config());
		configChanged();
		fillChips();
		refresh();
	}

	/** The config changed (already in {@link #config()}): take what the editor derives from it. */
	protected void configChanged() {
	}

	// --- widgets -------------------------------------------------------------------------------------------

	@Override
	public final void createPartControl(Composite parent) {
		colors = new LabelColors(config());
		parent.setLayout(new GridLayout(1, false));
		header = new TaskHeader(parent, () -> navigate(-1), () -> navigate(+1), this::createTopTools);
		chips = new LabelChipsBar(parent);
		review = new ReviewChips(parent, this::session, this::selected, this::edit);
		fillChips();

		SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
		sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite left = column(sides);
		history = new PredictionHistoryBar(left, index -> {
			task.showPrediction(index);
			selection.pickPrediction(null);
			refresh();
		}, () -> edit(() -> session().createFromPrediction(shown())), this::acceptSelected, this::rejectSelected);
		createPredictionView(left);

		Composite right = column(sides);
		completions = new CompletionBar(right, index -> {
			session().selectCompletion(index);
			selection.clearRegions();
			refresh();
		}, () -> edit(session()::newCompletion), flag -> edit(() -> session().setGroundTruth(flag)), this::submit);
		createCompletionView(right);
		sides.setWeights(1, 1);

		Composite below = EditorLayouts.evenRow(parent, 2);
		Composite predictionDetails = EditorLayouts.topColumn(below);
		diffSummary = EditorLayouts.wrappingLabel(predictionDetails, 200);
		createPredictionDetails(predictionDetails);
		createCompletionDetails(EditorLayouts.topColumn(below));
		EditorLayouts.wrappingLabel(parent, 400).setText(legend());

		actions.setFind(findAction());
		contributeEditActions(getEditorSite().getActionBars());
		// Ctrl+Y for Redo (the standard key configuration leaves it unbound on GTK), see plugin.xml
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		inputChanged();
		refresh();
	}

	private void fillChips() {
		chips.fill(labelControls(), colors, this::chipClicked, this::armedLabel);
	}

	/** The config's controls of {@link #labelControlType()} whose labels are offered as chips. */
	protected final List<ControlTag> labelControls() {
		return task.labelControls(labelControlType());
	}

	/** Makes this editor's actions the Edit commands' handlers: once created, and by {@link TaskEditorContributor}. */
	final void contributeEditActions(IActionBars bars) {
		if (header == null) {
			return; // not created yet: it contributes once it is
		}
		actions.contributeTo(bars);
	}

	/** Copies what is selected (text, or the text of the selected regions) to the clipboard. */
	protected abstract void copy();

	/** Selects everything the user would act on: the whole text, or every region shown. */
	protected abstract void selectAll();

	/** Edit > Find for this editor, or {@code null} when it has nothing to search. */
	protected IAction findAction() {
		return null;
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

	/** Shows the prediction and the completion, compared, with the completion's regions that do not fit. */
	protected abstract void render(Annotation shown, Annotation current, AnnotationDiff diff,
			Map<ObjectNode, List<String>> currentProblems);

	protected final LabelingConfig config() {
		return task.config();
	}

	protected final LabelbenchProject project() {
		return task.project();
	}

	protected final LabelColors colors() {
		return colors;
	}

	/** The prediction shown on the left, or {@code null}. */
	protected final Annotation shown() {
		return task.shown();
	}

	/** The picked prediction region and the selected completion regions. */
	final TaskSelection selection() {
		return selection;
	}

	/** The selected regions of the current completion. */
	protected final List<Region> selected() {
		return selection.in(session().current());
	}

	/** Selects one region of the completion, or adds it to (or takes it from) the selection. */
	protected final void select(Region region, boolean add) {
		selection.select(region, add);
		refresh();
	}

	/** Sets the assertion status {@code label} on the selected entity; {@code false} when none is selected. */
	protected final boolean applyAssertion(ControlTag control, String label) {
		return review.applyAssertion(control, label);
	}

	/** Puts a note in the status line, shown with the next refresh. */
	protected final void note(String text) {
		message = text;
	}

	// --- actions -------------------------------------------------------------------------------------------

	protected final void acceptSelected() {
		if (selection.prediction() == null) {
			fail(Messages.TaskEditor_selectPredictionRegion);
			return;
		}
		edit(() -> session().accept(shown(), selection.prediction()));
	}

	protected final void rejectSelected() {
		if (selection.prediction() != null) {
			session().reject(selection.prediction());
		}
		refresh();
	}

	protected final void deleteSelected() {
		List<Region> regions = selected();
		if (regions.isEmpty()) {
			fail(Messages.TaskEditor_selectRegionFirst);
			return;
		}
		selection.clearRegions();
		edit(() -> session().delete(regions));
	}

	private void submit() {
		if (session().current() == null) {
			fail(Messages.TaskEditor_nothingToSubmit);
			return;
		}
		session().submit();
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
		selection.retainIn(session().current());
		firePropertyChange(PROP_DIRTY);
		refresh();
	}

	private void navigate(int step) {
		TaskNavigation navigation = Adapters.adapt(getSite().getPage().findView(TasksView.ID), TaskNavigation.class);
		List<TaskId> order = task.navigationOrder(navigation);
		int index = order.indexOf(task.taskId());
		int target = index + step;
		if (index < 0 || target < 0 || target >= order.size()) {
			fail(step < 0 ? Messages.TaskEditor_firstTask : Messages.TaskEditor_lastTask);
		} else if (!session().isDirty() || SaveQuestion.savedOrDiscarded(getSite().getShell(), task.taskId(), () -> {
			doSave(null);
			return !session().isDirty(); // else the save failed and said why
		})) {
			setInput(new FileEditorInput(task.fileOf(order.get(target))));
		}
	}

	// --- showing -------------------------------------------------------------------------------------------

	protected final void refresh() {
		if (header == null || header.isDisposed()) {
			return;
		}
		TaskEditSession session = session();
		Annotation shown = shown();
		Annotation current = session.current();
		history.show(task.predictions(), task.shownIndex(), selection.prediction() != null);
		completions.show(session);
		AnnotationDiff diff = AnnotationDiff.compare(shown, current, session.assertions().labels());
		diffSummary.setText(PredictionHistoryBar.summary(shown, diff));
		Map<ObjectNode, List<String>> currentProblems = current == null ? Map.of() : session.problems(current);
		render(shown, current, diff, currentProblems);
		actions.update(session.canUndo(), session.canRedo(), !selection.isEmpty());
		review.update(config(), colors);

		header.show(task.taskId(), task.predictions().size(), session.completions().size(), message,
				currentProblems.size());
	}

	// --- saving --------------------------------------------------------------------------------------------

	@Override
	public void doSave(IProgressMonitor monitor) {
		try {
			task.save(monitor);
			message = null;
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
		return session() != null && session().isDirty();
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public void dispose() {
		watcher.stop();
		if (colors != null) {
			colors.dispose();
		}
		super.dispose();
	}

	// --- for tests -----------------------------------------------------------------------------------------

	/** The shared widgets a test drives, as a user would. */
	public final TaskEditorWidgets widgets() {
		return new TaskEditorWidgets(header.previous, header.next, history.predictions, history.createCompletion, history.accept,
				history.reject, completions.completions, completions.groundTruth, completions.submit, chips.chips(),
				header.status, diffSummary, header.title, review.chips());
	}

	public final TaskEditSession session() {
		return task.session();
	}
}
