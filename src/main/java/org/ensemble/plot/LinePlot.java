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
        XYChart c = Charts.xy(title, xTitle, yTitle);
        c.getStyler().setYAxisLogarithmic(logY);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            Charts.requireSameLength(e.getKey(), x, e.getValue());
            XYSeries s = c.addSeries(e.getKey(), x, e.getValue());
            s.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }
}
