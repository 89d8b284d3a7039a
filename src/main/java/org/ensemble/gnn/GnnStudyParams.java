package org.ensemble.gnn;

import java.util.function.Consumer;

/** A GNN study's parameters as a scenario gives them; {@link #run} runs the study. */
public sealed interface GnnStudyParams permits AggregationPowerStudy.Params, InfluenceStudy.Params {
    /** The scenario's {@code gnn.study} value. */
    String key();

    default GnnStudyResult run(long seed, GnnForward forward, Consumer<String> progress) {
        if (this instanceof AggregationPowerStudy.Params p) {
            return AggregationPowerStudy.run(p, seed, forward, progress);
        }
        return InfluenceStudy.run((InfluenceStudy.Params) this, seed, forward, progress);
    }
}
