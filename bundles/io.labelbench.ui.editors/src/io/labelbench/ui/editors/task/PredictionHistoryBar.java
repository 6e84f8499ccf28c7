package io.labelbench.ui.editors.task;

import static io.labelbench.ui.editors.task.EditorLayouts.button;
import static io.labelbench.ui.editors.task.EditorLayouts.labelledCombo;
import static io.labelbench.ui.editors.task.EditorLayouts.row;

import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;

/**
 * Above the prediction: its history newest first (model version, author, date, score) to pick one from, and
 * Create Completion, Accept and Reject.
 */
final class PredictionHistoryBar {

	final Combo predictions;
	final Button createCompletion;
	final Button accept;
	final Button reject;

	PredictionHistoryBar(Composite side, IntConsumer picked, Runnable onCreate, Runnable onAccept, Runnable onReject) {
		predictions = labelledCombo(side, Messages.TaskEditor_prediction, picked);
		Composite actions = row(side, 3);
		createCompletion = button(actions, Messages.TaskEditor_createCompletion, e -> onCreate.run());
		accept = button(actions, Messages.TaskEditor_accept, e -> onAccept.run());
		reject = button(actions, Messages.TaskEditor_reject, e -> onReject.run());
	}

	/** Shows the history with the prediction at {@code shown} picked ({@code -1} or beyond: none). */
	void show(List<Annotation> history, int shown, boolean regionPicked) {
		predictions.setItems(history.stream().map(PredictionHistoryBar::describe).toArray(String[]::new));
		boolean any = shown >= 0 && shown < history.size();
		if (any) {
			predictions.select(shown);
		}
		createCompletion.setEnabled(any);
		accept.setEnabled(regionPicked);
		reject.setEnabled(regionPicked);
	}

	static String describe(Annotation prediction) {
		Instant time = TaskEditSession.timeOf(prediction);
		return NLS.bind(Messages.TaskEditor_predictionItem, new Object[] {
				prediction.modelVersion() == null ? Messages.TaskEditor_noModelVersion : prediction.modelVersion(),
				prediction.author() == null ? "\u2013" : prediction.author(),
				time == null ? "\u2013" : time.toString().replace('T', ' ').replace("Z", ""),
				AnnotationView.score(prediction.score()) });
	}

	/** How the completion differs from the shown prediction, counted. */
	static String summary(Annotation shown, AnnotationDiff diff) {
		if (shown == null) {
			return Messages.TaskEditor_noPredictions;
		}
		var counts = diff.counts();
		StringBuilder summary = new StringBuilder(NLS.bind(Messages.TaskEditor_diffSummary,
				new Object[] { counts.get(AnnotationDiff.Kind.SAME), counts.get(AnnotationDiff.Kind.MISSING),
						counts.get(AnnotationDiff.Kind.LABEL), counts.get(AnnotationDiff.Kind.BOUNDARY),
						counts.get(AnnotationDiff.Kind.ADDED) }));
		part(summary, diff, AnnotationDiff.Part.ASSERTION, Messages.TaskEditor_assertionsPart);
		part(summary, diff, AnnotationDiff.Part.RELATION, Messages.TaskEditor_relationsPart);
		return summary.toString();
	}

	/** Adds the counts of assertions or relations, when either side has any. */
	private static void part(StringBuilder summary, AnnotationDiff diff, AnnotationDiff.Part part, String name) {
		var counts = diff.counts(part);
		if (counts.values().stream().mapToInt(Integer::intValue).sum() > 0) {
			summary.append('\n').append(NLS.bind(Messages.TaskEditor_diffParts,
					new Object[] { name, counts.get(AnnotationDiff.Kind.SAME), counts.get(AnnotationDiff.Kind.MISSING),
							counts.get(AnnotationDiff.Kind.LABEL), counts.get(AnnotationDiff.Kind.ADDED) }));
		}
	}
}
