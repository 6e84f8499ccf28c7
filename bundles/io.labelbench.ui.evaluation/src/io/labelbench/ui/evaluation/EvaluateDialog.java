package io.labelbench.ui.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;

import io.labelbench.core.eval.PredictionChoice;

/**
 * Which predictions to compare (the latest of each task, or one model version the project's predictions carry)
 * and, when no task is tagged "test", the share of tasks held out by id.
 */
final class EvaluateDialog extends Dialog {

	static final int DEFAULT_SPLIT_PERCENT = 20;

	private final String projectName;
	private final EvaluateHandler.Choices choices;
	private final List<String> versions = new ArrayList<>();
	private Combo predictionsCombo;
	private Spinner splitSpinner;
	private PredictionChoice predictions = PredictionChoice.latest();
	private Double split;

	EvaluateDialog(Shell shell, String projectName, EvaluateHandler.Choices choices) {
		super(shell);
		this.projectName = projectName;
		this.choices = choices;
		choices.versions().stream().filter(v -> !v.isBlank()).forEach(versions::add);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Evaluate_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		Label message = new Label(area, SWT.WRAP);
		message.setText(NLS.bind(Messages.EvaluateDialog_message, projectName));
		GridDataFactory.fillDefaults().span(2, 1).hint(convertWidthInCharsToPixels(70), SWT.DEFAULT).applyTo(message);
		new Label(area, SWT.NONE).setText(Messages.EvaluateDialog_predictions);
		predictionsCombo = new Combo(area, SWT.READ_ONLY);
		predictionsCombo.add(Messages.EvaluateDialog_latest);
		versions.forEach(v -> predictionsCombo.add(NLS.bind(Messages.EvaluateDialog_version, v)));
		predictionsCombo.select(0);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(predictionsCombo);
		if (choices.tagged() > 0) {
			Label tagged = new Label(area, SWT.WRAP);
			tagged.setText(Messages.format(Messages.EvaluateDialog_tagged, choices.tagged()));
			GridDataFactory.fillDefaults().span(2, 1).applyTo(tagged);
		} else {
			Label label = new Label(area, SWT.WRAP);
			label.setText(Messages.EvaluateDialog_split);
			GridDataFactory.fillDefaults().hint(convertWidthInCharsToPixels(45), SWT.DEFAULT).applyTo(label);
			splitSpinner = new Spinner(area, SWT.BORDER);
			splitSpinner.setValues(DEFAULT_SPLIT_PERCENT, 1, 100, 0, 5, 10);
		}
		return area;
	}

	@Override
	protected void okPressed() {
		int index = predictionsCombo.getSelectionIndex();
		predictions = index <= 0 ? PredictionChoice.latest() : PredictionChoice.version(versions.get(index - 1));
		split = splitSpinner == null ? null : splitSpinner.getSelection() / 100.0;
		super.okPressed();
	}

	PredictionChoice predictions() {
		return predictions;
	}

	/** The fraction of tasks held out by id, or {@code null} when the tasks tagged "test" are used. */
	Double split() {
		return split;
	}
}
