package io.labelbench.ui.help;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.tasks.TasksView;
import io.labelbench.ui.wizards.NewProjectWizard;

/**
 * Help > Getting Started: the way from tasks to reviewed pre-annotations in six steps (import, config, Models
 * Hub, deploy, pre-annotate, review), each with buttons that run the step's command on the project the Tasks
 * view shows.
 */
public final class GettingStartedView extends ViewPart {

	public static final String ID = "io.labelbench.ui.gettingStarted";

	/** One step: its title, what to do, and the buttons that do it. */
	public record Step(String title, String text, List<Action> actions) {
	}

	/** A button of a step. */
	public record Action(String label, Runnable run) {
	}

	private ScrolledComposite scrolled;
	private final List<Button> buttons = new ArrayList<>();
	private List<Step> steps;

	@Override
	public void createPartControl(Composite parent) {
		steps = List.of(
				new Step(Messages.GettingStarted_importTitle, Messages.GettingStarted_importText,
						List.of(new Action(Messages.GettingStarted_newProject,
								() -> command("org.eclipse.ui.newWizard(newWizardId=" + NewProjectWizard.ID + ")")),
								new Action(Messages.GettingStarted_importTasks, () -> command(
										"org.eclipse.ui.file.import(importWizardId=io.labelbench.ui.importTasksWizard)")))),
				new Step(Messages.GettingStarted_configTitle, Messages.GettingStarted_configText,
						List.of(new Action(Messages.GettingStarted_openConfig, this::openConfig))),
				new Step(Messages.GettingStarted_hubTitle, Messages.GettingStarted_hubText,
						List.of(new Action(Messages.GettingStarted_openHub, () -> showView("io.labelbench.ui.hub.modelsHubView")))),
				new Step(Messages.GettingStarted_deployTitle, Messages.GettingStarted_deployText,
						List.of(new Action(Messages.GettingStarted_deploy, () -> command("io.labelbench.ui.servers.deploy")))),
				new Step(Messages.GettingStarted_preannotateTitle, Messages.GettingStarted_preannotateText,
						List.of(new Action(Messages.GettingStarted_preannotate,
								() -> command("io.labelbench.ui.servers.preannotate")))),
				new Step(Messages.GettingStarted_reviewTitle, Messages.GettingStarted_reviewText,
						List.of(new Action(Messages.GettingStarted_showTasks, () -> showView(TasksView.ID)))));

		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		Color background = parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND);
		Composite content = new Composite(scrolled, SWT.NONE);
		content.setBackground(background);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 24;
		layout.marginHeight = 18;
		layout.horizontalSpacing = 14;
		layout.verticalSpacing = 6;
		content.setLayout(layout);

		Label heading = label(content, Messages.GettingStarted_heading, SWT.NONE);
		heading.setFont(JFaceResources.getHeaderFont());
		heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		Label intro = label(content, Messages.GettingStarted_intro, SWT.WRAP);
		intro.setLayoutData(wrapping(2));

		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			Label number = label(content, Integer.toString(i + 1), SWT.NONE);
			number.setFont(JFaceResources.getHeaderFont());
			GridData numberData = new GridData(SWT.CENTER, SWT.TOP, false, false, 1, 3);
			numberData.verticalIndent = 14;
			numberData.widthHint = 28;
			number.setLayoutData(numberData);
			Label title = label(content, step.title(), SWT.NONE);
			title.setFont(JFaceResources.getBannerFont());
			GridData titleData = new GridData(SWT.FILL, SWT.TOP, true, false);
			titleData.verticalIndent = 14;
			title.setLayoutData(titleData);
			label(content, step.text(), SWT.WRAP).setLayoutData(wrapping(1));
			Composite row = new Composite(content, SWT.NONE);
			row.setBackground(background);
			GridLayout rowLayout = new GridLayout(step.actions().size(), false);
			rowLayout.marginWidth = 0;
			row.setLayout(rowLayout);
			for (Action action : step.actions()) {
				Button button = new Button(row, SWT.PUSH);
				button.setText(action.label());
				button.addListener(SWT.Selection, e -> action.run().run());
				buttons.add(button);
			}
		}
		scrolled.setContent(content);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, e -> {
			int width = scrolled.getClientArea().width;
			scrolled.setMinSize(content.computeSize(Math.max(width, 400), SWT.DEFAULT));
		});
	}

	private static Label label(Composite parent, String text, int style) {
		Label label = new Label(parent, style);
		label.setText(text);
		label.setBackground(parent.getBackground());
		return label;
	}

	private static GridData wrapping(int span) {
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
		data.widthHint = 300; // wraps at the view's width, not at the text's
		return data;
	}

	/** Runs a command given as {@code id} or {@code id(parameter=value)}; a failure is shown. */
	private void command(String serialized) {
		ICommandService commands = getSite().getService(ICommandService.class);
		IHandlerService handlers = getSite().getService(IHandlerService.class);
		try {
			ParameterizedCommand command = commands.deserialize(serialized);
			handlers.executeCommand(command, null);
		} catch (Exception e) {
			StatusManager.getManager().handle(
					Status.error(NLS.bind(Messages.GettingStarted_commandFailed, serialized, e.getMessage()), e),
					StatusManager.SHOW | StatusManager.LOG);
		}
	}

	private void showView(String id) {
		try {
			getSite().getPage().showView(id);
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
		}
	}

	/** Opens the labeling config of the project the Tasks view shows, or of the first Labelbench project. */
	private void openConfig() {
		IWorkbenchPage page = getSite().getPage();
		TasksView tasks = (TasksView) page.findView(TasksView.ID);
		IProject project = tasks != null && tasks.project() != null ? tasks.project()
				: LabelbenchProjects.all().stream().findFirst().orElse(null);
		if (project == null) {
			MessageDialog.openInformation(getSite().getShell(), Messages.GettingStarted_configTitle,
					Messages.GettingStarted_noProject);
			return;
		}
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		try {
			IDE.openEditor(page, config);
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
		}
	}

	/** The steps shown, in order. */
	public List<Step> steps() {
		return steps;
	}

	/** For tests: the buttons of all steps, in order. */
	public List<Button> buttons() {
		return List.copyOf(buttons);
	}

	/** For tests: the view's top control. */
	public Control control() {
		return scrolled;
	}

	@Override
	public void setFocus() {
		if (!buttons.isEmpty()) {
			buttons.get(0).setFocus();
		} else {
			scrolled.setFocus();
		}
	}
}
