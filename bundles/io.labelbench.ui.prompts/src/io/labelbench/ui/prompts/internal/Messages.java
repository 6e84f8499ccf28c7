package io.labelbench.ui.prompts.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.prompts.internal.messages";

	public static String Prompt_name;
	public static String Prompt_kind;
	public static String Prompt_label;
	public static String Prompt_engine;
	public static String Prompt_description;
	public static String Prompt_examples;
	public static String Prompt_counterExamples;
	public static String Prompt_head;
	public static String Prompt_tail;
	public static String Prompt_threshold;
	public static String Prompt_entity;
	public static String Prompt_classification;
	public static String Prompt_relation;
	public static String Prompt_builtin;
	public static String Prompt_llm;
	public static String PromptsEditor_notAFile;
	public static String PromptsEditor_add;
	public static String PromptsEditor_remove;
	public static String PromptsEditor_promptAt;
	public static String PromptsEditor_duplicate;
	public static String PromptsEditor_cannotSave;
	public static String PromptsEditor_staleTitle;
	public static String PromptsEditor_stale;
	public static String EditPrompts_command;
	public static String EditPrompts_noProject;
	public static String Library_new;
	public static String Library_edit;
	public static String Library_delete;
	public static String Library_import;
	public static String Library_export;
	public static String Library_refresh;
	public static String Library_file;
	public static String Library_newPrompt;
	public static String Library_badName;
	public static String Library_exists;
	public static String Library_newDescription;
	public static String Library_status;
	public static String Library_confirmDelete;
	public static String Library_imported;
	public static String Library_exported;
	public static String LlmPreferences_description;
	public static String LlmPreferences_baseUrl;
	public static String LlmPreferences_model;
	public static String LlmPreferences_apiKey;
	public static String LlmPreferences_note;
	public static String LlmPreferences_cannotRead;
	public static String LlmPreferences_cannotSave;
	public static String Playground_project;
	public static String Playground_task;
	public static String Playground_run;
	public static String Playground_evaluate;
	public static String Playground_reload;
	public static String Playground_source;
	public static String Playground_library;
	public static String Playground_projectSource;
	public static String Playground_save;
	public static String Playground_saved;
	public static String Playground_typeHere;
	public static String Playground_choosePrompts;
	public static String Playground_running;
	public static String Playground_evaluating;
	public static String Playground_took;
	public static String Playground_tookTokens;
	public static String Playground_choices;
	public static String Playground_nothingFound;
	public static String Playground_label;
	public static String Playground_precision;
	public static String Playground_recall;
	public static String Playground_f1;
	public static String Playground_support;
	public static String Playground_micro;
	public static String Playground_evaluated;
	public static String Playground_evaluatedFailed;
	public static String Playground_noEndpoint;
	public static String Playground_serverFailed;

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
