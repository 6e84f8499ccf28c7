package io.labelbench.ui.config.editor.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.config.editor.internal.messages";

	public static String ConfigEditor_validating;

	public static String QuickFix_pointToName;
	public static String QuickFix_addToName;
	public static String QuickFix_removeDuplicate;
	public static String QuickFix_moveRelation;
	public static String QuickFix_newRelations;
	public static String QuickFix_failed;

	public static String LabelPalette_noConfig;

	public static String QuickFix_addLabel;
	public static String QuickFix_noLabels;
	public static String QuickFix_removeModel;
	public static String QuickFix_downloadEmbeddings;
	public static String QuickFix_addAssertion;
	public static String QuickFix_addEntityLabels;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
