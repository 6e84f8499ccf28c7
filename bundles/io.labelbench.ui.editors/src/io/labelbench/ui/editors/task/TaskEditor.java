package io.labelbench.ui.editors.task;

import static io.labelbench.ui.editors.task.EditorLayouts.button;
import static io.labelbench.ui.editors.task.EditorLayouts.row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.IFindReplaceTarget;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.texteditor.FindReplaceAction;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.ui.tasks.TaskEditors;

/**
 * The task editor for text: both sides show the task text, scrolled together, with the spans in their label
 * colours and the differences underlined. Text is labelled by selecting it and clicking a label or pressing its
 * hotkey; regions are clicked to select, relabel, resize, delete or relate them.
 */
public final class TaskEditor extends TaskEditorBase {

	public static final String ID = TaskEditors.ID;

	/** The object whose text is shown: the first that a Labels control labels. */
	private String toName = "text";
	private AnnotationView predictionView;
	private AnnotationView completionView;
	private Label predictionChoices;
	private org.eclipse.swt.widgets.List predictionRelations;
	private ChoiceButtons choices;
	private org.eclipse.swt.widgets.List relations;
	private final List<Region> relationRegions = new ArrayList<>();
	private Button deleteRegion;
	private Button resize;

	@Override
	protected String labelControlType() {
		return "labels";
	}

	@Override
	protected void inputChanged() {
		List<ControlTag> controls = labelControls();
		toName = controls.isEmpty() ? "text" : controls.get(0).toNames().get(0);
	}

	@Override
	protected void configChanged() {
		inputChanged();
	}

	/** The side the user works in: the one with the focus, else the completion. */
	private StyledText focusedText() {
		return predictionView.text().isFocusControl() ? predictionView.text() : completionView.text();
	}

	@Override
	protected void copy() {
		focusedText().copy();
	}

	@Override
	protected void selectAll() {
		focusedText().selectAll();
	}

