package io.labelbench.ui.evaluation;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import io.labelbench.core.eval.EvaluationReport;

/** One evaluation's report; not kept across restarts (the JSON export is). */
public final class EvaluationReportInput implements IEditorInput {

	private final String projectName;
	private final EvaluationReport report;

	public EvaluationReportInput(String projectName, EvaluationReport report) {
		this.projectName = projectName;
		this.report = report;
	}

	public EvaluationReport report() {
		return report;
	}

	public String projectName() {
		return projectName;
	}

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return null;
	}

	@Override
	public String getName() {
		return NLS.bind(Messages.Report_title, projectName);
	}

	@Override
	public IPersistableElement getPersistable() {
		return null;
	}

	@Override
	public String getToolTipText() {
		return getName() + " \u2014 " + report.predictions().describe();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EvaluationReportInput input && input.report == report;
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(report);
	}
}
