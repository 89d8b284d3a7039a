package org.ensemble.observe;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.langevin.EscapeEvent;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.langevin.StatisticsLevel;
import org.ensemble.output.CsvWriter;
import org.ensemble.step.Observer;

/**
 * Records a run's measures as they arrive: one {@code timeseries.csv} row per full report (counts,
 * escapes per target, mean, variance and quantiles per axis, basin occupancy), every escape event,
 * and the axis-0 histograms for the histogram-over-time plot. The extra columns' values (a PDE
 * beside) also go to {@code values} (live metrics).
 */
public final class MeasureRecorder implements Observer<Measure> {
    private final ObservationSpec spec;
    private final CsvWriter timeseries;
    private final ReportValues values;
    private final List<EscapeEvent> events = new ArrayList<>();
    private final List<Double> histogramTimes = new ArrayList<>();
    private final List<long[]> histograms = new ArrayList<>();
    private Measure lastFull;
    private Measure snapshot;

    private final List<ColumnSource> extra;
    private List<double[]> lastColumns = List.of();
    private boolean lastKeepsPositions;
    private final List<Double> meanTimes = new ArrayList<>();
    private final List<Double> means = new ArrayList<>();

    public MeasureRecorder(ObservationSpec spec, CsvWriter timeseries, ReportValues values, List<ColumnSource> extra) {
        this.spec = spec;
        this.timeseries = timeseries;
        this.values = values;
        this.extra = List.copyOf(extra);
    }

    /** The timeseries.csv header for a spec and extra columns. */
    public static List<String> header(ObservationSpec spec, List<ColumnSource> extra) {
        List<String> h = header(spec);
        for (ColumnSource c : extra) {
            h.addAll(c.columns());
        }
        return h;
    }

    /** The timeseries.csv header for a spec. */
    public static List<String> header(ObservationSpec spec) {
        List<String> h = new ArrayList<>(List.of("step", "time", "measured", "escaped"));
        for (String t : spec.targetNames()) {
            h.add("reached_" + t);
        }
        for (int c = 0; c < spec.dimension(); c++) {
            h.add("mean_" + c);
            h.add("var_" + c);
            for (double q : spec.quantileLevels()) {
                h.add("q" + trim(q) + "_" + c);
            }
        }
        for (String m : spec.minimumNames()) {
            h.add("occupancy_" + m);
        }
        return h;
    }

    private static String trim(double q) {
        String s = Double.toString(q);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    @Override
    public void observe(Measure m) {
        record(m, null);
    }

    /** A resumed run's replay of a logged record: the extra columns take their values from it. */
    public void replay(ObservedMeasure r) {
        record(r.measure(), r.columns());
    }

    /** The log record of the measure just observed (positions only if a column source needs them). */
    public ObservedMeasure logRecord(Measure m) {
        boolean full = m.level() == StatisticsLevel.FULL && !extra.isEmpty();
        return new ObservedMeasure(m.forLog(full && lastKeepsPositions), full ? lastColumns : null);
    }

    private void record(Measure m, List<double[]> replayed) {
        events.addAll(m.events());
        if (m.level() != StatisticsLevel.FULL) {
            return;
        }
        lastFull = m;
        if (snapshot == null || 2 * m.measured() >= m.total()) {
            snapshot = m;
        }
        List<Object> row = new ArrayList<>();
        row.add(m.step());
        row.add(m.time());
        row.add(m.measured());
        row.add(m.reachedTotal());
        for (long r : m.reached()) {
            row.add(r);
        }
        for (int c = 0; c < spec.dimension(); c++) {
            row.add(m.mean()[c]);
            row.add(m.variance(c));
            for (int k = 0; k < spec.quantileLevels().length; k++) {
                row.add(m.quantiles() == null ? Double.NaN : m.quantiles()[c][k]);
            }
        }
        for (int k = 0; k < spec.minimumNames().size(); k++) {
            row.add(m.occupancy() == null ? Double.NaN : m.occupancy()[k]);
        }
        List<double[]> computed = new ArrayList<>();
        boolean keep = false;
        for (int k = 0; k < extra.size(); k++) {
            ColumnSource c = extra.get(k);
            double[] v;
            if (replayed == null) {
                v = c.values(m);
                keep |= c.keepsPositions();
            } else {
                v = replayed.get(k);
                c.replay(m, v);
            }
            computed.add(v);
            for (double x : v) {
                row.add(x);
            }
            values.onReportValues(c.columns(), v);
        }
        lastColumns = computed;
        lastKeepsPositions = keep;
        timeseries.row(row.toArray());
        meanTimes.add(m.time());
        means.add(m.mean()[0]);
        if (m.histogram() != null) {
            histogramTimes.add(m.time());
            histograms.add(m.histogram()[0].clone());
        }
    }

    /** Times of the full reports, and the axis-0 mean at each. */
    public List<Double> reportTimes() {
        return meanTimes;
    }

    public List<Double> reportMeans() {
        return means;
    }

    public List<EscapeEvent> events() {
        return events;
    }

    public Measure lastFull() {
        return lastFull;
    }

    /**
     * The last full measure at which at least half of the particles were still in the measure (the
     * first one if none): a picture of the population while it is escaping, not after.
     */
    public Measure snapshot() {
        return snapshot;
    }

    public double[] histogramTimes() {
        return histogramTimes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public long[][] histograms() {
        return histograms.toArray(long[][]::new);
    }
}
