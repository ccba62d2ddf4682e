package org.sss.tools.bench.compare;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The goodput chart of a report: one group of bars per goodput figure (bulk over 1 stream, over N
 * streams, and over 1 stream at each loss rate), one bar per contender, the median MB/s. A figure a
 * contender has no value for has no bar.
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
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Goodput per contender (median of "
                + report.settings().repetitions() + " repetitions)", null, "MB/s (10^6 bytes per second)", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
