package io.labelbench.ui.wizards;

import java.nio.file.Path;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;

import io.labelbench.core.io.ExportFormat;
import io.labelbench.ui.Messages;

/** File > Export > Labelbench tasks: every {@link ExportFormat}, from GAL JSON to COCO and Pascal VOC boxes. */
public final class ExportTasksWizard extends Wizard implements IExportWizard {

	private IStructuredSelection selection;
	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.selection = currentSelection;
		setWindowTitle(Messages.ExportWizard_title);
	}

	@Override
	public void addPages() {
		page = new Page();
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		new ExportTasksJob(page.project.selected(), ExportFormat.values()[page.format.getSelectionIndex()],
				Path.of(page.file.getText().strip())).schedule();
		return true;
	}

	private final class Page extends WizardPage {
		ProjectCombo project;
		Combo format;
		Text file;

		Page() {
			super("export");
			setTitle(Messages.ExportWizard_title);
			setDescription(Messages.ExportWizard_description);
		}

		@Override
		public void createControl(Composite parent) {
			Composite body = new Composite(parent, SWT.NONE);
			body.setLayout(new GridLayout(3, false));
			new Label(body, SWT.NONE).setText(Messages.Wizard_project);
			project = new ProjectCombo(body, selection);
			project.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			new Label(body, SWT.NONE).setText(Messages.ExportWizard_format);
			format = new Combo(body, SWT.READ_ONLY);
			for (ExportFormat each : ExportFormat.values()) {
				format.add(each.id() + " (." + each.extension() + ")");
			}
			format.select(0);
			format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			new Label(body, SWT.NONE).setText(Messages.ExportWizard_file);
			file = new Text(body, SWT.BORDER);
			file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			Button browse = new Button(body, SWT.PUSH);
			browse.setText(Messages.ExportWizard_browse);
			browse.addListener(SWT.Selection, e -> {
				FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
				dialog.setOverwrite(true);
				String chosen = dialog.open();
				if (chosen != null) {
					file.setText(chosen);
				}
			});
			file.addModifyListener(e -> validate());
			project.control().addModifyListener(e -> validate());
			setControl(body);
			validate();
		}

		private void validate() {
			String error = project.selected() == null ? Messages.Wizard_noProject
					: file.getText().isBlank() ? Messages.ExportWizard_noFile : null;
			setErrorMessage(error);
			setPageComplete(error == null);
		}
	}
}
