package io.labelbench.ui.rules.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.rules.internal.messages";

	public static String RulesEditor_notAFile;
	public static String RulesEditor_name;
	public static String RulesEditor_label;
	public static String RulesEditor_type;
	public static String RulesEditor_pattern;
	public static String RulesEditor_patternOrTerms;
	public static String RulesEditor_regex;
	public static String RulesEditor_dictionary;
	public static String RulesEditor_terms;
	public static String RulesEditor_add;
	public static String RulesEditor_remove;
	public static String RulesEditor_caseSensitive;
	public static String RulesEditor_wholeWord;
	public static String RulesEditor_nameAndLabel;
	public static String RulesEditor_badRegex;
	public static String RulesEditor_noTerms;
	public static String RulesEditor_cannotSave;
	public static String RulesEditor_staleTitle;
	public static String RulesEditor_stale;
	public static String RulesEditor_assertion;
	public static String RulesEditor_relation;
	public static String RulesEditor_assertionSummary;
	public static String RulesEditor_relationSummary;
	public static String RulesEditor_relationLabel;
	public static String RulesEditor_fromLabel;
	public static String RulesEditor_toLabel;
	public static String RulesEditor_maxTokens;
	public static String RulesEditor_relationHelp;
	public static String RulesEditor_useDefaultSet;
	public static String RulesEditor_triggers;
	public static String RulesEditor_phrase;
	public static String RulesEditor_status;
	public static String RulesEditor_position;
	public static String RulesEditor_before;
	public static String RulesEditor_after;
	public static String RulesEditor_addTrigger;
	public static String RulesEditor_removeTrigger;
	public static String RulesEditor_terminators;
	public static String RulesEditor_commaSeparated;
	public static String RulesEditor_window;
	public static String RulesEditor_entityLabels;
	public static String RulesEditor_allLabels;
	public static String RulesEditor_markPresent;
	public static String EditRules_command;
	public static String EditRules_noProject;

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
