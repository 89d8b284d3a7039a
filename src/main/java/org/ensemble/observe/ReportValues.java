package org.ensemble.observe;

import java.util.List;

/** Values computed beside a full report (distances to a PDE, its moments), by column name: for live metrics. */
@FunctionalInterface
public interface ReportValues {
    ReportValues NONE = (names, values) -> {
    };

    void onReportValues(List<String> names, double[] values);
}
