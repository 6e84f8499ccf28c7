package io.labelbench.ui.servers;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.servers.messages";

	public static String ServerPreferencePage_description;
	public static String ServerPreferencePage_maxServers;
	public static String ServerPreferencePage_maxHeap;
	public static String ServerPreferencePage_serverHeap;
	public static String ServerPreferencePage_idle;
	public static String Servers_notPermitted;
	public static String Servers_budgetTitle;
	public static String Servers_openServersView;
	public static String Servers_close;
	public static String DeployServerJob_name;
	public static String DeployServerJob_clusterName;
	public static String DeployServerJob_failed;
	public static String PreannotateJob_name;
	public static String PreannotateJob_progress;
	public static String PreannotateJob_failed;
	public static String PreannotateJob_stopped;
	public static String ServersView_deploy;
	public static String ServersView_deployTip;
	public static String ServersView_register;
	public static String ServersView_deployCluster;
	public static String ServersView_deployClusterTip;
	public static String ServersView_clusterMaster;
	public static String ServersView_clusterMasterInvalid;
	public static String ServersView_registerUrl;
	public static String ServersView_registerToken;
	public static String ServersView_registerFailed;
	public static String ServersView_delete;
	public static String ServersView_deleteTip;
	public static String ServersView_deleteBusy;
	public static String ServersView_deleteJob;
	public static String ServersView_log;
	public static String ServersView_refresh;
	public static String ServersView_pollJob;
	public static String ServersView_noProject;
	public static String ServersView_summary;
	public static String ServersView_stale;
	public static String ServersView_name;
	public static String ServersView_project;
	public static String ServersView_models;
	public static String ServersView_labels;
	public static String ServersView_status;
	public static String ServersView_pid;
	public static String ServersView_heap;
	public static String ServersView_uptime;
	public static String ServersView_lastUsed;
	public static String ServersView_tasks;
	public static String PreAnnotateDialog_command;
	public static String PreAnnotateDialog_title;
	public static String PreAnnotateDialog_intro;
	public static String PreAnnotateDialog_noServer;
	public static String PreAnnotateDialog_covers;
	public static String PreAnnotateDialog_coversNone;
	public static String PreAnnotateDialog_assertions;
	public static String PreAnnotateDialog_relations;
	public static String PreAnnotateDialog_tasks;
	public static String PreAnnotateDialog_selected;
	public static String PreAnnotateDialog_shown;
	public static String PreAnnotateDialog_all;
	public static String PreAnnotateDialog_existing;
	public static String PreAnnotateDialog_skip;
	public static String PreAnnotateDialog_replace;
	public static String PreAnnotateDialog_deploy;
	public static String PreAnnotateDialog_run;
	public static String ServersStartup_cleanup;
	public static String ServersStartup_idle;


	public static String PreannotateJob_summary;
	public static String PreannotateJob_summaryTitle;
	public static String PreannotateJob_cancelled;
	public static String PreannotateJob_failures;
	public static String ServersView_logMissing;

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
