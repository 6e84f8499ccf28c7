package io.labelbench.ui.navigator;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonActionProvider;
import org.eclipse.ui.navigator.ICommonActionConstants;
import org.eclipse.ui.navigator.ICommonActionExtensionSite;

/** Double-click (Open) on a task opens its JSON file in the default editor. */
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
						try {
							IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), entry.file());
						} catch (PartInitException e) {
							org.eclipse.ui.statushandlers.StatusManager.getManager().handle(e.getStatus(),
									org.eclipse.ui.statushandlers.StatusManager.SHOW);
						}
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