	@Override
	protected IAction findAction() {
		FindReplaceAction find = new FindReplaceAction(
				ResourceBundle.getBundle("io.labelbench.ui.editors.actions"), "TaskFind.", this);
		find.setActionDefinitionId(IWorkbenchCommandConstants.EDIT_FIND_AND_REPLACE);
		return find;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IFindReplaceTarget.class && completionView != null) {
			return adapter.cast(new TextFinder(this::focusedText));
		}
		return super.getAdapter(adapter);
	}

	@Override
	protected void chipClicked(ControlTag control, String label) {
		apply(control, label);
	}

	@Override
	protected String legend() {
		return Messages.TaskEditor_legend;
	}

	@Override
	protected void createPredictionView(Composite side) {
		predictionView = new AnnotationView(side, colors());
		predictionView.text().setLayoutData(textLayoutData());
		predictionView.text().addListener(SWT.MouseUp, e -> {
			if (e.button == 1) {
				pickPrediction(e.x, e.y);
			}
		});
		predictionView.text().addListener(SWT.MouseDoubleClick, e -> {
			selection().pickPrediction(predictionView.hit(e.x, e.y));
			acceptSelected();
		});
		new TaskContextMenu(predictionView.text(), this::pickPrediction, () -> {
			boolean picked = selection().prediction() != null;
			return List.of(new TaskContextMenu.Item(Messages.TaskEditor_accept, picked, this::acceptSelected),
					new TaskContextMenu.Item(Messages.TaskEditor_reject, picked, this::rejectSelected));
		});
	}

	private void pickPrediction(int x, int y) {
		selection().pickPrediction(predictionView.hit(x, y));
		refresh();
	}

	/** Right click in the completion: picks what is under the mouse unless it is already selected. */
	private void pickForMenu(int x, int y) {
		Region region = completionView.hit(x, y);
		if (region != null && !selection().regions().contains(region.json())) {
			select(region, false);
		}
	}

	private List<TaskContextMenu.Item> completionMenu() {
		List<Region> regions = selected();
		Region single = regions.size() == 1 ? regions.get(0) : null;
		boolean relation = single != null && single.kind() == Region.Kind.RELATION;
		boolean hasStatus = single != null && (session().assertions().isAssertion(single)
				|| session().assertionStatus(session().current(), single) != null);
		return List.of(new TaskContextMenu.Item(Messages.TaskEditor_deleteRegion, !regions.isEmpty(), this::deleteSelected),
				new TaskContextMenu.Item(Messages.TaskEditor_reverseRelation, relation,
						() -> edit(() -> session().reverse(single))),
				new TaskContextMenu.Item(Messages.TaskEditor_removeAssertion, hasStatus, () -> edit(() -> {
					Region entity = session().assertions().isAssertion(single)
							? session().assertions().entityOf(session().current(), single) : single;
					session().removeAssertion(entity);
				})));
	}

	@Override
	protected void createCompletionView(Composite side) {
		completionView = new AnnotationView(side, colors());
		StyledText text = completionView.text();
		text.setLayoutData(textLayoutData());
		text.addListener(SWT.MouseUp, this::pickRegion);
		text.addListener(SWT.KeyDown, this::keyPressed);
		new TaskContextMenu(text, this::pickForMenu, this::completionMenu);
		synchronizeScrolling(predictionView.text(), text);
		synchronizeScrolling(text, predictionView.text());
	}

	@Override
	protected void createPredictionDetails(Composite details) {
		predictionChoices = new Label(details, SWT.WRAP);
		predictionChoices.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(details, SWT.NONE).setText(Messages.TaskEditor_predictionRelations);
		predictionRelations = new org.eclipse.swt.widgets.List(details, SWT.BORDER | SWT.V_SCROLL);
		GridData relationsData = new GridData(SWT.FILL, SWT.TOP, true, false);
		relationsData.heightHint = 48;
		predictionRelations.setLayoutData(relationsData);
	}

	@Override
	protected void createCompletionDetails(Composite details) {
		choices = new ChoiceButtons(details, config(), () -> toName, this::edit, this::session);
		Composite regionRow = row(details, 3);
		deleteRegion = button(regionRow, Messages.TaskEditor_deleteRegion, e -> deleteSelected());
		resize = button(regionRow, Messages.TaskEditor_resize, e -> resizeSelected());
		button(regionRow, Messages.TaskEditor_deleteRelation, e -> {
			int index = relations.getSelectionIndex();
			if (index >= 0 && index < relationRegions.size()) {
				edit(() -> session().delete(relationRegions.get(index)));
			}
		});
		// the relations across the full width: a broken one tells why at the end of its line
		relations = new org.eclipse.swt.widgets.List(details, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		GridData relationsData = new GridData(SWT.FILL, SWT.TOP, true, false);
		relationsData.heightHint = 48;
		relationsData.widthHint = 200;
		relations.setLayoutData(relationsData);
		relations.addListener(SWT.Selection, e -> {
			int index = relations.getSelectionIndex();
			if (index >= 0 && index < relationRegions.size()) {
				select(relationRegions.get(index), false);
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

	// --- actions -------------------------------------------------------------------------------------------

	/** Labels the selected text, or relabels the selected region when no text is selected. */
	private void apply(ControlTag control, String label) {
		Point selection = completionView.text().getSelection();
		if (selection.y > selection.x) {
			Region[] created = new Region[1];
			if (edit(() -> created[0] = session().applyLabel(control.name(), toName, selection.x, selection.y, label))) {
				completionView.text().setSelection(selection.y);
				select(created[0], false);
			}
		} else if (config() != null && config().assertionLabels().contains(label)) {
			if (!applyAssertion(control, label)) {
				fail(Messages.TaskEditor_selectEntityFirst);
			}
		} else if (selection().regions().size() == 1) {
			edit(() -> session().relabel(selected().get(0), label));
		} else {
			fail(Messages.TaskEditor_selectTextFirst);
		}
	}

	/** A click selects what is under the mouse; Ctrl+click adds it (two entities: the relation chips show). */
	private void pickRegion(Event event) {
		StyledText text = completionView.text();
		if (text.getSelectionCount() > 0 || event.button != 1) {
			return; // selecting text to label it, or the context menu
		}
		select(completionView.hit(event.x, event.y), (event.stateMask & SWT.MOD1) != 0);
	}

	private void keyPressed(Event event) {
		if (event.keyCode == SWT.DEL && !selection().regions().isEmpty()) {
			deleteSelected();
			event.doit = false;
			return;
		}
		if ((event.stateMask & (SWT.MOD1 | SWT.MOD3)) != 0 || event.character == 0) {
			return;
		}
		String key = String.valueOf(event.character);
		for (ControlTag control : labelControls()) {
			for (LabelValue value : control.values()) {
				if (value.hotkey() != null && value.value() != null && value.hotkey().equalsIgnoreCase(key)) {
					apply(control, value.value());
					event.doit = false;
					return;
				}
			}
		}
	}

	private void resizeSelected() {
		List<Region> regions = selected();
		Point selection = completionView.text().getSelection();
		if (regions.size() != 1 || selection.y <= selection.x) {
			fail(Messages.TaskEditor_selectRegionAndText);
			return;
		}
		edit(() -> session().resize(regions.get(0), selection.x, selection.y));
	}

	// --- showing -------------------------------------------------------------------------------------------

	@Override
	protected void render(Annotation shown, Annotation current, AnnotationDiff diff,
			Map<ObjectNode, List<String>> currentProblems) {
		String text = session().text(toName);
		predictionView.showText(text);
		completionView.showText(text);
		Set<ObjectNode> predictionSelection = selection().predictionAsSet();
		Map<ObjectNode, List<String>> shownProblems = shown == null ? Map.of() : session().problems(shown);
		predictionView.render(shown == null ? List.of() : shown.results(), diff, shownProblems, session()::isRejected,
				predictionSelection, session().assertions());
		completionView.render(current == null ? List.of() : current.results(), diff, currentProblems, region -> false,
				selection().regions(), session().assertions());
		fillRelations(predictionRelations, null, shown, shownProblems);
		fillRelations(relations, relationRegions, current, currentProblems);
		choices.show(current);
		predictionChoices.setText(ChoiceButtons.choicesOf(shown));
		deleteRegion.setEnabled(!selection().regions().isEmpty());
		resize.setEnabled(selection().regions().size() == 1);
	}

	/** Lists the relations; one with an end that names no region is marked and tells why (it is kept as it is). */
	private void fillRelations(org.eclipse.swt.widgets.List list, List<Region> regions, Annotation annotation,
			Map<ObjectNode, List<String>> problems) {
		List<String> items = new ArrayList<>();
		if (regions != null) {
			regions.clear();
		}
		if (annotation != null) {
			Map<String, Region> byId = new HashMap<>();
			for (Region region : annotation.results()) {
				if (region.id() != null && region.kind() != Region.Kind.RELATION) {
					byId.put(region.id(), region);
				}
			}
			for (Region region : annotation.results()) {
				if (region.kind() == Region.Kind.RELATION) {
					String item = NLS.bind(Messages.TaskEditor_relationItem, new Object[] { end(byId, region.fromId()),
							end(byId, region.toId()), String.join(", ", region.labels()) });
					List<String> wrong = problems.getOrDefault(region.json(), List.of());
					items.add(wrong.isEmpty() ? item : "\u26a0 " + item + " \u2014 " + String.join("; ", wrong));
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

	/** Both sides show the same text at the same width: keep their top pixels equal. */
	private static void synchronizeScrolling(StyledText from, StyledText to) {
		from.addListener(SWT.Paint, e -> {
			if (to.getTopPixel() != from.getTopPixel()) {
				to.setTopPixel(from.getTopPixel());
			}
		});
	}

	@Override
	public void setFocus() {
		if (completionView != null) {
			completionView.text().setFocus();
		}
	}

	// --- for tests -----------------------------------------------------------------------------------------

	public StyledText predictionText() {
		return predictionView.text();
	}

	public StyledText completionText() {
		return completionView.text();
	}

	public Label predictionChoices() {
		return predictionChoices;
	}

	/** The relations listed below the completion (or the prediction), as shown. */
	public String[] relationItems(boolean prediction) {
		return (prediction ? predictionRelations : relations).getItems();
	}

	/** Where the label of a relation arc or an assertion tag is drawn on one side, or {@code null}. */
	public org.eclipse.swt.graphics.Rectangle drawnLabel(Region region, boolean prediction) {
		return (prediction ? predictionView : completionView).arcs().labelBox(region);
	}

	public org.eclipse.swt.widgets.Menu contextMenu(boolean prediction) {
		return (prediction ? predictionView : completionView).text().getMenu();
	}
}
