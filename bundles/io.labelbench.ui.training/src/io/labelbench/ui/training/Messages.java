package io.labelbench.ui.training;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.training.messages";

	public static String Train_title;
	public static String Train_noProject;
	public static String Dialog_title;
	public static String Dialog_message;
	public static String Dialog_type;
	public static String Dialog_embeddings;
	public static String Dialog_epochs;
	public static String Dialog_learningRate;
	public static String Dialog_batchSize;
	public static String Dialog_dropout;
	public static String Dialog_validationSplit;
	public static String Dialog_testSplit;
	public static String Dialog_deploy;
	public static String Dialog_redeploy;
	public static String Dialog_summary;
	public static String Dialog_noEmbeddings;
	public static String Dialog_wholeNumber;
	public static String Dialog_fraction;
	public static String Dialog_train;
	public static String TrainingJob_name;
	public static String TrainingJob_starting;
	public static String TrainingJob_notPermitted;
	public static String TrainingJob_noConfig;
	public static String TrainingJob_overBudget;
	public static String TrainingJob_failed;
	public static String TrainingJob_show;
	public static String Epoch_line;
	public static String Epoch_accuracy;
	public static String Epoch_validation;
	public static String Editor_title;
	public static String Editor_savedTitle;
	public static String Editor_saved;
	public static String Editor_logFile;
	public static String Editor_noLogFile;
	public static String Editor_cancel;
	public static String Editor_parameters;
	public static String Editor_default;
	public static String Editor_iterations;
	public static String Editor_newestEmbeddings;
	public static String Editor_used;
	public static String Editor_starting;
	public static String Editor_running;
	public static String Editor_published;
	public static String Editor_failed;
	public static String Editor_cancelled;
	public static String Editor_scores;
	public static String Editor_scoresLater;
	public static String Editor_noScores;
	public static String Chart_title;
	public static String Chart_epoch;
	public static String Chart_loss;
	public static String Chart_score;
	public static String Chart_microF1;
	public static String Chart_macroF1;
	public static String Chart_accuracy;
	public static String Deploy_operation;
	public static String Deploy_done;
	public static String Deploy_already;
	public static String Deploy_missing;
	public static String Deploy_dirty;
	public static String Deploy_failed;
	public static String Deploy_noWorkbench;
	public static String Deploy_stale;
	public static String Deploy_redeploying;
	public static String ShowLog_title;
	public static String ShowLog_unreadable;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	/** A message with plurals ({@code {0,choice,…}}), which NLS.bind does not format. */
	public static String format(String pattern, Object... arguments) {
		return java.text.MessageFormat.format(pattern, arguments);
	}

	private Messages() {
	}
}
