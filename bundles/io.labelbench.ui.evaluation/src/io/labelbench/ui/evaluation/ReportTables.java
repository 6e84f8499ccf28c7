package io.labelbench.ui.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.labelbench.core.eval.Counts;
import io.labelbench.core.eval.LabelScores;
import io.labelbench.core.eval.Metrics;

/** The report's tables: scores per label with micro and macro averages, and the colour-scaled confusion matrix. */
final class ReportTables {

	private ReportTables() {
	}

	/** Scores with three decimals, as the command line prints them. */
	static String score(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	/** A relation may have no label. */
	static String display(String label) {
		return label.isEmpty() ? Messages.Table_noLabel : label;
	}

	/** Label, exact P/R/F1, overlap P/R/F1, support; then micro and macro. */
	static Table spans(Composite parent, LabelScores exact, LabelScores overlap) {
		Table table = table(parent, Messages.Table_label, Messages.Table_exactP, Messages.Table_exactR,
				Messages.Table_exactF1, Messages.Table_overlapP, Messages.Table_overlapR, Messages.Table_overlapF1,
				Messages.Table_support);
		Map<String, Counts> overlapping = overlap.labels();
		exact.labels().forEach((label, counts) -> {
			Counts o = overlapping.getOrDefault(label, new Counts());
			row(table, display(label), score(counts.precision()), score(counts.recall()), score(counts.f1()),
					score(o.precision()), score(o.recall()), score(o.f1()), Long.toString(counts.support()));
		});
		LabelScores.Scores em = exact.micro();
		LabelScores.Scores om = overlap.micro();
		row(table, Messages.Table_micro, score(em.precision()), score(em.recall()), score(em.f1()),
				score(om.precision()), score(om.recall()), score(om.f1()), Long.toString(exact.total().support()));
		LabelScores.Scores ea = exact.macro();
		LabelScores.Scores oa = overlap.macro();
		row(table, Messages.Table_macro, score(ea.precision()), score(ea.recall()), score(ea.f1()),
				score(oa.precision()), score(oa.recall()), score(oa.f1()), "");
		return pack(table);
	}

	/** Label, P, R, F1, support; then micro and macro. */
	static Table labels(Composite parent, LabelScores scores) {
		Table table = table(parent, Messages.Table_label, Messages.Table_precision, Messages.Table_recall,
				Messages.Table_f1, Messages.Table_support);
		scores.labels().forEach((label, counts) -> row(table, display(label), score(counts.precision()),
				score(counts.recall()), score(counts.f1()), Long.toString(counts.support())));
		LabelScores.Scores micro = scores.micro();
		row(table, Messages.Table_micro, score(micro.precision()), score(micro.recall()), score(micro.f1()),
				Long.toString(scores.total().support()));
		LabelScores.Scores macro = scores.macro();
		row(table, Messages.Table_macro, score(macro.precision()), score(macro.recall()), score(macro.f1()), "");
		return pack(table);
	}

	/**
	 * Completion labels down, predicted labels across, {@link Metrics#OUTSIDE} last on both. Agreements are shaded
	 * green and confusions red, the deeper the more spans the cell counts relative to the fullest cell.
	 */
	static Table confusion(Composite parent, Metrics metrics) {
		TreeSet<String> sorted = new TreeSet<>(metrics.confusion().keySet());
		metrics.confusion().values().forEach(row -> sorted.addAll(row.keySet()));
		sorted.remove(Metrics.OUTSIDE);
		List<String> labels = new ArrayList<>(sorted);
		labels.add(Metrics.OUTSIDE);
		List<String> headers = new ArrayList<>(List.of(Messages.Report_confusionCorner));
		headers.addAll(labels);
		Table table = table(parent, headers.toArray(String[]::new));
		long max = 1;
		for (Map<String, Long> row : metrics.confusion().values()) {
			for (long n : row.values()) {
				max = Math.max(max, n);
			}
		}
		for (String gold : labels) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(0, gold);
			for (int column = 0; column < labels.size(); column++) {
				String predicted = labels.get(column);
				long n = metrics.confusion(gold, predicted);
				item.setText(column + 1, Long.toString(n));
				if (n > 0) {
					item.setBackground(column + 1, shade(gold.equals(predicted), (double) n / max));
				}
			}
		}
		return pack(table);
	}

	/** White towards green (agreement) or red (confusion); at least a light tint for any count. */
	static Color shade(boolean agreement, double share) {
		double depth = 0.15 + 0.6 * share;
		int strong = 255 - (int) Math.round(depth * 60);
		int weak = 255 - (int) Math.round(depth * 190);
		return agreement ? new Color(weak, strong, weak) : new Color(strong, weak, weak);
	}

	private static Table table(Composite parent, String... headers) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.HIDE_SELECTION);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < headers.length; i++) {
			TableColumn column = new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT);
			column.setText(headers[i]);
		}
		GridDataFactory.swtDefaults().applyTo(table);
		return table;
	}

	private static void row(Table table, String... cells) {
		new TableItem(table, SWT.NONE).setText(cells);
	}

	private static Table pack(Table table) {
		for (TableColumn column : table.getColumns()) {
			column.pack();
			column.setWidth(column.getWidth() + 12);
		}
		return table;
	}
}
