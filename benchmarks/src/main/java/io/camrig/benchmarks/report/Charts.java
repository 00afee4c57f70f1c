package io.camrig.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
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
}
