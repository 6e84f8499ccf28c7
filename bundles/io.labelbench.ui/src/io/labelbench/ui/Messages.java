package io.labelbench.ui;

import java.text.MessageFormat;

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

	public static String Menu_file;
	public static String Menu_edit;
	public static String Menu_window;
	public static String Menu_help;
	public static String Menu_showView;
	public static String Menu_gettingStarted;
	public static String Menu_about;
	public static String Toolbar_deploy;
	public static String Toolbar_deployTip;
	public static String Toolbar_preannotate;
	public static String Toolbar_preannotateTip;
	public static String About_title;
	public static String About_text;
	public static String About_noBuild;
	public static String GettingStarted_heading;
	public static String GettingStarted_intro;
	public static String GettingStarted_importTitle;
	public static String GettingStarted_importText;
	public static String GettingStarted_newProject;
	public static String GettingStarted_importTasks;
	public static String GettingStarted_configTitle;
	public static String GettingStarted_configText;
	public static String GettingStarted_openConfig;
	public static String GettingStarted_noProject;
	public static String GettingStarted_hubTitle;
	public static String GettingStarted_hubText;
	public static String GettingStarted_openHub;
	public static String GettingStarted_deployTitle;
	public static String GettingStarted_deployText;
	public static String GettingStarted_deploy;
	public static String GettingStarted_preannotateTitle;
	public static String GettingStarted_preannotateText;
	public static String GettingStarted_preannotate;
	public static String GettingStarted_reviewTitle;
	public static String GettingStarted_reviewText;
	public static String GettingStarted_showTasks;
	public static String GettingStarted_commandFailed;
	public static String NewProjectWizard_template;
	public static String NewProjectWizard_templateNer;
	public static String NewProjectWizard_templateClassification;
	public static String NewProjectWizard_templateAssertionRelations;
	public static String NewProjectWizard_templateVisualNer;
	public static String ImportWizard_filterAll;
	public static String ImportWizard_filterDocuments;
	public static String ImportWizard_filterTasks;
	public static String ImportWizard_filterAny;
	public static String VisualConfig_title;
	public static String VisualConfig_import;
	public static String VisualConfig_open;
	public static String VisualConfig_fix;
	public static String VisualConfig_importAnyway;
	public static String VisualConfig_openAnyway;
	public static String VisualConfig_fixed;
	public static String TasksView_failed;
	public static String Job_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}

	/**
	 * A message with plurals ({@code {0,choice,1#1 task|1<{0,number,integer} tasks}}): NLS.bind substitutes
	 * plain arguments only, MessageFormat also chooses the form.
	 */
	public static String format(String pattern, Object... arguments) {
		return MessageFormat.format(pattern, arguments);
	}
}
