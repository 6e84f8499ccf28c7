package io.labelbench.ui.hub;

import static io.labelbench.ui.ScoreTable.score;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import io.labelbench.hub.ModelScores;
import io.labelbench.ui.ScoreTable;

/**
 * A trained model's held-out scores as tables: per label precision, recall, F1 and support with micro and macro
 * averages, the span confusion matrix (agreements green, confusions red), and per choices control the accuracy with
 * the per-choice scores. Used by the Models Hub view and the training editor; the tables are {@link ScoreTable}s,
 * as in the evaluation report.
 */
public final class ScoresTables {

	private ScoresTables() {
	}

	/** Adds the tables for {@code scores} to {@code parent} (a one-column grid); says so when nothing was measured. */
	public static void create(Composite parent, ModelScores scores) {
		if (!scores.measured()) {
			text(parent, Messages.Scores_none);
			return;
		}
		text(parent, NLS.bind(Messages.Scores_tested, scores.testTasks()));
		if (!scores.spans().isEmpty()) {
			text(parent, Messages.Scores_spans);
			scores(parent, scores.spans());
		}
		scores.classification().forEach((control, c) -> {
			text(parent, NLS.bind(Messages.Scores_classification, new Object[] { control, score(c.accuracy()),
					c.correct(), c.total() }));
			scores(parent, c.choices());
		});
		ModelScores.Classification assertion = scores.assertion();
		if (assertion.total() > 0 || !assertion.choices().isEmpty()) {
			text(parent, NLS.bind(Messages.Scores_assertion, new Object[] { score(assertion.accuracy()),
					assertion.correct(), assertion.total() }));
			scores(parent, assertion.choices());
		}
		if (!scores.relations().isEmpty()) {
			text(parent, Messages.Scores_relations);
			scores(parent, scores.relations());
		}
		if (!scores.confusionLabels().isEmpty()) {
			text(parent, Messages.Scores_confusion);
			ScoreTable.confusion(parent, Messages.Scores_confusionCorner, scores.confusionLabels(),
					scores::confusion);
		}
	}

	private static void text(Composite parent, String text) {
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).applyTo(label);
	}

	private static Table scores(Composite parent, ModelScores.Scores scores) {
		Table table = ScoreTable.create(parent, Messages.Scores_label, Messages.Scores_precision,
				Messages.Scores_recall, Messages.Scores_f1, Messages.Scores_support);
		scores.labels().forEach(row -> row(table, row));
		row(table, scores.micro());
		row(table, scores.macro());
		return ScoreTable.pack(table);
	}

	private static void row(Table table, ModelScores.Row row) {
		ScoreTable.row(table, row.label(), score(row.precision()), score(row.recall()), score(row.f1()),
				row.support() < 0 ? "" : Long.toString(row.support()));
	}
}
