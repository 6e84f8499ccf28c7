package io.labelbench.ui.training;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import io.labelbench.hub.ModelScores;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;
import io.labelbench.protocol.TrainingDefaults;
import io.labelbench.ui.hub.ScoresTables;

/**
 * A training run as it happens: what is trained, its state, a live chart of the loss and validation scores per
 * epoch, the process log below; when the model is published, its held-out scores (per label, averages, confusion
 * matrix) and what deploying it did. Cancel stops the run (nothing is published).
 */
public final class TrainingEditor extends EditorPart {

	public static final String ID = "io.labelbench.ui.training.trainingEditor";

	private TrainingRun run;
	private final AtomicBoolean updateQueued = new AtomicBoolean();
	private final TrainingRun.Listener listener = changed -> queueUpdate();
	private Composite root;
	private ScrolledComposite scrolled;
	private Label parameters;
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
		root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().margins(12, 12).spacing(8, 6).applyTo(root);
		Composite top = new Composite(root, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(24, 0).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		Label title = new Label(top, SWT.WRAP);
		title.setFont(JFaceResources.getHeaderFont());
		title.setText(getPartName());
		cancel = new Button(top, SWT.PUSH);
		cancel.setText(Messages.Editor_cancel);
		cancel.addListener(SWT.Selection, e -> cancel());
		parameters = text(root, parameters(run.request()));
		state = text(root, "");

		// the chart is a pane of its own (never inside a scrolled composite): it draws to the size it is given
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		chart = new EpochChart();
		chartCanvas = chart.createControl(sash);
		scrolled = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
		closing = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().spacing(8, 6).applyTo(closing);
		scrolled.setContent(closing);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		text(closing, Messages.Editor_scoresLater);
		log = new StyledText(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		log.setFont(JFaceResources.getTextFont());
		sash.setWeights(5, 3, 2);

		run.addListener(listener);
		update();
	}

	private static Label text(Composite parent, String text) {
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(label);
		return label;
	}

	/** The parameters asked for; those left to the trainer with its default, where the defaults are known. */
	static String parameters(TrainingRequest request) {
		ProjectTrainer.Parameters p = request.parameters();
		TrainingDefaults d = TrainingDefaults.of(request.type().id());
		return Messages.format(Messages.Editor_parameters,
				p.embeddings() == null ? Messages.Editor_newestEmbeddings : p.embeddings(),
				or(p.epochs(), d == null ? null : d.epochs()), or(p.learningRate(), d == null ? null : d.learningRate()),
				or(p.batchSize(), d == null ? null : d.batchSize()), or(p.dropout(), d == null ? null : d.dropout()),
				or(p.validationSplit(), d == null ? null : d.validationSplit()));
	}

	private static String or(Object value, Object fallback) {
		return value != null ? value.toString()
				: fallback != null ? NLS.bind(Messages.Editor_default, fallback) : Messages.Editor_trainerDefault;
	}

	/** The parameters the training JVM used, as the published entry records them. */
	private static String used(ProjectTrainer.Result result) {
		StringBuilder text = new StringBuilder();
		result.model().entry().json().path("parameters").fields().forEachRemaining(field -> text
				.append(text.length() == 0 ? "" : ", ").append(field.getKey()).append(' ')
				.append(field.getValue().asText()));
		return NLS.bind(Messages.Editor_used, text);
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
					if (!root.isDisposed()) {
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
			if (now == TrainingRun.State.PUBLISHED) {
				parameters.setText(used(run.result()));
			}
			showEnd(now);
		}
		if (endShown && !deploymentShown && !run.deployment().isEmpty()) {
			deploymentShown = true;
			text(closing, run.deployment());
		}
		root.layout(true, true);
		scrolled.setMinSize(closing.computeSize(SWT.DEFAULT, SWT.DEFAULT));
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
		for (Control child : closing.getChildren()) {
			child.dispose();
		}
		if (now != TrainingRun.State.PUBLISHED) {
			text(closing, Messages.Editor_noScores);
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

	/** The title, parameters and state, and the scores pane. */
	public Composite content() {
		return root;
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
