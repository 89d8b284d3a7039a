package org.ensemble.implicitbias;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.output.CsvWriter;
import org.ensemble.plot.ChartFiles;

/** Writes a {@link StudyResult} into a (staging) directory: one CSV per table, PNG + SVG per chart; returns the names. */
public final class StudyFiles {
    private StudyFiles() {
    }

    public static List<String> write(StudyResult result, Path dir, boolean plots) {
        List<String> names = new ArrayList<>();
        for (StudyResult.Table t : result.tables()) {
            try (CsvWriter w = new CsvWriter(dir.resolve(t.name() + ".csv"), t.header())) {
                for (List<Object> row : t.rows()) {
                    w.row(row.toArray());
                }
            }
            names.add(t.name() + ".csv");
        }
        if (plots) {
            result.charts().forEach((name, chart) -> {
                ChartFiles.save(chart, dir, name);
                names.add(name + ".png");
            });
        }
        return names;
    }
}
