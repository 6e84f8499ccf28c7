package io.labelbench.ui.prompts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.labelbench.core.eval.Counts;
import io.labelbench.core.eval.Metrics;
import io.labelbench.rules.engine.PromptAnnotator.Choice;
import io.labelbench.rules.engine.PromptAnnotator.Span;

/**
 * The playground's outputs: the text with each span found highlighted in its label's colour (and its label and
 * confidence listed under it), and the evaluation table: precision, recall and F1 per label.
 */
final class PlaygroundResults {

	private static final RGB[] PALETTE = { new RGB(255, 205, 210), new RGB(200, 230, 201), new RGB(187, 222, 251),
			new RGB(255, 236, 179), new RGB(225, 190, 231), new RGB(178, 235, 242), new RGB(255, 204, 188),
			new RGB(220, 237, 200) };

	private final StyledText highlighted;
	private final StyledText found;
	private final Table scores;
	private final Map<String, Color> colors = new LinkedHashMap<>();

	PlaygroundResults(Composite highlightParent, Composite scoresParent) {
		highlighted = new StyledText(highlightParent, SWT.BORDER | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		found = new StyledText(highlightParent, SWT.BORDER | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		scores = new Table(scoresParent, SWT.BORDER | SWT.FULL_SELECTION);
		scores.setHeaderVisible(true);
		String[] titles = { Messages.Playground_label, Messages.Playground_precision, Messages.Playground_recall,
				Messages.Playground_f1, Messages.Playground_support };
		for (String title : titles) {
			TableColumn column = new TableColumn(scores, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals(Messages.Playground_label) ? 140 : 80);
		}
		highlighted.addDisposeListener(e -> colors.values().forEach(Color::dispose));
	}

	StyledText highlighted() {
		return highlighted;
	}

	StyledText found() {
		return found;
	}

	Table scores() {
		return scores;
	}

	private Color color(String label) {
		return colors.computeIfAbsent(label,
				l -> new Color(highlighted.getDisplay(), PALETTE[colors.size() % PALETTE.length]));
	}

	/** The text with the spans highlighted, and what was found listed, with the time it took and the tokens. */
	void show(String text, List<Span> spans, List<Choice> choices, String footer) {
		highlighted.setText(text);
		List<StyleRange> ranges = new ArrayList<>();
		StringBuilder list = new StringBuilder();
		if (!choices.isEmpty()) {
			list.append(Messages.Playground_choices);
			for (Choice c : choices) {
				list.append(' ').append(c.choice()).append(String.format(" (%.2f)", c.confidence()));
			}
			list.append('\n');
		}
		for (Span s : spans) {
			StyleRange range = new StyleRange(s.match().start(), s.match().end() - s.match().start(), null,
					color(s.match().label()));
			range.fontStyle = SWT.BOLD;
			ranges.add(range);
			list.append(s.match().label()).append("  \"").append(s.match().text()).append("\"  ")
					.append(s.match().start()).append('-').append(s.match().end())
					.append(String.format("  %.2f  ", s.confidence())).append(s.match().rule()).append('\n');
		}
		if (spans.isEmpty() && choices.isEmpty()) {
			list.append(Messages.Playground_nothingFound).append('\n');
		}
		list.append(footer);
		highlighted.setStyleRanges(ranges.toArray(StyleRange[]::new));
		found.setText(list.toString());
	}

	void showError(String message) {
		found.setText(message);
	}

	/** Per label of spans and of choices: precision, recall, F1 and support; the micro average last. */
	void showScores(Metrics metrics) {
		scores.removeAll();
		List<Map.Entry<String, Counts>> rows = new ArrayList<>(metrics.exactSpans().labels().entrySet());
		for (Metrics.Classification c : metrics.classification().values()) {
			rows.addAll(c.labels().labels().entrySet());
		}
		long tp = 0;
		long fp = 0;
		long fn = 0;
		for (Map.Entry<String, Counts> e : rows) {
			row(e.getKey(), e.getValue());
			tp += e.getValue().truePositives();
			fp += e.getValue().falsePositives();
			fn += e.getValue().falseNegatives();
		}
		row(Messages.Playground_micro, new Counts(tp, fp, fn));
	}

	private void row(String label, Counts c) {
		new TableItem(scores, SWT.NONE).setText(new String[] { label, String.format("%.2f", c.precision()),
				String.format("%.2f", c.recall()), String.format("%.2f", c.f1()), Long.toString(c.support()) });
	}
}
