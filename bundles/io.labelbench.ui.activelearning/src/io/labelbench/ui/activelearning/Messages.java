package io.labelbench.ui.activelearning;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.activelearning.messages";

	public static String Page_description;
	public static String Page_enable;
	public static String Page_completions;
	public static String Page_custom;
	public static String Page_type;
	public static String Page_ner;
	public static String Page_classification;
	public static String Page_deploy;
	public static String Page_status;
	public static String Page_saveFailed;
	public static String Status_off;
	public static String Status_next;
	public static String Status_running;
	public static String Status_lastNone;
	public static String Status_last;
	public static String Status_lastNoScore;
	public static String Status_deployed;
	public static String Status_failed;
	public static String Status_failedLog;
	public static String Decoration_next;
	public static String Decoration_due;
	public static String Decoration_running;
	public static String Decoration_last;
	public static String Decoration_failed;
	public static String Job_count;

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
