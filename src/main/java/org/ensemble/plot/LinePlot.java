package org.ensemble.plot;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Named time series on one chart (means, occupancy, risk, distances). */
public final class LinePlot {
    private LinePlot() {
    }

    public static XYChart create(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series,
                                 boolean logY) {
        return create(title, xTitle, yTitle, x, series, false, logY, false);
    }

    /** With {@code markers}, points are drawn as well (for fits through a few measured points). */
    public static XYChart create(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series,
                                 boolean logX, boolean logY, boolean markers) {
        XYChart c = Charts.xy(title, xTitle, yTitle);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            Charts.requireSameLength(e.getKey(), x, e.getValue());
            XYSeries s = c.addSeries(e.getKey(), x, e.getValue());
            if (!markers || e.getKey().startsWith("fit")) {
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        return c;
    }
}
