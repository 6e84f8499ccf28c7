package io.labelbench.ui.hub;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/** Which labels of a model to add (all ticked), to which project, under which Labels control. */
public final class AddLabelsDialog extends Dialog {

	private final String model;
	private final List<String> labels;
	private final List<IProject> projects;
	private final int preselected;
	private Table table;
	private Combo projectCombo;
	private Text controlText;
	private List<String> chosen = List.of();
	private IProject project;
	private String control;

	private final boolean controlChosenByConfig;

	public AddLabelsDialog(Shell shell, String model, List<String> labels, List<IProject> projects, int preselected) {
		this(shell, model, labels, projects, preselected, false);
	}

	/**
	 * @param controlChosenByConfig for assertion and relation models, whose labels go where the config's NER labels
	 *                              are: no control to name
	 */
	public AddLabelsDialog(Shell shell, String model, List<String> labels, List<IProject> projects, int preselected,
			boolean controlChosenByConfig) {
		super(shell);
		this.model = model;
		this.labels = labels;
		this.projects = projects;
		this.preselected = preselected;
		this.controlChosenByConfig = controlChosenByConfig;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.AddLabels_title, model));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		Label intro = new Label(area, SWT.WRAP);
		intro.setText(Messages.AddLabels_intro);
		intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		table = new Table(area, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.heightHint = 180;
		tableData.widthHint = 360;
		table.setLayoutData(tableData);
		for (String label : labels) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(label);
			item.setChecked(true);
		}
		new Label(area, SWT.NONE).setText(Messages.AddLabels_project);
		projectCombo = new Combo(area, SWT.READ_ONLY);
		projects.forEach(p -> projectCombo.add(p.getName()));
		if (!projects.isEmpty()) {
			projectCombo.select(Math.max(0, preselected));
		}
		projectCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(area, SWT.NONE).setText(Messages.AddLabels_control);
		controlText = new Text(area, SWT.BORDER);
		controlText.setText(controlChosenByConfig ? Messages.AddLabels_controlChosen : "label");
		controlText.setEnabled(!controlChosenByConfig);
		controlText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setEnabled(!projects.isEmpty());
	}

	@Override
	protected void okPressed() {
		List<String> ticked = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			if (item.getChecked()) {
				ticked.add(item.getText());
			}
		}
		chosen = ticked;
		project = projects.get(projectCombo.getSelectionIndex());
		control = controlText.getText().strip();
		super.okPressed();
	}

	/** For tests: untick a label as a user would. */
	public void setChecked(String label, boolean checked) {
		for (TableItem item : table.getItems()) {
			if (item.getText().equals(label)) {
				item.setChecked(checked);
			}
		}
	}

	public List<String> chosenLabels() {
		return chosen;
	}

	public IProject project() {
		return project;
	}

	public String controlName() {
		return control;
	}
}
