package org.ensemble.failures;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.scenario.TrainingScenario;
import org.ensemble.scenario.TrainingScenarioLoader;
import org.ensemble.training.NeuronPopulation;
import org.ensemble.training.TrainingObserver;
import org.ensemble.training.TrainingOutcome;
import org.ensemble.training.TrainingReport;
import org.ensemble.training.TrainingSpec;

/**
 * One training run of a study: an ordinary neuron run on the step protocol (its scenario written as text and
 * loaded like any file, so the shards rebuild exactly this network), with its last report and final
 * parameters. Deterministic for any shard count, as every neuron run is.
 *
 * @param finalTestRisk  held-out (1/2)E(f − y)² at the last step (square loss), NaN if the run did not complete
 * @param finalTrainRisk the mean training loss of the fresh batches since the previous report
 * @param network        the trained network (null if the run did not complete)
 */
record NetworkRun(TrainingOutcome outcome, double finalTestRisk, double finalTrainRisk, TwoLayerNetwork network) {

    static NetworkRun execute(String scenarioText, String label, BooleanSupplier stop) {
        return execute(TrainingScenarioLoader.loadString(scenarioText, label, List.of()), stop);
    }

    static NetworkRun execute(TrainingScenario s, BooleanSupplier stop) {
        TrainingSpec spec = TrainingSpec.of(s);
        double[] last = {Double.NaN, Double.NaN};
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onReport(TrainingReport r) {
                last[0] = r.testRisk();
                last[1] = r.trainRisk();
            }
        };
        FinalParameters params = new FinalParameters(spec.steps(), spec.network().inputDim());
        TrainingOutcome o = NeuronPopulation.run(spec, observer, stop, params, null);
        if (!o.ok() || !params.taken()) {
            return new NetworkRun(o, Double.NaN, last[1], null);
        }
        return new NetworkRun(o, last[0], last[1], new TwoLayerNetwork(spec.network(), params.w(), params.a(),
                params.b()));
    }
}
