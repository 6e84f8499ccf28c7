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
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;

/** File > New > Labelbench Project: a project with a starter labeling config and the current user as Owner. */
public final class NewProjectWizard extends Wizard implements INewWizard {

	public static final String ID = "io.labelbench.ui.newProjectWizard";

	static final String STARTER_CONFIG = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="PERSON" background="#E91E63"/>
			    <Label value="ORG" background="#3F51B5"/>
			    <Label value="DATE" background="#009688"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	private WizardNewProjectCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		setWindowTitle(Messages.NewProjectWizard_title);
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("labelbench");
		page.setTitle(Messages.NewProjectWizard_title);
		page.setDescription(Messages.NewProjectWizard_description);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IPath location = page.useDefaults() ? page.getLocationPath().append(page.getProjectName()) : page.getLocationPath();
		Path folder = location.toPath();
		new WorkspaceJob(Messages.NewProjectWizard_title) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				try {
					LabelbenchProject project = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
					if (!Files.exists(project.configFile())) {
						Files.writeString(project.configFile(), STARTER_CONFIG, StandardCharsets.UTF_8);
					}
				} catch (IOException e) {
					return Status.error(e.getMessage(), e);
				}
				IProject created = LabelbenchProjects.openOrCreate(folder, monitor);
				return created.exists() ? Status.OK_STATUS : Status.error(folder.toString());
			}
		}.schedule();
		return true;
	}
}
