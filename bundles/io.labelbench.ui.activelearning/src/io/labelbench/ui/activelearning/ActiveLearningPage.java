package io.labelbench.ui.activelearning;

import java.io.IOException;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.dialogs.PropertyPage;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.training.ActiveLearning;
import io.labelbench.project.training.TrainingType;
import io.labelbench.ui.LabelbenchProjects;

/**
 * Project > Properties > Active Learning: retrain after every 50, 100, 200 or a custom number of new submitted
 * completions, which model, whether to deploy the new version; and the status — when the next training is due,
 * what the last one scored.
 */
public final class ActiveLearningPage extends PropertyPage {

	private static final int MAX_EVERY = 100_000;

	private Button enabled;
	private Combo every;
	private Spinner custom;
	private Combo type;
	private Button deploy;
	private Label next;
	private Label last;

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(page);
		Label description = new Label(page, SWT.WRAP);
		description.setText(Messages.Page_description);
		GridDataFactory.fillDefaults().span(4, 1).hint(420, SWT.DEFAULT).grab(true, false).applyTo(description);

		enabled = new Button(page, SWT.CHECK);
		enabled.setText(Messages.Page_enable);
		every = new Combo(page, SWT.READ_ONLY);
		ActiveLearning.PRESETS.forEach(n -> every.add(Integer.toString(n)));
		every.add(Messages.Page_custom);
		custom = new Spinner(page, SWT.BORDER);
		custom.setValues(ActiveLearning.DEFAULT_EVERY, 1, MAX_EVERY, 0, 1, 10);
		new Label(page, SWT.NONE).setText(Messages.Page_completions);

		Label typeLabel = new Label(page, SWT.NONE);
		typeLabel.setText(Messages.Page_type);
		type = new Combo(page, SWT.READ_ONLY);
		type.setItems(Messages.Page_ner, Messages.Page_classification);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(type);
		deploy = new Button(page, SWT.CHECK);
		deploy.setText(Messages.Page_deploy);
		GridDataFactory.fillDefaults().span(4, 1).applyTo(deploy);

		Group status = new Group(page, SWT.NONE);
		status.setText(Messages.Page_status);
		GridLayoutFactory.swtDefaults().applyTo(status);
		GridDataFactory.fillDefaults().span(4, 1).grab(true, false).indent(0, 10).applyTo(status);
		next = new Label(status, SWT.WRAP);
		last = new Label(status, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(next);
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(last);

		enabled.addListener(SWT.Selection, e -> enable());
		every.addListener(SWT.Selection, e -> enable());
		show();
		return page;
	}

	private IProject project() {
		return getElement().getAdapter(IProject.class);
	}

	private ActiveLearning learning() {
		LabelbenchProject lb = LabelbenchProjects.of(project());
		return lb == null ? null : new ActiveLearning(lb);
	}

	private void show() {
		ActiveLearning learning = learning();
		ActiveLearning.Status status;
		try {
			status = learning == null ? null : learning.status();
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
			status = null;
		}
		ActiveLearning.Settings settings = status == null ? ActiveLearning.Settings.OFF : status.settings();
		enabled.setSelection(settings.enabled());
		int n = settings.enabled() ? settings.every() : ActiveLearning.DEFAULT_EVERY;
		int preset = ActiveLearning.PRESETS.indexOf(n);
		every.select(preset >= 0 ? preset : ActiveLearning.PRESETS.size());
		custom.setSelection(n);
		type.select(settings.type() == TrainingType.CLASSIFICATION ? 1 : 0);
		deploy.setSelection(settings.deploy());
		showStatus(status);
		enable();
	}

	private void showStatus(ActiveLearning.Status status) {
		if (status != null) {
			next.setText(StatusText.next(status, ActiveTrainings.active(project())));
			last.setText(StatusText.last(status));
			next.getParent().getParent().layout(true, true);
		}
	}

	private void enable() {
		boolean on = enabled.getSelection();
		every.setEnabled(on);
		custom.setEnabled(on && every.getSelectionIndex() == ActiveLearning.PRESETS.size());
		type.setEnabled(on);
		deploy.setEnabled(on);
	}

	/** The setting the page shows. */
	ActiveLearning.Settings settings() {
		if (!enabled.getSelection()) {
			return new ActiveLearning.Settings(0, deploy.getSelection(), selectedType());
		}
		int index = every.getSelectionIndex();
		int n = index >= 0 && index < ActiveLearning.PRESETS.size() ? ActiveLearning.PRESETS.get(index)
				: custom.getSelection();
		return new ActiveLearning.Settings(n, deploy.getSelection(), selectedType());
	}

	private TrainingType selectedType() {
		return type.getSelectionIndex() == 1 ? TrainingType.CLASSIFICATION : TrainingType.NER;
	}

	@Override
	protected void performDefaults() {
		enabled.setSelection(false);
		every.select(ActiveLearning.PRESETS.indexOf(ActiveLearning.DEFAULT_EVERY));
		deploy.setSelection(false);
		enable();
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		ActiveLearning learning = learning();
		if (learning == null) {
			return true;
		}
		try {
			ActiveLearning.Status status = learning.configure(settings());
			// a lower N may make a training due at once
			ActiveTrainings.startIfDue(project(), learning);
			showStatus(status);
		} catch (IOException e) {
			MessageDialog.openError(getShell(), getTitle(),
					NLS.bind(Messages.Page_saveFailed, project().getName(), e.getMessage()));
			return false;
		}
		ActiveLearningDecorator.refresh();
		return true;
	}
}
