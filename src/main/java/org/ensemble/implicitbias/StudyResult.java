package org.ensemble.implicitbias;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/** What a study produced: summary values (for summary.json), tables (CSV) and charts (PNG + SVG), by name. */
public record StudyResult(Map<String, Object> summary, List<Table> tables, Map<String, XYChart> charts) {
    /** A CSV table: header and rows of numbers (or text). */
    public record Table(String name, List<String> header, List<List<Object>> rows) {
        public double value(int row, String column) {
            return ((Number) rows.get(row).get(header.indexOf(column))).doubleValue();
        }
    }
}
