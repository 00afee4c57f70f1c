package io.camrig.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look the report plots share: 640×460 charts on a log x axis, targets as grey dashed lines. */
final class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 460;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private Charts() {
    }

    /** A chart with a logarithmic x axis and the legend below. */
    static XYChart chart(String title, String xTitle, String unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(unit).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }

    /** A target: a grey dashed line at {@code value} over {@code x}. */
    static void target(XYChart chart, String name, double[] x, double value) {
        double[] y = new double[x.length];
        Arrays.fill(y, value);
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(DASHED);
        s.setLineColor(Color.GRAY);
    }

    /**
     * Writes {@code charts} as one PNG, two per row, every linear y axis from 0, creating the folder.
     *
     * @throws IOException when the file cannot be written
     */
    static void saveGrid(List<XYChart> charts, Path png) throws IOException {
        charts.stream().filter(c -> !c.getStyler().isYAxisLogarithmic()).forEach(c -> c.getStyler().setYAxisMin(0.0));
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(charts, (charts.size() + 1) / 2, 2, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
