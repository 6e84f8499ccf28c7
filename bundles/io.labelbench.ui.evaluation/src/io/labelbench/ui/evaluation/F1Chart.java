package io.labelbench.ui.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.swt.SWTGraphics2D;

import io.labelbench.core.eval.Counts;
import io.labelbench.core.eval.LabelScores;

/** A bar chart of each span label's F1, exact beside overlapping, drawn by JFreeChart on an SWT canvas. */
final class F1Chart {

	/** Past this many labels the category labels are slanted so they are not cut. */
	private static final int SLANT_AFTER = 6;
	private static final int HEIGHT = 320;
	private static final int WIDTH_PER_LABEL = 70;
	private static final int MIN_WIDTH = 480;

	private final JFreeChart chart;
	private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
	private final int labels;
	private volatile int paints;

	F1Chart(LabelScores exact, LabelScores overlap) {
		Map<String, Counts> overlapping = overlap.labels();
		exact.labels().forEach((label, counts) -> {
			String name = ReportTables.display(label);
			dataset.addValue(counts.f1(), Messages.Report_chartExact, name);
			dataset.addValue(overlapping.getOrDefault(label, new Counts()).f1(), Messages.Report_chartOverlap, name);
		});
		labels = exact.labels().size();
		chart = ChartFactory.createBarChart(Messages.Report_chartTitle, Messages.Report_chartLabel,
				Messages.Report_chartScore, dataset, PlotOrientation.VERTICAL, true, false, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(new Color(0xf4, 0xf4, 0xf4));
		plot.setRangeGridlinePaint(Color.GRAY);
		plot.getRangeAxis().setRange(0, 1.05);
		CategoryAxis axis = plot.getDomainAxis();
		axis.setMaximumCategoryLabelLines(2);
		if (labels > SLANT_AFTER) {
			axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, new Color(0x2f, 0x6f, 0xb3));
		renderer.setSeriesPaint(1, new Color(0x8c, 0xc0, 0x6a));
		renderer.setItemMargin(0.05);
	}

	/** The F1 drawn for a label and a series ({@link Messages#Report_chartExact} or overlap). */
	double value(String series, String label) {
		Number value = dataset.getValue(series, label);
		return value == null ? Double.NaN : value.doubleValue();
	}

	JFreeChart chart() {
		return chart;
	}

	/** How often the chart was drawn. */
	int paints() {
		return paints;
	}

	Canvas createControl(Composite parent) {
		Canvas canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(event -> {
			Point size = canvas.getSize();
			SWTGraphics2D graphics = new SWTGraphics2D(event.gc);
			try {
				chart.draw(graphics, new Rectangle2D.Double(0, 0, size.x, size.y));
				paints++;
			} finally {
				graphics.dispose(); // the colours and fonts it made; the GC stays the paint event's
			}
		});
		return canvas;
	}

	Point preferredSize() {
		return new Point(Math.max(MIN_WIDTH, labels * WIDTH_PER_LABEL + 160), HEIGHT);
	}
}
