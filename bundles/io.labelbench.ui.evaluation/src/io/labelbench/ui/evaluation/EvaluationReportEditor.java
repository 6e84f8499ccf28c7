package io.labelbench.ui.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import io.labelbench.core.eval.EvaluationReport;
import io.labelbench.core.eval.Metrics;
import io.labelbench.core.io.TaskExporter;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ReadOnlyEditor;
import io.labelbench.ui.ScoreTable;

/**
 * An evaluation's report: what was compared and what was left out, the span scores per label (exact and
 * overlapping) with a chart of their F1, the span label confusion matrix, classification and assertion accuracy,
 * relation scores; "Export JSON..." writes the report as {@code labelbench evaluate --out} does.
 */
public final class EvaluationReportEditor extends ReadOnlyEditor<EvaluationReportInput> {

	public static final String ID = "io.labelbench.ui.evaluation.reportEditor";

	private EvaluationReport report;
	private String projectName;
	private ScrolledComposite scrolled;
	private F1Chart chart;
	private Canvas chartCanvas;

	public EvaluationReportEditor() {
		super(EvaluationReportInput.class);
	}

	@Override
	protected void shows(EvaluationReportInput input) {
		report = input.report();
		projectName = input.projectName();
	}

	@Override
	public void createPartControl(Composite parent) {
		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		Composite content = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().margins(12, 12).spacing(8, 6).applyTo(content);
		summary(content);
		Metrics metrics = report.metrics();
		boolean any = false;
		if (!metrics.exactSpans().isEmpty()) {
			any = true;
			heading(content, Messages.Report_spans);
			text(content, Messages.Report_exactOverlap);
			ReportTables.spans(content, metrics.exactSpans(), metrics.overlappingSpans());
			chart = new F1Chart(metrics.exactSpans(), metrics.overlappingSpans());
			chartCanvas = chart.createControl(content);
			GridDataFactory.swtDefaults().hint(chart.preferredSize()).applyTo(chartCanvas);
			text(content, Messages.Report_confusion);
			ReportTables.confusion(content, metrics);
		}
		for (var entry : metrics.classification().entrySet()) {
			any = true;
			Metrics.Classification scores = entry.getValue();
			heading(content, Messages.format(Messages.Report_classification, entry.getKey(),
					ScoreTable.score(scores.accuracy()), scores.correct(), scores.total()));
			ReportTables.labels(content, scores.labels());
		}
		Metrics.Assertions assertions = metrics.assertions();
		if (assertions.total() > 0 || !assertions.regions().isEmpty()) {
			any = true;
			heading(content, Messages.format(Messages.Report_assertion, ScoreTable.score(assertions.accuracy()),
					assertions.agreed(), assertions.total()));
			ReportTables.labels(content, assertions.regions());
		}
		if (!metrics.relations().isEmpty()) {
			any = true;
			heading(content, Messages.Report_relations);
			ReportTables.labels(content, metrics.relations());
		}
		if (!metrics.boxes().isEmpty()) {
			any = true;
			heading(content, Messages.Report_boxes);
			ReportTables.labels(content, metrics.boxes());
		}
		if (!any) {
			text(content, Messages.Report_nothingCounted);
		}
		scrolled.setContent(content);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	private void summary(Composite content) {
		Composite top = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(24, 0).applyTo(top);
		GridDataFactory.fillDefaults().applyTo(top);
		Label title = new Label(top, SWT.WRAP);
		title.setFont(JFaceResources.getHeaderFont());
		title.setText(NLS.bind(Messages.Report_title, projectName));
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(title);
		Button export = new Button(top, SWT.PUSH);
		export.setText(Messages.Report_export);
		export.addListener(SWT.Selection, e -> exportWithDialog());
		String selection = report.split() == null ? Messages.Report_tagged
				: NLS.bind(Messages.Report_split, Math.round(report.split() * 100));
		text(content, Messages.format(Messages.Report_summary, report.predictions().describe(), report.evaluated(),
				report.testTasks(), selection));
		text(content, Messages.format(Messages.Report_leftOut, report.withoutCompletion(), report.withoutPrediction()));
		List<String> versions = new ArrayList<>();
		new TreeMap<>(report.modelVersions()).forEach((version, tasks) -> versions.add(Messages.format(
				Messages.Report_tasksCount, version.isEmpty() ? Messages.Report_noVersion : version, tasks)));
		text(content, NLS.bind(Messages.Report_versions, String.join(", ", versions)));
		if (!report.unreadable().isEmpty()) {
			text(content, Messages.format(Messages.Report_unreadable, report.unreadable().size(),
					String.join("; ", report.unreadable())));
		}
	}

	private static void heading(Composite parent, String text) {
		Label label = new Label(parent, SWT.WRAP);
		label.setFont(JFaceResources.getBannerFont());
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).indent(0, 10).applyTo(label);
	}

	private static void text(Composite parent, String text) {
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
	}

	private void exportWithDialog() {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.json" });
		dialog.setFileName(projectName + "-evaluation.json");
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			try {
				export(Path.of(file));
			} catch (IOException e) {
				MessageDialog.openError(getSite().getShell(), Messages.Evaluate_title,
						NLS.bind(Messages.Report_exportFailed, file, e.getMessage()));
			}
		}
	}

	/** Writes the JSON report; a target inside the project is refused, as the command line refuses it. */
	public void export(Path file) throws IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
		if (LabelbenchProjects.isLabelbench(project)) {
			TaskExporter.refuseTargetInsideProject(LabelbenchProjects.of(project), file);
		}
		report.write(file);
	}

	public EvaluationReport report() {
		return report;
	}

	/** The F1 chart, or {@code null} when the compared tasks have no spans. */
	F1Chart chart() {
		return chart;
	}

	/** For the UI tests: the chart's value of a series and label, and how often it was drawn. */
	public double chartValue(String series, String label) {
		return chart == null ? Double.NaN : chart.value(series, label);
	}

	public int chartPaints() {
		return chart == null ? 0 : chart.paints();
	}

	public Canvas chartCanvas() {
		return chartCanvas;
	}

	public Composite content() {
		return (Composite) scrolled.getContent();
	}

	@Override
	public void setFocus() {
		scrolled.setFocus();
	}
}
