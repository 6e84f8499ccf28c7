package io.labelbench.ui.evaluation;

import static io.labelbench.ui.ScoreTable.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import io.labelbench.core.eval.Counts;
import io.labelbench.core.eval.LabelScores;
import io.labelbench.core.eval.Metrics;
import io.labelbench.ui.ScoreTable;

/**
 * The report's tables: scores per label (exact and overlapping spans, or one kind) with micro and macro averages,
 * and the colour-scaled confusion matrix; {@link ScoreTable}s, as the trained models' scores are.
 */
final class ReportTables {

	private ReportTables() {
	}

	/** A relation may have no label. */
	static String display(String label) {
		return label.isEmpty() ? Messages.Table_noLabel : label;
	}

	/** Label, exact P/R/F1, overlap P/R/F1, support; then micro and macro. */
	static Table spans(Composite parent, LabelScores exact, LabelScores overlap) {
		Table table = ScoreTable.create(parent, Messages.Table_label, Messages.Table_exactP, Messages.Table_exactR,
				Messages.Table_exactF1, Messages.Table_overlapP, Messages.Table_overlapR, Messages.Table_overlapF1,
				Messages.Table_support);
		Map<String, Counts> overlapping = overlap.labels();
		exact.labels().forEach((label, counts) -> {
			Counts o = overlapping.getOrDefault(label, new Counts());
			ScoreTable.row(table, display(label), score(counts.precision()), score(counts.recall()), score(counts.f1()),
					score(o.precision()), score(o.recall()), score(o.f1()), Long.toString(counts.support()));
		});
		LabelScores.Scores em = exact.micro();
		LabelScores.Scores om = overlap.micro();
		ScoreTable.row(table, Messages.Table_micro, score(em.precision()), score(em.recall()), score(em.f1()),
				score(om.precision()), score(om.recall()), score(om.f1()), Long.toString(exact.total().support()));
		LabelScores.Scores ea = exact.macro();
		LabelScores.Scores oa = overlap.macro();
		ScoreTable.row(table, Messages.Table_macro, score(ea.precision()), score(ea.recall()), score(ea.f1()),
				score(oa.precision()), score(oa.recall()), score(oa.f1()), "");
		return ScoreTable.pack(table);
	}

	/** Label, P, R, F1, support; then micro and macro. */
	static Table labels(Composite parent, LabelScores scores) {
		Table table = ScoreTable.create(parent, Messages.Table_label, Messages.Table_precision, Messages.Table_recall,
				Messages.Table_f1, Messages.Table_support);
		scores.labels().forEach((label, counts) -> ScoreTable.row(table, display(label), score(counts.precision()),
				score(counts.recall()), score(counts.f1()), Long.toString(counts.support())));
		LabelScores.Scores micro = scores.micro();
		ScoreTable.row(table, Messages.Table_micro, score(micro.precision()), score(micro.recall()), score(micro.f1()),
				Long.toString(scores.total().support()));
		LabelScores.Scores macro = scores.macro();
		ScoreTable.row(table, Messages.Table_macro, score(macro.precision()), score(macro.recall()), score(macro.f1()), "");
		return ScoreTable.pack(table);
	}

	/**
	 * Completion labels down, predicted labels across, {@link Metrics#OUTSIDE} last on both, shaded as every
	 * {@link ScoreTable#confusion} is.
	 */
	static Table confusion(Composite parent, Metrics metrics) {
		TreeSet<String> sorted = new TreeSet<>(metrics.confusion().keySet());
		metrics.confusion().values().forEach(row -> sorted.addAll(row.keySet()));
		sorted.remove(Metrics.OUTSIDE);
		List<String> labels = new ArrayList<>(sorted);
		labels.add(Metrics.OUTSIDE);
		return ScoreTable.confusion(parent, Messages.Report_confusionCorner, labels, metrics::confusion);
	}
}
