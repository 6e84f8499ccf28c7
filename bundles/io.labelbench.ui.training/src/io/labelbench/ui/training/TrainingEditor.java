package io.labelbench.ui.training;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import io.labelbench.hub.ModelScores;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;
import io.labelbench.ui.hub.ScoresTables;

/**
 * A training run as it happens: what is trained, its state, a live chart of the loss and validation scores per
 * epoch, the process log below; when the model is published, its held-out scores (per label, averages, confusion
 * matrix) and what deploying it did. Cancel stops the run (nothing is published).
 */
public final class TrainingEditor extends EditorPart {

	public static final String ID = "io.labelbench.ui.training.trainingEditor";
	private static final int CHART_HEIGHT = 320;

	private TrainingRun run;
	private final AtomicBoolean updateQueued = new AtomicBoolean();
	private final TrainingRun.Listener listener = changed -> queueUpdate();
	private ScrolledComposite scrolled;
	private Composite content;
	private Label state;
	private Button cancel;
	private EpochChart chart;
	private Canvas chartCanvas;
	private Composite closing;
	private StyledText log;
	private int epochsShown;
	private int logLinesShown;
	private boolean endShown;
	private boolean deploymentShown;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof TrainingInput trainingInput)) {
			throw new PartInitException("not a training run: " + input.getName());
		}
		setSite(site);
		setInput(input);
		run = trainingInput.run();
		setPartName(input.getName());
		setTitleToolTip(input.getToolTipText());
	}

	@Override
	public void createPartControl(Composite parent) {
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		scrolled = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
		content = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().margins(12, 12).spacing(8, 6).applyTo(content);

		Composite top = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(24, 0).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		Label title = new Label(top, SWT.WRAP);
		title.setFont(JFaceResources.getHeaderFont());
		title.setText(getPartName());
		cancel = new Button(top, SWT.PUSH);
		cancel.setText(Messages.Editor_cancel);
		cancel.addListener(SWT.Selection, e -> cancel());
		text(content, parameters(run.request().parameters()));
		state = text(content, "");

		chart = new EpochChart();
		chartCanvas = chart.createControl(content);
		GridDataFactory.fillDefaults().grab(true, false).hint(560, CHART_HEIGHT).applyTo(chartCanvas);
		closing = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().spacing(8, 6).applyTo(closing);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(closing);

		scrolled.setContent(content);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);

		log = new StyledText(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		log.setFont(JFaceResources.getTextFont());
		sash.setWeights(3, 1);

		run.addListener(listener);
		update();
	}

	private static Label text(Composite parent, String text) {
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(label);
		return label;
	}

	static String parameters(ProjectTrainer.Parameters p) {
		return Messages.format(Messages.Editor_parameters, or(p.embeddings()), or(p.epochs()), or(p.learningRate()),
				or(p.batchSize()), or(p.dropout()), or(p.validationSplit()));
	}

	private static String or(Object value) {
		return value == null ? Messages.Editor_default : value.toString();
	}

	private void cancel() {
		for (TrainingJob job : TrainingJobs.current()) {
			if (job.run() == run) {
				job.cancel();
			}
		}
	}

	/** Many events (log lines arrive fast) become one update at a time on the UI thread. */
	private void queueUpdate() {
		if (updateQueued.compareAndSet(false, true)) {
			Display display = getSite().getShell().getDisplay();
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					updateQueued.set(false);
					if (!content.isDisposed()) {
						update();
					}
				});
			}
		}
	}

	private void update() {
		List<TrainingEpoch> epochs = run.epochs();
		for (int i = epochsShown; i < epochs.size(); i++) {
			chart.add(epochs.get(i));
		}
		epochsShown = epochs.size();
		appendLog();
		TrainingRun.State now = run.state();
		cancel.setEnabled(now == TrainingRun.State.RUNNING);
		state.setText(stateText(now, epochs));
		if (now != TrainingRun.State.RUNNING && !endShown) {
			endShown = true;
			showEnd(now);
		}
		if (endShown && !deploymentShown && !run.deployment().isEmpty()) {
			deploymentShown = true;
			text(closing, run.deployment());
		}
		content.layout(true, true);
		scrolled.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	private String stateText(TrainingRun.State now, List<TrainingEpoch> epochs) {
		return switch (now) {
		case RUNNING -> epochs.isEmpty() ? Messages.Editor_starting
				: Messages.format(Messages.Editor_running, EpochText.line(epochs.get(epochs.size() - 1)));
		case PUBLISHED -> published(run.result());
		case FAILED -> Messages.format(Messages.Editor_failed, run.message());
		case CANCELLED -> Messages.Editor_cancelled;
		};
	}

	static String published(ProjectTrainer.Result result) {
		return Messages.format(Messages.Editor_published, result.model().name(), result.version(),
				EpochText.decimals(result.seconds(), 1), result.data().trainTasks(), result.data().examples(),
				String.join(", ", result.data().labels()), result.testTasks(), result.data().testSelection());
	}

	private void showEnd(TrainingRun.State now) {
		if (now != TrainingRun.State.PUBLISHED) {
			return;
		}
		Label heading = text(closing, Messages.Editor_scores);
		heading.setFont(JFaceResources.getBannerFont());
		ScoresTables.create(closing, ModelScores.of(run.result().model().entry().metrics()));
	}

	private void appendLog() {
		List<String> lines = run.log();
		int total = run.logLinesDropped() + lines.size();
		if (total == logLinesShown) {
			return;
		}
		StringBuilder added = new StringBuilder();
		int first = Math.max(0, logLinesShown - run.logLinesDropped());
		for (int i = first; i < lines.size(); i++) {
			added.append(lines.get(i)).append('\n');
		}
		logLinesShown = total;
		log.append(added.toString());
		if (log.getCharCount() > 400_000) {
			log.replaceTextRange(0, log.getCharCount() - 300_000, "");
		}
		log.setTopIndex(log.getLineCount() - 1);
	}

	/** For the UI tests: the chart's points of a series, how often it was drawn, the canvas, the texts. */
	public double[][] chartPoints(String series) {
		return chart.points(series);
	}

	public int chartPaints() {
		return chart.paints();
	}

	public Canvas chartCanvas() {
		return chartCanvas;
	}

	public Composite content() {
		return content;
	}

	public String logText() {
		return log.getText();
	}

	public TrainingRun run() {
		return run;
	}

	@Override
	public void dispose() {
		run.removeListener(listener);
		super.dispose();
	}

	@Override
	public void setFocus() {
		scrolled.setFocus();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		// a training run is not edited
	}

	@Override
	public void doSaveAs() {
		// nothing to save: the model is in the Models Hub
	}

	@Override
	public boolean isDirty() {
		return false;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}
}
