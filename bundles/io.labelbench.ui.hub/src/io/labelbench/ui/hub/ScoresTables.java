package io.labelbench.ui.hub;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.labelbench.hub.ModelScores;

/**
 * A trained model's held-out scores as tables: per label precision, recall, F1 and support with micro and macro
 * averages, the span confusion matrix (agreements green, confusions red), and per choices control the accuracy with
 * the per-choice scores. Used by the Models Hub view and the training editor.
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
			if (!scores.confusionLabels().isEmpty()) {
				text(parent, Messages.Scores_confusion);
				confusion(parent, scores);
			}
		}
		scores.classification().forEach((control, c) -> {
			text(parent, NLS.bind(Messages.Scores_classification, new Object[] { control, score(c.accuracy()),
					c.correct(), c.total() }));
			scores(parent, c.choices());
		});
	}

	static String score(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static void text(Composite parent, String text) {
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).applyTo(label);
	}

	private static Table scores(Composite parent, ModelScores.Scores scores) {
		Table table = table(parent, Messages.Scores_label, Messages.Scores_precision, Messages.Scores_recall,
				Messages.Scores_f1, Messages.Scores_support);
		scores.labels().forEach(row -> row(table, row));
		row(table, scores.micro());
		row(table, scores.macro());
		return pack(table);
	}

	private static void row(Table table, ModelScores.Row row) {
		new TableItem(table, SWT.NONE).setText(new String[] { row.label(), score(row.precision()), score(row.recall()),
				score(row.f1()), row.support() < 0 ? "" : Long.toString(row.support()) });
	}

	private static Table confusion(Composite parent, ModelScores scores) {
		List<String> labels = scores.confusionLabels();
		String[] headers = new String[labels.size() + 1];
		headers[0] = Messages.Scores_confusionCorner;
		for (int i = 0; i < labels.size(); i++) {
			headers[i + 1] = labels.get(i);
		}
		Table table = table(parent, headers);
		long max = 1;
		for (String gold : labels) {
			for (String predicted : labels) {
				max = Math.max(max, scores.confusion(gold, predicted));
			}
		}
		for (String gold : labels) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(0, gold);
			for (int column = 0; column < labels.size(); column++) {
				String predicted = labels.get(column);
				long n = scores.confusion(gold, predicted);
				item.setText(column + 1, Long.toString(n));
				if (n > 0) {
					item.setBackground(column + 1, shade(gold.equals(predicted), (double) n / max));
				}
			}
		}
		return pack(table);
	}

	/** White towards green (agreement) or red (confusion), the deeper the fuller the cell. */
	private static Color shade(boolean agreement, double share) {
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
			new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT).setText(headers[i]);
		}
		GridDataFactory.swtDefaults().applyTo(table);
		return table;
	}

	private static Table pack(Table table) {
		for (TableColumn column : table.getColumns()) {
			column.pack();
			column.setWidth(column.getWidth() + 12);
		}
		return table;
	}
}
