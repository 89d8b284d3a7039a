package org.ensemble.implicitbias;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ensemble.plot.LinePlot;
import org.knowm.xchart.XYChart;

/** The studies' charts: {@link LinePlot} with values floored for log axes and readable decade ticks. */
final class StudyCharts {
    /** Distances at rounding level are shown at this floor on log axes (a log axis cannot show 0). */
    static final double FLOOR = 1e-16;

    private StudyCharts() {
    }

    static XYChart line(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series,
                        boolean logX, boolean logY, boolean markers) {
        Map<String, double[]> shown = new LinkedHashMap<>();
        series.forEach((k, v) -> {
            double[] c = v.clone();
            if (logY) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = Math.max(c[i], FLOOR);
                }
            }
            shown.put(k, c);
        });
        XYChart c = LinePlot.create(title, xTitle, yTitle, x, shown, logX, logY, markers);
        if (logY) {
            c.getStyler().setYAxisDecimalPattern("0.#E0");
        }
        if (logX) {
            c.getStyler().setXAxisDecimalPattern("0.#E0");
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }

    static double[] column(java.util.List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
