package io.labelbench.ui.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.swt.SWTGraphics2D;

import io.labelbench.project.training.TrainingEpoch;

/**
 * The loss per epoch (left axis) and the scores between 0 and 1 (right axis: validation micro and macro F1, and the
 * training accuracy ClassifierDL reports), drawn by JFreeChart on an SWT canvas and extended as epochs arrive.
 */
final class EpochChart {

	private final JFreeChart chart;
	private final XYSeries loss = new XYSeries(Messages.Chart_loss);
	private final XYSeries micro = new XYSeries(Messages.Chart_microF1);
	private final XYSeries macro = new XYSeries(Messages.Chart_macroF1);
	private final XYSeries accuracy = new XYSeries(Messages.Chart_accuracy);
	private final XYSeriesCollection scores = new XYSeriesCollection();
	private final NumberAxis epochAxis;
	private Canvas canvas;
	private volatile int paints;

	EpochChart() {
		XYSeriesCollection losses = new XYSeriesCollection(loss);
		chart = ChartFactory.createXYLineChart(Messages.Chart_title, Messages.Chart_epoch, Messages.Chart_loss, losses,
				PlotOrientation.VERTICAL, true, false, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(new Color(0xf4, 0xf4, 0xf4));
		plot.setDomainGridlinePaint(Color.GRAY);
		plot.setRangeGridlinePaint(Color.GRAY);
		epochAxis = (NumberAxis) plot.getDomainAxis();
		epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		epochAxis.setRange(0.5, 1.5);
		((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
		plot.setRenderer(0, renderer(new Color(0xc0, 0x39, 0x2b)));

		NumberAxis scoreAxis = new NumberAxis(Messages.Chart_score);
		scoreAxis.setRange(0, 1.05);
		plot.setRangeAxis(1, scoreAxis);
		plot.setDataset(1, scores);
		plot.mapDatasetToRangeAxis(1, 1);
		XYLineAndShapeRenderer scoreRenderer = renderer(new Color(0x2f, 0x6f, 0xb3));
		scoreRenderer.setSeriesPaint(1, new Color(0x8c, 0xc0, 0x6a));
		scoreRenderer.setSeriesPaint(2, new Color(0x8e, 0x44, 0xad));
		plot.setRenderer(1, scoreRenderer);
	}

	private static XYLineAndShapeRenderer renderer(Color first) {
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, first);
		renderer.setDefaultStroke(new BasicStroke(2f));
		renderer.setAutoPopulateSeriesStroke(false);
		return renderer;
	}

	/** Adds an epoch's points; on the UI thread. */
	void add(TrainingEpoch epoch) {
		loss.add(epoch.epoch(), epoch.loss());
		if (epoch.validated()) {
			series(micro).add(epoch.epoch(), epoch.microF1());
			if (epoch.macroF1() != null) {
				series(macro).add(epoch.epoch(), epoch.macroF1());
			}
		}
		if (epoch.accuracy() != null) {
			series(accuracy).add(epoch.epoch(), epoch.accuracy());
		}
		epochAxis.setRange(0.5, Math.max(epoch.epochs(), epoch.epoch()) + 0.5);
		if (canvas != null && !canvas.isDisposed()) {
			canvas.redraw();
		}
	}

	/** A score series joins the chart (and its legend) with its first point. */
	private XYSeries series(XYSeries series) {
		if (scores.indexOf(series) < 0) {
			scores.addSeries(series);
		}
		return series;
	}

	/** The points of a series ({@link Messages#Chart_loss}, …) as epoch, value pairs. */
	double[][] points(String name) {
		for (XYSeries series : new XYSeries[] { loss, micro, macro, accuracy }) {
			if (series.getKey().equals(name)) {
				return series.toArray();
			}
		}
		return new double[2][0];
	}

	int paints() {
		return paints;
	}

	Canvas createControl(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(event -> {
			Point size = canvas.getSize();
			SWTGraphics2D graphics = new SWTGraphics2D(event.gc);
			try {
				chart.draw(graphics, new Rectangle2D.Double(0, 0, size.x, size.y));
				paints++;
			} finally {
				graphics.dispose();
			}
		});
		return canvas;
	}
}
