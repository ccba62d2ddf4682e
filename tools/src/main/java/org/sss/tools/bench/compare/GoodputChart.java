package org.sss.tools.bench.compare;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The goodput chart of a report: one group of bars per goodput figure (bulk over 1 stream, over N
 * streams, and over 1 stream at each loss rate), one bar per contender, the median MB/s. A figure a
 * contender has no value for has no bar. The axis is logarithmic and every bar carries its value:
 * on loopback TCP moves 64 KiB segments and outruns the datagram protocols by an order of
 * magnitude, which on a linear axis flattens every other bar.
 */
final class GoodputChart {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private GoodputChart() {
    }

    /** Draws the chart of {@code report} into the PNG file {@code file}, headless. */
    static void write(CompareReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        double least = Double.POSITIVE_INFINITY;
        for (Row row : report.rows()) {
            boolean goodput = row.key().equals("bulk1") || row.key().equals("bulkn")
                    || row.key().startsWith("loss.") && !row.key().endsWith(".dropped");
            if (!goodput) {
                continue;
            }
            String group = row.name().replace("bulk goodput, ", "");
            for (var entry : report.contenders().entrySet()) {
                Series series = row.series().get(entry.getKey());
                if (series != null && series.ok() && series.spread() != null) {
                    dataset.addValue(series.spread().median(), entry.getValue(), group);
                    least = Math.min(least, series.spread().median());
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Goodput per contender (median of "
                + report.settings().repetitions() + " repetitions)", null, null, dataset,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.GRAY);
        LogAxis axis = new LogAxis("MB/s (10^6 bytes per second), logarithmic");
        // the bars start at the power of ten below the smallest value, so that every bar rises
        double base = least > 0 && Double.isFinite(least) ? Math.pow(10, Math.floor(Math.log10(least))) : 1;
        axis.setBase(10);
        axis.setSmallestValue(base);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        plot.setRangeAxis(axis);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBase(base);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.#")));
        bars.setDefaultItemLabelsVisible(true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
