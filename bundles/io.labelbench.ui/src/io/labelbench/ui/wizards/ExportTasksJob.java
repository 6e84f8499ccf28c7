package io.labelbench.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;

import io.labelbench.core.io.ExportFormat;
import io.labelbench.core.io.ExportResult;
import io.labelbench.core.io.TaskExporter;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.ProjectImport;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.Messages;
import io.labelbench.ui.MonitorProgress;

/**
 * Exports a project's tasks in the background; the output file appears only when complete. Boxes the format
 * cannot hold faithfully come back as warnings.
 */
public final class ExportTasksJob extends ProjectTasksJob {

	private final ExportFormat format;
	private final Path target;

	public ExportTasksJob(IProject project, ExportFormat format, Path target) {
		super(NLS.bind(Messages.ExportJob_name, project.getName(), target.getFileName()), project,
				LabelbenchJobs.FAMILY_EXPORT);
		this.format = format;
		this.target = target;
	}

	@Override
	protected IStatus run(LabelbenchProject labelbench, MonitorProgress progress) throws IOException {
		// the config tells assertion statuses from entities, which CoNLL, COCO and VOC must not write as labels
		ExportResult result = new TaskExporter(labelbench, ProjectImport.configOf(labelbench)).export(format, target,
				progress);
		String leftOut = result.leftOutSummary(format);
		if (result.problemCount() == 0 && leftOut == null) {
			return Status.OK_STATUS;
		}
		if (result.problemCount() == 0) {
			return Status.warning(leftOut);
		}
		MultiStatus status = new MultiStatus(getClass(), 0,
				Messages.format(Messages.ExportJob_problems, result.exported(), result.problemCount()));
		result.problems().forEach(problem -> status.add(Status.warning(problem)));
		if (leftOut != null) {
			status.add(Status.warning(leftOut));
		}
		return status;
	}
}
