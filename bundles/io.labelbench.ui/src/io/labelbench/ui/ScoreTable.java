package io.labelbench.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongBiFunction;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Score tables as the workbench shows them wherever a model is scored (a trained model's held-out scores, an
 * evaluation report): the label column left, numbers right with three decimals as the command line prints them,
 * and the confusion matrix with agreements shaded green and confusions red.
 */
public final class ScoreTable {

	private ScoreTable() {
	}

	/** A score with three decimals. */
	public static String score(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	/** An empty table with these column headers, the first (the label) left-aligned. */
	public static Table create(Composite parent, String... headers) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.HIDE_SELECTION);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < headers.length; i++) {
			new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT).setText(headers[i]);
		}
		GridDataFactory.swtDefaults().applyTo(table);
		return table;
	}

	public static void row(Table table, String... cells) {
		new TableItem(table, SWT.NONE).setText(cells);
	}

	/** Fits the columns to their texts, with a little air; answers the table. */
	public static Table pack(Table table) {
		for (TableColumn column : table.getColumns()) {
			column.pack();
			column.setWidth(column.getWidth() + 12);
		}
		return table;
	}

	/**
	 * Completion labels down, predicted labels across, in the order given; {@code count} answers how often a
	 * completion label was predicted as another. Each counted cell is shaded, the deeper the more it counts relative
	 * to the fullest cell.
	 */
	public static Table confusion(Composite parent, String corner, List<String> labels,
			ToLongBiFunction<String, String> count) {
		String[] headers = new String[labels.size() + 1];
		headers[0] = corner;
		for (int i = 0; i < labels.size(); i++) {
			headers[i + 1] = labels.get(i);
		}
		Table table = create(parent, headers);
		long max = 1;
		for (String gold : labels) {
			for (String predicted : labels) {
				max = Math.max(max, count.applyAsLong(gold, predicted));
			}
		}
		for (String gold : labels) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(0, gold);
			for (int column = 0; column < labels.size(); column++) {
				String predicted = labels.get(column);
				long n = count.applyAsLong(gold, predicted);
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
}
