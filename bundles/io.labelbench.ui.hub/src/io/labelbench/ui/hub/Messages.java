package io.labelbench.ui.hub;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.hub.messages";

	public static String HubPreferencePage_description;
	public static String HubPreferencePage_hubs;
	public static String HubPreferencePage_cache;
	public static String ModelsHubView_filter;
	public static String ModelsHubView_allCategories;
	public static String ModelsHubView_allTasks;
	public static String ModelsHubView_name;
	public static String ModelsHubView_task;
	public static String ModelsHubView_category;
	public static String ModelsHubView_language;
	public static String ModelsHubView_labels;
	public static String ModelsHubView_size;
	public static String ModelsHubView_status;
	public static String ModelsHubView_refresh;
	public static String ModelsHubView_download;
	public static String ModelsHubView_cancel;
	public static String ModelsHubView_delete;
	public static String ModelsHubView_noHub;
	public static String ModelsHubView_unreadableHub;
	public static String ModelsHubView_readingJob;
	public static String ModelsHubView_downloadJob;
	public static String ModelsHubView_deleteJob;
	public static String ModelsHubView_detail;
	public static String ModelsHubView_metrics;
	public static String ModelsHubView_noMetrics;
	public static String Status_available;
	public static String Status_downloading;
	public static String Status_downloaded;
	public static String Status_update;
	public static String Status_failed;
	public static String ModelsHubView_addLabels;
	public static String AddLabels_title;
	public static String AddLabels_intro;
	public static String AddLabels_project;
	public static String AddLabels_control;
	public static String AddLabels_operation;
	public static String AddLabels_noConfig;
	public static String AddLabels_noneTicked;
	public static String AddLabels_dirty;
	public static String AddLabels_changedSince;
	public static String AddLabels_failed;
	public static String AddLabels_done;
	public static String ModelDownload_notInHub;
	public static String Delete_neededTitle;
	public static String Delete_needed;
	public static String AddLabels_added;
	public static String AddLabels_modelSet;
	public static String AddLabels_unchanged;
	public static String AddLabels_entitiesAdded;
	public static String AddLabels_controlChosen;
	public static String AddLabels_nothingToDo;


	public static String Scores_none;
	public static String Scores_tested;
	public static String Scores_spans;
	public static String Scores_confusion;
	public static String Scores_confusionCorner;
	public static String Scores_classification;
	public static String Scores_label;
	public static String Scores_precision;
	public static String Scores_recall;
	public static String Scores_f1;
	public static String Scores_support;

	public static String Trained_version;
	public static String Trained_time;
	public static String Trained_testTasks;
	public static String Trained_microP;
	public static String Trained_microR;
	public static String Trained_microF1;
	public static String Trained_macroF1;
	public static String Trained_heading;
	public static String Trained_parameters;
	public static String Trained_dataHash;
	public static String Status_trained;

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
