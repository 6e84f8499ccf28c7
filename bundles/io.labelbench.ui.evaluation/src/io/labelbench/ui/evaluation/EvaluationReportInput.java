package io.labelbench.ui.evaluation;

import java.util.Objects;

import org.eclipse.osgi.util.NLS;

import io.labelbench.core.eval.EvaluationReport;
import io.labelbench.ui.TransientEditorInput;

/** One evaluation's report; not kept across restarts (the JSON export is). */
public final class EvaluationReportInput extends TransientEditorInput {

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
	public String getName() {
		return NLS.bind(Messages.Report_title, projectName);
	}

	@Override
	public String getToolTipText() {
		return getName() + " \u2014 " + report.predictions().describe();
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
