package io.labelbench.ui.editors.task;

import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;

/**
 * The widgets both task editors share, as a test drives them: navigation, prediction history, completion bar,
 * label chips, the chips of the selection (assertion statuses, relation labels), status and diff summary.
 */
public record TaskEditorWidgets(Button previous, Button next, Combo predictions, Button createCompletion, Button accept,
		Button reject, Combo completions, Button groundTruth, Button submit, List<Label> labelChips, Label status,
		Label diffSummary, Label title, List<Label> reviewChips) {
}
