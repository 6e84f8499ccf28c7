package io.labelbench.ui.editors.task;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "io.labelbench.ui.editors.task.messages";

	public static String TaskEditor_notATaskFile;
	public static String TaskEditor_notATask;
	public static String TaskEditor_unreadable;
	public static String TaskEditor_partName;
	public static String TaskEditor_title;
	public static String TaskEditor_previous;
	public static String TaskEditor_next;
	public static String TaskEditor_firstTask;
	public static String TaskEditor_lastTask;
	public static String TaskEditor_legend;
	public static String TaskEditor_prediction;
	public static String TaskEditor_predictionRelations;
	public static String TaskEditor_predictionChoices;
	public static String TaskEditor_createCompletion;
	public static String TaskEditor_accept;
	public static String TaskEditor_reject;
	public static String TaskEditor_completion;
	public static String TaskEditor_newCompletion;
	public static String TaskEditor_groundTruth;
	public static String TaskEditor_groundTruthMark;
	public static String TaskEditor_submit;
	public static String TaskEditor_update;
	public static String TaskEditor_applyLabel;
	public static String TaskEditor_noRelationLabel;
	public static String TaskEditor_deleteRelation;
	public static String TaskEditor_deleteRegion;
	public static String TaskEditor_resize;
	public static String TaskEditor_selectPredictionRegion;
	public static String TaskEditor_selectTextFirst;
	public static String TaskEditor_selectRegionFirst;
	public static String TaskEditor_selectRegionAndText;
	public static String TaskEditor_nothingToSubmit;
	public static String TaskEditor_saveTitle;
	public static String TaskEditor_saveQuestion;
	public static String TaskEditor_save;
	public static String TaskEditor_discard;
	public static String TaskEditor_cancel;
	public static String TaskEditor_saveFailed;
	public static String TaskEditor_predictionsUpdated;
	public static String TaskEditor_reloaded;
	public static String TaskEditor_noPredictions;
	public static String TaskEditor_diffSummary;
	public static String TaskEditor_problems;
	public static String TaskEditor_relationItem;
	public static String TaskEditor_predictionItem;
	public static String TaskEditor_noModelVersion;
	public static String TaskEditor_completionItem;
	public static String TaskEditor_submittedAt;
	public static String TaskEditor_draft;
	public static String TaskEditor_confidence;
	public static String TaskEditor_rejected;
	public static String TaskEditor_diffMissing;
	public static String TaskEditor_diffAdded;
	public static String TaskEditor_diffLabel;
	public static String TaskEditor_diffBoundary;
	public static String TaskEditor_diffSame;
	public static String TaskEditor_diffParts;
	public static String TaskEditor_assertionChips;
	public static String TaskEditor_noAssertion;
	public static String TaskEditor_removeAssertion;
	public static String TaskEditor_relateChips;
	public static String TaskEditor_relationChips;
	public static String TaskEditor_reverseRelation;
	public static String TaskEditor_selectEntityFirst;
	public static String TaskEditor_assertionsPart;
	public static String TaskEditor_relationsPart;

	public static String VisualEditor_legend;
	public static String VisualEditor_previousPage;
	public static String VisualEditor_nextPage;
	public static String VisualEditor_zoomOut;
	public static String VisualEditor_zoomIn;
	public static String VisualEditor_fitWidth;
	public static String VisualEditor_snap;
	public static String VisualEditor_noPicture;
	public static String VisualEditor_page;
	public static String VisualEditor_pickLabel;
	public static String VisualEditor_boxesOnPage;
	public static String VisualEditor_chunkPart;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}

	/** A message with plurals ({@code {0,choice,…}}), which NLS.bind does not format. */
	static String format(String pattern, Object... arguments) {
		return java.text.MessageFormat.format(pattern, arguments);
	}
}
