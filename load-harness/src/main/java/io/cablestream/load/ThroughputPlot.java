package io.cablestream.load;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The run as a PNG: cables/s acknowledged and stored (left axis) and the two consumer lags (right axis). */
final class ThroughputPlot {

    private ThroughputPlot() {
    }

    static void write(List<PipelineSampler.Sample> samples, String title, Path png) throws IOException {
        XYSeries acked = new XYSeries("acknowledged by ingest (cables/s)");
        XYSeries stored = new XYSeries("stored (cables/s)");
        XYSeries rawLag = new XYSeries("lag parse-service on cables.raw");
        XYSeries parsedLag = new XYSeries("lag store-service on cables.parsed");
        for (int i = 1; i < samples.size(); i++) {
            PipelineSampler.Sample previous = samples.get(i - 1);
            PipelineSampler.Sample sample = samples.get(i);
            double seconds = Math.max(0.001, sample.t() - previous.t());
            acked.add(sample.t(), (sample.acked() - previous.acked()) / seconds);
            stored.add(sample.t(), (sample.stored() - previous.stored()) / seconds);
            rawLag.add(sample.t(), sample.rawLag());
            parsedLag.add(sample.t(), sample.parsedLag());
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(acked), new NumberAxis("seconds since the first batch"),
                new NumberAxis("cables/s"), new XYLineAndShapeRenderer(true, false));
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(acked);
        rates.addSeries(stored);
        plot.setDataset(0, rates);
        XYSeriesCollection lags = new XYSeriesCollection();
        lags.addSeries(rawLag);
        lags.addSeries(parsedLag);
        plot.setDataset(1, lags);
        plot.setRangeAxis(1, new NumberAxis("consumer lag (records)"));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer lagRenderer = new XYLineAndShapeRenderer(true, false);
        lagRenderer.setSeriesPaint(0, new java.awt.Color(0xE6, 0x9F, 0x00));
        lagRenderer.setSeriesPaint(1, new java.awt.Color(0x56, 0xB4, 0xE9));
        plot.setRenderer(1, lagRenderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 550);
    }
}
