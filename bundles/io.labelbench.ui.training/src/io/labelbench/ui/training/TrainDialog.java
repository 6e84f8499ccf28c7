package io.labelbench.ui.training;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingData;
import io.labelbench.project.training.TrainingType;
import io.labelbench.protocol.TrainingDefaults;

/**
 * Train Model: the type (those the trainer supports), the embeddings (downloaded ones), the parameters filled with the
 * trainer's defaults, the validation split, the share held out for the closing scores when no task is tagged "test",
 * and Deploy after training. What the trainer would refuse (no completions, one label only, labels the config lacks,
 * no embeddings) is shown here, before anything starts, and keeps Train disabled.
 */
final class TrainDialog extends TitleAreaDialog {

	static final int DEFAULT_TEST_PERCENT = 20;

	/** What training would fit on; refused with the trainer's message. */
	interface Preflight {
		TrainingData.Exported check(TrainingType type, Double split) throws Exception;
	}

	private final String projectName;
	private final List<String> embeddings;
	private final Preflight preflight;
	private Combo typeCombo;
	private Combo embeddingsCombo;
	private Text epochs;
	private Text learningRate;
	private Text batchSize;
	private Text dropout;
	private Spinner validationSplit;
	private Spinner testSplit;
	private Button deploy;
	private Button redeploy;
	private Label summary;
	private String refusal;
	private TrainingRequest request;

