package io.labelbench.ui.tasks;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonActionProvider;
import org.eclipse.ui.navigator.ICommonActionConstants;
import org.eclipse.ui.navigator.ICommonActionExtensionSite;

import io.labelbench.ui.navigator.TaskEntry;

/** Double-click (Open) on a task opens it in the task editor. */
public final class OpenTaskActionProvider extends CommonActionProvider {

	private Action open;

	@Override
	public void init(ICommonActionExtensionSite site) {
		open = new Action() {
			@Override
			public void run() {
				IStructuredSelection selection = (IStructuredSelection) site.getStructuredViewer().getSelection();
				for (Object element : selection.toList()) {
					if (element instanceof TaskEntry entry) {
						TaskEditors.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), entry.file());
					}
				}
			}
		};
	}

	@Override
	public void fillActionBars(IActionBars actionBars) {
		Object first = ((IStructuredSelection) getContext().getSelection()).getFirstElement();
		if (first instanceof TaskEntry) {
			actionBars.setGlobalActionHandler(ICommonActionConstants.OPEN, open);
		}
	}
}
