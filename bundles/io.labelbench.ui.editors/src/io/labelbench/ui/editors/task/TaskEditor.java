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
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.texteditor.FindReplaceAction;

import com.fasterxml.jackson.databind.JsonNode;
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
	private final List<Button> choiceButtons = new ArrayList<>();
	private org.eclipse.swt.widgets.List relations;
	private final List<Region> relationRegions = new ArrayList<>();
	private Combo relationLabel;
	private Button relate;
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
		if (relationLabel != null) {
			relationLabel.setItems(relationValues().toArray(String[]::new));
			relationLabel.select(0);
		}
	}

	private List<String> relationValues() {
		List<String> relationValues = new ArrayList<>();
		relationValues.add(Messages.TaskEditor_noRelationLabel);
		if (config() != null) {
			relationValues.addAll(config().relationLabels());
		}
		return relationValues;
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
			selection().pickPrediction(predictionView.regionAt(offsetAt(predictionView.text(), e)));
			refresh();
		});
		predictionView.text().addListener(SWT.MouseDoubleClick, e -> {
			selection().pickPrediction(predictionView.regionAt(offsetAt(predictionView.text(), e)));
			acceptSelected();
		});
	}

	@Override
	protected void createCompletionView(Composite side) {
		completionView = new AnnotationView(side, colors());
		StyledText text = completionView.text();
		text.setLayoutData(textLayoutData());
		text.addListener(SWT.MouseUp, this::pickRegion);
		text.addListener(SWT.KeyDown, this::keyPressed);
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
		relationLabel.setItems(relationValues().toArray(String[]::new));
		relationLabel.select(0);
		relate = button(relationRow, Messages.TaskEditor_relate, e -> relateSelected());
		button(relationRow, Messages.TaskEditor_deleteRelation, e -> {
			int index = relations.getSelectionIndex();
			if (index >= 0 && index < relationRegions.size()) {
				edit(() -> session().delete(relationRegions.get(index)));
			}
		});
	}

	private void createChoices(Composite side) {
		choiceButtons.clear();
		if (config() == null) {
			return;
		}
		for (ControlTag control : config().controlTags()) {
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
					edit(() -> session().setChoices(control.name(), target, chosen));
				});
				choiceButtons.add(choice);
			}
		}
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
		} else if (selection().regions().size() == 1) {
			edit(() -> session().relabel(selected().get(0), label));
		} else {
			fail(Messages.TaskEditor_selectTextFirst);
		}
	}

	private void pickRegion(Event event) {
		StyledText text = completionView.text();
		if (text.getSelectionCount() > 0) {
			return; // selecting text to label it
		}
		select(completionView.regionAt(offsetAt(text, event)), (event.stateMask & SWT.MOD1) != 0);
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

	private void relateSelected() {
		List<Region> regions = selected();
		if (regions.size() != 2) {
			fail(Messages.TaskEditor_selectTwoRegions);
			return;
		}
		String label = relationLabel.getSelectionIndex() <= 0 ? null : relationLabel.getText();
		edit(() -> session().relate(regions.get(0), regions.get(1), label));
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
		predictionView.render(shown == null ? List.of() : shown.results(), diff,
				shown == null ? Map.of() : session().problems(shown), session()::isRejected, predictionSelection);
		completionView.render(current == null ? List.of() : current.results(), diff, currentProblems, region -> false,
				selection().regions());
		fillRelations(predictionRelations, null, shown);
		fillRelations(relations, relationRegions, current);
		showChoices(current);
		predictionChoices.setText(choicesOf(shown));
		relate.setEnabled(selection().regions().size() == 2);
		deleteRegion.setEnabled(!selection().regions().isEmpty());
		resize.setEnabled(selection().regions().size() == 1);
	}

	private void fillRelations(org.eclipse.swt.widgets.List list, List<Region> regions, Annotation annotation) {
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
					JsonNode score = region.json().get("score");
					parts.add(region.fromName() + " = " + String.join(", ", region.labels())
							+ (score != null && score.isNumber() ? " (" + AnnotationView.score(score.decimalValue()) + ")" : ""));
				}
			}
		}
		return parts.isEmpty() ? "" : NLS.bind(Messages.TaskEditor_predictionChoices, String.join(" \u00b7 ", parts));
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
}
