package io.labelbench.ui.training;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

import io.labelbench.hub.TrainedModels;

/**
 * Show Training Log (on a trained version in the Models Hub view): the version's run in a read-only training editor,
 * its chart rebuilt from the saved epochs and its log read back.
 */
public final class ShowTrainingLogHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		ISelection selection = HandlerUtil.getActiveMenuSelection(event);
		if (selection == null) {
			selection = HandlerUtil.getCurrentSelection(event);
		}
		if (selection instanceof IStructuredSelection structured
				&& structured.getFirstElement() instanceof TrainedModels.Version version) {
			TrainingJobs.openSaved(version);
		}
		return null;
	}
}
