/**
 * Scenario files (HOCON) parsed once into typed, validated records: Langevin scenarios
 * ({@link org.ensemble.scenario.Scenario}) and training scenarios
 * ({@link org.ensemble.scenario.TrainingScenario}), both {@link org.ensemble.scenario.PopulationScenario}s.
 * Unknown keys, wrong types and out-of-range values are one-line errors naming file, line and key.
 */
package org.ensemble.scenario;
