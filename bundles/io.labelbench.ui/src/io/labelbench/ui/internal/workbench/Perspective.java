package io.labelbench.ui.internal.workbench;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.labelbench.ui.help.GettingStartedView;
import io.labelbench.ui.tasks.TasksView;

/**
 * Explorer on the left, editors in the middle, Outline and Label Palette on the right, Tasks, Problems and
 * Progress below.
 */
public class Perspective implements IPerspectiveFactory {
	public static final String ID = "io.labelbench.ui.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.22f, editors);
		IFolderLayout right = layout.createFolder("io.labelbench.ui.right", IPageLayout.RIGHT, 0.75f, editors);
		right.addView(IPageLayout.ID_OUTLINE); // io.labelbench.ui.config.editor stacks its Label Palette here
		IFolderLayout bottom = layout.createFolder("io.labelbench.ui.bottom", IPageLayout.BOTTOM, 0.55f, editors);
		bottom.addView(TasksView.ID);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
		layout.addShowViewShortcut(TasksView.ID);
		layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
		layout.addShowViewShortcut(GettingStartedView.ID);
		layout.addNewWizardShortcut(io.labelbench.ui.wizards.NewProjectWizard.ID);
	}
}
