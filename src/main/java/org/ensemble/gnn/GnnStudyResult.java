package org.ensemble.gnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.output.CsvWriter;
import org.ensemble.plot.ChartFiles;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a GNN study produced: summary values (summary.json), tables (CSV) and charts — line charts and
 * density maps — by name. {@link #write} puts them into a (staging) directory and returns the names.
 */
public record GnnStudyResult(Map<String, Object> summary, List<StudyResult.Table> tables,
                             Map<String, Chart<?, ?>> charts) {
    public List<String> write(Path dir, boolean plots) {
        List<String> names = new ArrayList<>();
        for (StudyResult.Table t : tables) {
            try (CsvWriter w = new CsvWriter(dir.resolve(t.name() + ".csv"), t.header())) {
                for (List<Object> row : t.rows()) {
                    w.row(row.toArray());
                }
            }
            names.add(t.name() + ".csv");
        }
        if (plots) {
            charts.forEach((name, chart) -> {
                ChartFiles.save(chart, dir.resolve("plots"), name);
                names.add("plots/" + name + ".png");
            });
        }
        return names;
    }

    public StudyResult.Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }
}
