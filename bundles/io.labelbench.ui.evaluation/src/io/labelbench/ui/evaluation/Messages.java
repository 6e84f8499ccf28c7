package io.labelbench.ui.evaluation;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.evaluation.messages";

	public static String Evaluate_title;
	public static String Evaluate_noProject;
	public static String Evaluate_noPredictions;
	public static String Evaluate_noTasks;
	public static String Evaluate_readFailed;
	public static String EvaluateDialog_message;
	public static String EvaluateDialog_predictions;
	public static String EvaluateDialog_latest;
	public static String EvaluateDialog_version;
	public static String EvaluateDialog_noVersion;
	public static String EvaluateDialog_tagged;
	public static String EvaluateDialog_split;
	public static String EvaluationJob_name;
	public static String EvaluationJob_progress;
	public static String EvaluationJob_nothing;
	public static String EvaluationJob_failed;
	public static String Report_title;
	public static String Report_summary;
	public static String Report_leftOut;
	public static String Report_unreadable;
	public static String Report_versions;
	public static String Report_noVersion;
	public static String Report_tasksCount;
	public static String Report_tagged;
	public static String Report_split;
	public static String Report_export;
	public static String Report_exportFailed;
	public static String Report_spans;
	public static String Report_exactOverlap;
	public static String Report_chartTitle;
	public static String Report_chartExact;
	public static String Report_chartOverlap;
	public static String Report_chartLabel;
	public static String Report_chartScore;
	public static String Report_confusion;
	public static String Report_confusionCorner;
	public static String Report_classification;
	public static String Report_assertion;
	public static String Report_relations;
	public static String Report_boxes;
	public static String Report_nothingCounted;
	public static String Table_label;
	public static String Table_precision;
	public static String Table_recall;
	public static String Table_f1;
	public static String Table_exactP;
	public static String Table_exactR;
	public static String Table_exactF1;
	public static String Table_overlapP;
	public static String Table_overlapR;
	public static String Table_overlapF1;
	public static String Table_support;
	public static String Table_micro;
	public static String Table_macro;
	public static String Table_noLabel;

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
