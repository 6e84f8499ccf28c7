package io.labelbench.ui.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;

import io.labelbench.core.eval.TestSelection;
import io.labelbench.core.json.TaskFormatException;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.servers.ServerCommands;

/**
 * Evaluate Predictions (explorer, Pre-annotation menu): asks which predictions to compare, and the split when no
 * task is tagged "test", then runs an {@link EvaluationJob} that opens the {@link EvaluationReportEditor}.
 */
public final class EvaluateHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		IProject project = ServerCommands.projectFor(HandlerUtil.getCurrentSelection(event), page);
		if (project == null) {
			MessageDialog.openInformation(shell, Messages.Evaluate_title, Messages.Evaluate_noProject);
			return null;
		}
		open(shell, project);
		return null;
	}

	/** What the dialog offers: the model versions the predictions carry, and how many tasks are tagged "test". */
	record Choices(Set<String> versions, int tagged, boolean anyPrediction, int tasks) {
	}

	/** The whole flow; public for the UI tests, which drive the dialog it opens. Returns the job, or null. */
	public static EvaluationJob open(Shell shell, IProject project) {
		LabelbenchProject lb = LabelbenchProjects.of(project);
		Choices[] choices = { null };
		String[] error = { null };
		BusyIndicator.showWhile(shell.getDisplay(), () -> {
			try {
				choices[0] = choices(lb);
			} catch (IOException | UncheckedIOException e) {
				error[0] = e.getMessage();
			}
		});
		if (error[0] != null) {
			MessageDialog.openError(shell, Messages.Evaluate_title,
					NLS.bind(Messages.Evaluate_readFailed, project.getName(), error[0]));
			return null;
		}
		if (choices[0].tasks() == 0) {
			MessageDialog.openInformation(shell, Messages.Evaluate_title,
					NLS.bind(Messages.Evaluate_noTasks, project.getName()));
			return null;
		}
		if (!choices[0].anyPrediction()) {
			MessageDialog.openInformation(shell, Messages.Evaluate_title,
					NLS.bind(Messages.Evaluate_noPredictions, project.getName()));
			return null;
		}
		EvaluateDialog dialog = new EvaluateDialog(shell, project.getName(), choices[0]);
		if (dialog.open() != Window.OK) {
			return null;
		}
		EvaluationJob job = new EvaluationJob(project, dialog.predictions(), dialog.split());
		job.schedule();
		return job;
	}

	/** Reads every task once; files that cannot be read are left to the evaluation, which names them. */
	static Choices choices(LabelbenchProject project) throws IOException {
		Set<String> versions = new TreeSet<>();
		int tagged = 0;
		boolean anyPrediction = false;
		var ids = project.tasks().ids();
		for (TaskId id : ids) {
			Task task;
			try {
				task = project.tasks().read(id);
			} catch (TaskFormatException e) {
				continue;
			}
			if (TestSelection.isTaggedTest(task)) {
				tagged++;
			}
			for (Annotation prediction : task.predictions()) {
				anyPrediction = true;
				versions.add(prediction.modelVersion() == null ? "" : prediction.modelVersion());
			}
		}
		return new Choices(versions, tagged, anyPrediction, ids.size());
	}
}
