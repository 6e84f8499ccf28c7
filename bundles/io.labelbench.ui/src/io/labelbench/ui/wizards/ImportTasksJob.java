package io.labelbench.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.io.ImportResult;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.ProjectImport;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.Messages;
import io.labelbench.ui.MonitorProgress;
import io.labelbench.visual.VisualExtractor;

/** Imports task files into a Labelbench project in the background; content problems come back as warnings. */
public final class ImportTasksJob extends ProjectTasksJob {

	private final List<Path> sources;
	private final ImportOptions options;

	public ImportTasksJob(IProject project, List<Path> sources, ImportOptions options) {
		super(Messages.format(Messages.ImportJob_name, sources.size(), project.getName()), project, LabelbenchJobs.FAMILY_IMPORT);
		this.sources = List.copyOf(sources);
		this.options = options;
	}

	@Override
	protected IStatus run(LabelbenchProject labelbench, MonitorProgress progress) throws IOException {
		// PDFs and images become visual tasks, their pages extracted in parallel; the rest are task files, their
		// results checked against the project's config
		ProjectImport flow = ProjectImport.of(labelbench);
		ProjectImport.Sources split = ProjectImport.Sources.of(sources);
		if (!split.documents().isEmpty()) {
			importDocuments(flow, split.documents(), progress);
			if (split.taskFiles().isEmpty()) {
				return Status.OK_STATUS;
			}
		}
		ImportResult result = flow.importTaskFiles(split.taskFiles(), options, progress);
		if (result.problemCount() == 0 && result.skipped().isEmpty()) {
			return Status.OK_STATUS;
		}
		MultiStatus status = new MultiStatus(getClass(), 0, result.problemCount() > 0
				? Messages.format(Messages.ImportJob_problems, result.total(), result.problemCount())
				: Messages.format(Messages.ImportJob_skipped, result.total(), result.skipped().size()));
		// files left out first: a link out of the folder or a file of the wrong kind is what the user asked about
		result.skipped().forEach(skipped -> status.add(Status.warning(NLS.bind(Messages.ImportJob_skippedFile, skipped))));
		result.problems().forEach(problem -> status.add(Status.warning(problem)));
		return status;
	}

	/**
	 * Imports PDFs and images; an encrypted PDF makes the job ask for its password (on the UI thread) and try
	 * again, until it opens or the user cancels. Nothing is written before every document is extracted.
	 */
	private void importDocuments(ProjectImport flow, List<Path> documents, MonitorProgress progress)
			throws IOException {
		String password = null;
		while (true) {
			try {
				flow.importDocuments(documents, password, progress);
				return;
			} catch (VisualExtractor.PasswordRequiredException e) {
				String[] answer = new String[1];
				String prompt = NLS.bind(password == null ? Messages.ImportJob_password : Messages.ImportJob_wrongPassword,
						e.document().getFileName());
				Display.getDefault().syncExec(() -> {
					InputDialog dialog = new InputDialog(Display.getDefault().getActiveShell(), Messages.ImportJob_passwordTitle,
							prompt, "", null) {
						@Override
						protected int getInputTextStyle() {
							return super.getInputTextStyle() | SWT.PASSWORD;
						}
					};
					if (dialog.open() == Window.OK) {
						answer[0] = dialog.getValue();
					}
				});
				if (answer[0] == null) {
					throw e;
				}
				password = answer[0];
			}
		}
	}

	@Override
	protected void done(LabelbenchProject labelbench) {
		try {
			project.refreshLocal(IResource.DEPTH_INFINITE, null);
		} catch (CoreException e) {
			// the next refresh shows the files
		}
	}
}
