package org.ensemble.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTableTest {
    @TempDir
    Path tmp;

    private static Map<String, Double> q(Double mean, Double w2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("stationary_mean", mean);
        if (w2 != null) {
            m.put("w2_pde", w2);
        }
        return m;
    }

    @Test
    void meansAndStandardErrorsAcrossSeeds() throws IOException {
        List<StudyTable.Row> rows = List.of(
                new StudyTable.Row("2", 1L, q(1.0, null)), new StudyTable.Row("2", 2L, q(2.0, 0.5)),
                new StudyTable.Row("2", 3L, q(3.0, null)), new StudyTable.Row("3", 1L, q(5.0, null)));
        List<StudyTable.Mean> m = StudyTable.means(rows);
        assertEquals(2, m.size());
        // Values 1, 2, 3: mean 2, sample SD 1, SE 1/√3.
        assertEquals(2.0, m.get(0).mean("stationary_mean"), 1e-15);
        assertEquals(1 / Math.sqrt(3), m.get(0).se("stationary_mean"), 1e-15);
        assertEquals(0.5, m.get(0).mean("w2_pde"), 0);
        assertEquals(Double.NaN, m.get(0).se("w2_pde"));
        assertEquals(Double.NaN, m.get(1).se("stationary_mean"));
        StudyTable.write(tmp.resolve("s.csv"), "dynamics.beta", true, rows);
        List<String> lines = Files.readAllLines(tmp.resolve("s.csv"));
        assertEquals("dynamics.beta,seed,stationary_mean,w2_pde", lines.get(0));
        assertEquals("2,2,2.0,0.5", lines.get(2));
        assertEquals("2,1,1.0,", lines.get(1));
        StudyTable.writeMeans(tmp.resolve("m.csv"), "dynamics.beta", m);
        assertEquals("dynamics.beta,seeds,stationary_mean_mean,stationary_mean_se,w2_pde_mean,w2_pde_se",
                Files.readAllLines(tmp.resolve("m.csv")).get(0));
    }
}
