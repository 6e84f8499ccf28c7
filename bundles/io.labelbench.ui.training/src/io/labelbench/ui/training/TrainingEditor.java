package io.labelbench.ui.training;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.eclipse.ui.PlatformUI;

import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelScores;
import io.labelbench.hub.TrainedModels;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingEpoch;
import io.labelbench.protocol.TrainingDefaults;
import io.labelbench.ui.ReadOnlyEditor;
import io.labelbench.ui.hub.ScoresTables;

/**
 * A training run as it happens: what is trained, its state, a live chart of the loss and validation scores per
 * epoch, the process log below; when the model is published, its held-out scores (per label, averages, confusion
 * matrix) and what deploying it did; once it ended, where its whole log is. Cancel stops the run (nothing is
 * published). A published version's past run shows the same, read back from its saved log, without Cancel.
 */
public final class TrainingEditor extends ReadOnlyEditor<TrainingInput> {

	public static final String ID = "io.labelbench.ui.training.trainingEditor";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.systemDefault());

	private TrainingRun run;
	private final AtomicBoolean updateQueued = new AtomicBoolean();
	private final TrainingRun.Listener listener = changed -> queueUpdate();
	private Composite root;
	private ScrolledComposite scrolled;
	private Label parameters;
	private Label state;
	private Label logFile;
	private Button cancel;
	private EpochChart chart;
	private Canvas chartCanvas;
	private Composite closing;
	private StyledText log;
	private int epochsShown;
	private int logLinesShown;
	private boolean endShown;
	private boolean deploymentShown;

	public TrainingEditor() {
		super(TrainingInput.class);
	}

	@Override
	protected void shows(TrainingInput input) {
		run = input.run();
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
		if (run.saved() == null) {
			cancel = new Button(top, SWT.PUSH);
			cancel.setText(Messages.Editor_cancel);
			cancel.addListener(SWT.Selection, e -> cancel());
		}
		parameters = text(root, run.saved() == null ? parameters(run.request()) : used(run.model()));
		state = text(root, "");
		logFile = text(root, "");

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

	/** The parameters asked for, those left to the trainer with its default; only those that apply to the type. */
	static String parameters(TrainingRequest request) {
		ProjectTrainer.Parameters p = request.parameters();
		TrainingDefaults d = TrainingDefaults.of(request.type().id());
		if (!d.embeddings()) {
			return Messages.format(Messages.Editor_iterations, or(p.epochs(), d.epochs()));
		}
		return Messages.format(Messages.Editor_parameters,
				p.embeddings() == null ? Messages.Editor_newestEmbeddings : p.embeddings(), or(p.epochs(), d.epochs()),
				or(p.learningRate(), d.learningRate()), or(p.batchSize(), d.batchSize()), or(p.dropout(), d.dropout()),
				or(p.validationSplit(), d.validationSplit()));
	}

	private static String or(Object value, Object fallback) {
		return value != null ? value.toString() : NLS.bind(Messages.Editor_default, fallback);
	}

	/** The parameters the training JVM used, as the published entry records them. */
	private static String used(InstalledModel model) {
		StringBuilder text = new StringBuilder();
		model.entry().json().path("parameters").fields().forEachRemaining(field -> text
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
			Display display = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getDisplay() : null;
			if (display != null && !display.isDisposed()) {
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
		if (cancel != null) {
			cancel.setEnabled(now == TrainingRun.State.RUNNING);
		}
		state.setText(stateText(now, epochs));
		if (now != TrainingRun.State.RUNNING && !endShown) {
			endShown = true;
			if (now == TrainingRun.State.PUBLISHED) {
				parameters.setText(used(run.model()));
			}
			logFile.setText(run.logFile().map(path -> NLS.bind(Messages.Editor_logFile, path))
					.orElse(run.saved() != null ? Messages.Editor_noLogFile : ""));
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
		case PUBLISHED -> run.saved() != null ? saved(run.saved()) : published(run.result());
		case FAILED -> Messages.format(Messages.Editor_failed, run.message());
		case CANCELLED -> Messages.Editor_cancelled;
		};
	}

	static String published(ProjectTrainer.Result result) {
		return Messages.format(Messages.Editor_published, result.model().name(), result.version(),
				EpochText.decimals(result.seconds(), 1), result.data().trainTasks(), result.data().examples(),
				String.join(", ", result.data().labels()), result.testTasks(), result.data().testSelection());
	}

	private static String saved(TrainedModels.Version version) {
		return Messages.format(Messages.Editor_saved, version.name(), version.version(),
				TIME.format(version.time()), version.description());
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
		ScoresTables.create(closing, ModelScores.of(run.model().entry().metrics()));
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

	/** The Cancel button, or {@code null} for a saved run. */
	public Button cancelButton() {
		return cancel;
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
}
