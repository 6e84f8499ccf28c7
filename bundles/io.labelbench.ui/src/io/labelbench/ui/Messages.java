package io.labelbench.ui;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Labelbench UI. */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.messages";

	public static String Workbench_title;
	public static String SampleProjectJob_name;
	public static String SampleProjectJob_failed;
	public static String Navigator_tasks;
	public static String Navigator_range;
	public static String Navigator_task;
	public static String TasksView_filterHint;
	public static String TasksView_filterAll;
	public static String TasksView_filterWithPredictions;
	public static String TasksView_filterPredictionsNoCompletion;
	public static String TasksView_filterNoCompletion;
	public static String TasksView_id;
	public static String TasksView_text;
	public static String TasksView_predictions;
	public static String TasksView_completions;
	public static String TasksView_bestScore;
	public static String TasksView_modelVersions;
	public static String TasksView_loading;
	public static String TasksView_status;
	public static String TasksView_noProject;
	public static String ImportJob_name;
	public static String ImportJob_problems;
	public static String ImportJob_skipped;
	public static String ImportJob_skippedFile;
	public static String ExportJob_name;
	public static String ExportJob_problems;
	public static String Job_notLabelbench;
	public static String ImportWizard_title;
	public static String ImportWizard_description;
	public static String ImportWizard_files;
	public static String ImportWizard_addFiles;
	public static String ImportWizard_addFolder;
	public static String ImportWizard_textColumn;
	public static String ImportWizard_renumber;
	public static String ImportWizard_noFiles;
	public static String ImportWizard_noColumn;
	public static String ImportWizard_missing;
	public static String ExportWizard_title;
	public static String ExportWizard_description;
	public static String ExportWizard_format;
	public static String ExportWizard_file;
	public static String ExportWizard_browse;
	public static String ExportWizard_noFile;
	public static String Wizard_project;
	public static String Wizard_noProject;
	public static String NewProjectWizard_title;
	public static String NewProjectWizard_description;

	public static String UserPreferencePage_description;
	public static String UserPreferencePage_user;

	public static String ImportJob_password;
	public static String ImportJob_wrongPassword;
	public static String ImportJob_passwordTitle;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
