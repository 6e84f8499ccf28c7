package io.labelbench.ui.wizards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.List;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;

import io.labelbench.config.ConfigTemplate;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;

/**
 * File > New > Labelbench Project: a project whose labeling config starts from a template (NER, classification,
 * assertion and relations, Visual NER), with the current user as Owner.
 */
public final class NewProjectWizard extends Wizard implements INewWizard {

	public static final String ID = "io.labelbench.ui.newProjectWizard";

	private Page page;
	private Job created;

	/** The project page with the template list below name and location. */
	public static final class Page extends WizardNewProjectCreationPage {
		private List templates;

		Page() {
			super("labelbench");
		}

		@Override
		public void createControl(Composite parent) {
			super.createControl(parent);
			Composite body = (Composite) getControl();
			Group group = new Group(body, SWT.NONE);
			group.setText(Messages.NewProjectWizard_template);
			group.setLayout(new GridLayout());
			group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
			templates = new List(group, SWT.SINGLE | SWT.BORDER);
			templates.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
			for (ConfigTemplate template : ConfigTemplate.values()) {
				templates.add(title(template));
			}
			templates.select(0);
			body.requestLayout();
		}

		/** The template chosen. */
		public ConfigTemplate template() {
			return ConfigTemplate.values()[Math.max(0, templates.getSelectionIndex())];
		}

		/** For tests: fills the form as a user would. */
		public void fill(String projectName, ConfigTemplate template) {
			templates.select(template.ordinal());
			getProjectNameField().setText(projectName);
		}

		private org.eclipse.swt.widgets.Text getProjectNameField() {
			// the name field is the page's first text field
			for (Control control : ((Composite) ((Composite) getControl()).getChildren()[0]).getChildren()) {
				if (control instanceof org.eclipse.swt.widgets.Text text) {
					return text;
				}
			}
			throw new IllegalStateException("no project name field");
		}
	}

	/** The template's name as the wizard lists it. */
	static String title(ConfigTemplate template) {
		return switch (template) {
		case NER -> Messages.NewProjectWizard_templateNer;
		case CLASSIFICATION -> Messages.NewProjectWizard_templateClassification;
		case ASSERTION_RELATIONS -> Messages.NewProjectWizard_templateAssertionRelations;
		case VISUAL_NER -> Messages.NewProjectWizard_templateVisualNer;
		};
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		setWindowTitle(Messages.NewProjectWizard_title);
	}

	@Override
	public void addPages() {
		page = new Page();
		page.setTitle(Messages.NewProjectWizard_title);
		page.setDescription(Messages.NewProjectWizard_description);
		addPage(page);
	}

	/** For tests: the wizard's page. */
	public Page page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		IPath location = page.useDefaults() ? page.getLocationPath().append(page.getProjectName()) : page.getLocationPath();
		Path folder = location.toPath();
		String config = page.template().text();
		created = new WorkspaceJob(Messages.NewProjectWizard_title) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				try {
					LabelbenchProject project = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
					if (!Files.exists(project.configFile())) {
						Files.writeString(project.configFile(), config, StandardCharsets.UTF_8);
					}
				} catch (IOException e) {
					return Status.error(e.getMessage(), e);
				}
				IProject created = LabelbenchProjects.openOrCreate(folder, monitor);
				return created.exists() ? Status.OK_STATUS : Status.error(folder.toString());
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LabelbenchJobs.FAMILY_NEW_PROJECT;
			}
		};
		created.setUser(true);
		created.schedule();
		return true;
	}
}
