package io.labelbench.ui.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CancellationException;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.eval.Evaluation;
import io.labelbench.core.eval.EvaluationException;
import io.labelbench.core.eval.EvaluationReport;
import io.labelbench.core.eval.PredictionChoice;
import io.labelbench.core.io.Progress;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;

/**
 * Runs the core {@link Evaluation} with progress in tasks and cancel, then opens the report in an
 * {@link EvaluationReportEditor}. Nothing to compare (no test tasks, completions or predictions) is told in a
 * plain message, as is a project that cannot be read; the workbench's own error prompt, which adds the stack
 * trace, is turned off.
 */
public final class EvaluationJob extends Job {

	/** The family of evaluation jobs, for the UI tests and shutdown. */
	public static final Object FAMILY = new Object();

	private final IProject project;
	private final PredictionChoice predictions;
	private final Double split;
	private volatile EvaluationReport report;

	public EvaluationJob(IProject project, PredictionChoice predictions, Double split) {
		super(NLS.bind(Messages.EvaluationJob_name, project.getName()));
		this.project = project;
		this.predictions = predictions;
		this.split = split;
		setUser(true);
		setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The report of a run that went well, else {@code null}. */
	public EvaluationReport report() {
		return report;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor sub = SubMonitor.convert(monitor, getName(), IProgressMonitor.UNKNOWN);
		LabelbenchProject lb = LabelbenchProjects.of(project);
		try {
			ResultSchema schema = Files.exists(lb.configFile()) ? LabelingConfig.read(lb.configFile()) : null;
			report = new Evaluation(lb, schema, predictions, split).run(progress(sub));
		} catch (CancellationException e) {
			return Status.CANCEL_STATUS;
		} catch (EvaluationException e) {
			return tell(Status.warning(NLS.bind(Messages.EvaluationJob_nothing, project.getName(), e.getMessage())));
		} catch (IOException | UncheckedIOException e) {
			return tell(Status.error(NLS.bind(Messages.EvaluationJob_failed, project.getName(), e.getMessage())));
		}
		EvaluationReport done = report;
		asyncExec(() -> open(done));
		return Status.OK_STATUS;
	}

	private Progress progress(SubMonitor sub) {
		return new Progress() {
			long total;
			long done;

			@Override
			public void begin(String task, long totalUnits) {
				total = totalUnits;
				sub.setWorkRemaining((int) Math.max(totalUnits, 0));
			}

			@Override
			public void worked(long units) {
				done += units;
				sub.worked((int) units);
				sub.subTask(Messages.format(Messages.EvaluationJob_progress, done, total));
			}

			@Override
			public boolean isCanceled() {
				return sub.isCanceled();
			}
		};
	}

	/** The message in a dialog of its own (no stack trace), and as the job's result. */
	private IStatus tell(IStatus status) {
		asyncExec(() -> {
			var shell = Display.getCurrent().getActiveShell();
			if (status.getSeverity() == IStatus.ERROR) {
				MessageDialog.openError(shell, Messages.Evaluate_title, status.getMessage());
			} else {
				MessageDialog.openInformation(shell, Messages.Evaluate_title, status.getMessage());
			}
		});
		return status;
	}

	private void open(EvaluationReport done) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null) {
			window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
		}
		try {
			window.getActivePage().openEditor(new EvaluationReportInput(project.getName(), done),
					EvaluationReportEditor.ID);
		} catch (PartInitException e) {
			MessageDialog.openError(window.getShell(), Messages.Evaluate_title, e.getMessage());
		}
	}

	private static void asyncExec(Runnable runnable) {
		if (PlatformUI.isWorkbenchRunning()) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(runnable);
		}
	}
}
