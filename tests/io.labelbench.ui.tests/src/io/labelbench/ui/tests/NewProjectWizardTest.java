package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import io.labelbench.config.ConfigTemplate;
import io.labelbench.config.ConfigValidator;
import io.labelbench.config.Diagnostic;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.wizards.NewProjectWizard;

/** File > New > Labelbench Project from a template: the project's config is the template and validates. */
class NewProjectWizardTest {

	@Test
	void newProjectFromTheVisualNerTemplateHasAValidConfig() throws Exception {
		NewProjectWizard wizard = new NewProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		org.eclipse.swt.widgets.List templates = find(dialog.getShell());
		assertEquals(4, templates.getItemCount(), String.join(", ", templates.getItems()));
		assertTrue(templates.getItem(3).startsWith("Visual NER"), templates.getItem(3));
		wizard.page().fill("scanned-invoices", ConfigTemplate.VISUAL_NER);
		UiTesting.screenshot(dialog.getShell(), Path.of("target", "new-project-wizard.png"));
		assertTrue(wizard.canFinish(), "the wizard accepts the form");
		assertTrue(wizard.performFinish());
		dialog.close();
		UiTesting.waitForJobs(LabelbenchJobs.FAMILY_NEW_PROJECT, 30_000);
		Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);

		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("scanned-invoices");
		assertTrue(LabelbenchProjects.isLabelbench(project), "a Labelbench project");
		Path config = LabelbenchProjects.of(project).configFile();
		assertEquals(ConfigTemplate.VISUAL_NER.text(), Files.readString(config, StandardCharsets.UTF_8));
		java.util.List<Diagnostic> errors = new ConfigValidator().validate(config).stream().filter(Diagnostic::isError)
				.toList();
		assertEquals(java.util.List.of(), errors);
		IMarker[] markers = project.getFile(LabelbenchProject.CONFIG_FILE).findMarkers(IMarker.PROBLEM, true,
				IResource.DEPTH_ZERO);
		assertEquals(0, java.util.Arrays.stream(markers)
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).count());
		project.delete(true, true, null);
	}

	private static org.eclipse.swt.widgets.List find(org.eclipse.swt.widgets.Composite parent) {
		for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
			if (child instanceof org.eclipse.swt.widgets.List list) {
				return list;
			}
			if (child instanceof org.eclipse.swt.widgets.Composite composite) {
				org.eclipse.swt.widgets.List found = find(composite);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