	/** @param embeddings the downloaded embeddings, the one used by default last */
	TrainDialog(Shell shell, String projectName, List<String> embeddings, Preflight preflight) {
		super(shell);
		this.projectName = projectName;
		this.embeddings = embeddings;
		this.preflight = preflight;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Train_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite outer = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.Dialog_title, projectName));
		setMessage(Messages.Dialog_message);
		Composite area = new Composite(outer, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(area);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(area);

		typeCombo = new Combo(labelled(area, Messages.Dialog_type), SWT.READ_ONLY);
		for (TrainingType type : TrainingType.values()) {
			typeCombo.add(type.id());
		}
		typeCombo.select(0);
		fill(typeCombo);
		embeddingsCombo = new Combo(labelled(area, Messages.Dialog_embeddings), SWT.READ_ONLY);
		embeddings.forEach(embeddingsCombo::add);
		embeddingsCombo.select(embeddings.size() - 1);
		fill(embeddingsCombo);
		epochs = field(area, Messages.Dialog_epochs);
		learningRate = field(area, Messages.Dialog_learningRate);
		batchSize = field(area, Messages.Dialog_batchSize);
		dropout = field(area, Messages.Dialog_dropout);
		validationSplit = new Spinner(labelled(area, Messages.Dialog_validationSplit), SWT.BORDER);
		validationSplit.setValues(0, 0, 50, 0, 5, 10);
		testSplit = new Spinner(labelled(area, Messages.Dialog_testSplit), SWT.BORDER);
		testSplit.setValues(DEFAULT_TEST_PERCENT, 0, 50, 0, 5, 10);
		deploy = new Button(area, SWT.CHECK);
		deploy.setText(Messages.Dialog_deploy);
		GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(deploy);
		redeploy = new Button(area, SWT.CHECK);
		redeploy.setText(Messages.Dialog_redeploy);
		redeploy.setEnabled(false);
		GridDataFactory.fillDefaults().span(2, 1).indent(20, 0).applyTo(redeploy);
		summary = new Label(area, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(convertWidthInCharsToPixels(80), SWT.DEFAULT)
				.indent(0, 8).applyTo(summary);

		defaults();
		typeCombo.addListener(SWT.Selection, e -> {
			defaults();
			check();
		});
		testSplit.addListener(SWT.Selection, e -> check());
		deploy.addListener(SWT.Selection, e -> redeploy.setEnabled(deploy.getSelection()));
		for (Text text : new Text[] { epochs, learningRate, batchSize, dropout }) {
			text.addModifyListener(e -> validate());
		}
		return outer;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.Dialog_train, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		check();
	}

	private static Composite labelled(Composite area, String text) {
		new Label(area, SWT.NONE).setText(text);
		return area;
	}

	private static void fill(Control control) {
		GridDataFactory.fillDefaults().grab(true, false).applyTo(control);
	}

	private Text field(Composite area, String label) {
		Text text = new Text(labelled(area, label), SWT.BORDER);
		GridDataFactory.swtDefaults().hint(convertWidthInCharsToPixels(12), SWT.DEFAULT).applyTo(text);
		return text;
	}

	private TrainingType type() {
		return TrainingType.values()[typeCombo.getSelectionIndex()];
	}

	/** The type's defaults in the fields; a type without recorded defaults leaves them blank (the trainer's). */
	private void defaults() {
		TrainingDefaults d = TrainingDefaults.of(type().id());
		epochs.setText(d == null ? "" : Integer.toString(d.epochs()));
		learningRate.setText(d == null ? "" : Float.toString(d.learningRate()));
		batchSize.setText(d == null ? "" : Integer.toString(d.batchSize()));
		dropout.setText(d == null ? "" : Float.toString(d.dropout()));
		validationSplit.setSelection(d == null ? 0 : Math.round(d.validationSplit() * 100));
	}

	/** Asks the trainer's data export what it would fit on; shows its refusal, else what will be trained. */
	private void check() {
		refusal = null;
		if (embeddings.isEmpty()) {
			refusal = Messages.Dialog_noEmbeddings;
		} else {
			TrainingType type = type();
			Double split = testSplit.getSelection() == 0 ? null : testSplit.getSelection() / 100.0;
			BusyIndicator.showWhile(getShell().getDisplay(), () -> {
				try {
					TrainingData.Exported data = preflight.check(type, split);
					summary.setText(Messages.format(Messages.Dialog_summary, data.trainTasks(), data.examples(),
							String.join(", ", data.labels()), data.testTasks(), data.testSelection()));
				} catch (Exception e) {
					refusal = e.getMessage();
					summary.setText("");
				}
			});
		}
		validate();
	}

	private void validate() {
		String problem = refusal;
		for (String invalid : new String[] { whole(epochs, Messages.Dialog_epochs),
				fraction(learningRate, false, Messages.Dialog_learningRate), whole(batchSize, Messages.Dialog_batchSize),
				fraction(dropout, true, Messages.Dialog_dropout) }) {
			problem = problem == null ? invalid : problem;
		}
		setErrorMessage(problem);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
		summary.getParent().layout(true);
	}

	/** A message when the field holds no whole number above 0 (blank is the trainer's default). */
	private static String whole(Text field, String name) {
		String text = field.getText().strip();
		try {
			if (text.isEmpty() || Integer.parseInt(text) > 0) {
				return null;
			}
		} catch (NumberFormatException e) {
			// the message below
		}
		return NLS.bind(Messages.Dialog_wholeNumber, name.replace("&", "").replace(":", ""), text);
	}

	/** A message when the field holds no number in (0, 1), or [0, 1) with {@code zero}; blank is the default. */
	private static String fraction(Text field, boolean zero, String name) {
		String text = field.getText().strip();
		try {
			if (text.isEmpty()) {
				return null;
			}
			float value = Float.parseFloat(text);
			if ((zero ? value >= 0 : value > 0) && value < 1) {
				return null;
			}
		} catch (NumberFormatException e) {
			// the message below
		}
		return NLS.bind(Messages.Dialog_fraction, name.replace("&", "").replace(":", ""), text);
	}

	private static Integer wholeValue(Text field) {
		String text = field.getText().strip();
		return text.isEmpty() ? null : Integer.valueOf(text);
	}

	private static Float floatValue(Text field) {
		String text = field.getText().strip();
		return text.isEmpty() ? null : Float.valueOf(text);
	}

	@Override
	protected void okPressed() {
		ProjectTrainer.Parameters parameters = new ProjectTrainer.Parameters(embeddingsCombo.getText(),
				wholeValue(epochs), floatValue(learningRate), wholeValue(batchSize), floatValue(dropout),
				validationSplit.getSelection() / 100f);
		request = new TrainingRequest(type(), parameters,
				testSplit.getSelection() == 0 ? null : testSplit.getSelection() / 100.0, deploy.getSelection(),
				deploy.getSelection() && redeploy.getSelection());
		super.okPressed();
	}

	/** What to train, once Train was pressed. */
	TrainingRequest request() {
		return request;
	}
}
