package org.ensemble.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.output.CsvWriter;

/**
 * A study's table: one row per (value, seed) with the quantities each run measured, and, with
 * several seeds, one row per value with each quantity's mean and its standard error across the
 * seeds (sample SD / √seeds; empty with one finite value).
 */
public final class StudyTable {
    /** One point: the varied key's value, the seed (null when not varied) and what the run measured. */
    public record Row(String value, Long seed, Map<String, Double> quantities) {
    }

    /** A value's mean and SE across seeds, per quantity (NaN SE with fewer than two finite values). */
    public record Mean(String value, int seeds, Map<String, double[]> meanAndSe) {
        public double mean(String q) {
            double[] v = meanAndSe.get(q);
            return v == null ? Double.NaN : v[0];
        }

        public double se(String q) {
            double[] v = meanAndSe.get(q);
            return v == null ? Double.NaN : v[1];
        }
    }

    private StudyTable() {
    }

    public static void write(Path file, String key, boolean withSeed, List<Row> rows) {
        List<String> cols = Quantities.columns(rows.stream().map(Row::quantities).toList());
        List<String> header = new ArrayList<>(List.of(key));
        if (withSeed) {
            header.add("seed");
        }
        header.addAll(cols);
        try (CsvWriter w = new CsvWriter(file, header)) {
            for (Row r : rows) {
                List<Object> cells = new ArrayList<>(List.of(r.value()));
                if (withSeed) {
                    cells.add(r.seed());
                }
                for (String c : cols) {
                    cells.add(r.quantities().get(c));
                }
                w.row(cells.toArray());
            }
        }
    }

    /** The rows grouped by value (in order of appearance), each quantity's mean and SE across seeds. */
    public static List<Mean> means(List<Row> rows) {
        Map<String, List<Row>> byValue = new LinkedHashMap<>();
        for (Row r : rows) {
            byValue.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(r);
        }
        List<String> cols = Quantities.columns(rows.stream().map(Row::quantities).toList());
        List<Mean> out = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byValue.entrySet()) {
            Map<String, double[]> m = new LinkedHashMap<>();
            for (String c : cols) {
                double[] v = e.getValue().stream().map(r -> r.quantities().get(c)).filter(x -> x != null
                        && Double.isFinite(x)).mapToDouble(Double::doubleValue).toArray();
                if (v.length == 0) {
                    continue;
                }
                double mean = 0;
                for (double x : v) {
                    mean += x / v.length;
                }
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                double se = v.length > 1 ? Math.sqrt(ss / (v.length - 1) / v.length) : Double.NaN;
                m.put(c, new double[] {mean, se});
            }
            out.add(new Mean(e.getKey(), e.getValue().size(), m));
        }
        return out;
    }

    /** The means table: key, seeds, then q_mean and q_se for each quantity. */
    public static void writeMeans(Path file, String key, List<Mean> means) {
        List<String> cols = new ArrayList<>();
        for (Mean m : means) {
            for (String q : m.meanAndSe().keySet()) {
                if (!cols.contains(q)) {
                    cols.add(q);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of(key, "seeds"));
        for (String c : cols) {
            header.add(c + "_mean");
            header.add(c + "_se");
        }
        try (CsvWriter w = new CsvWriter(file, header)) {
            for (Mean m : means) {
                List<Object> cells = new ArrayList<>(List.of(m.value(), m.seeds()));
                for (String c : cols) {
                    double mean = m.mean(c);
                    double se = m.se(c);
                    cells.add(Double.isFinite(mean) ? mean : null);
                    cells.add(Double.isFinite(se) ? se : null);
                }
                w.row(cells.toArray());
            }
        }
    }
}
