/**
 * The {@code ensemble} command line (picocli): run, validate, sweep, list, devices, bench. Commands
 * parse flags, load a scenario of any kind through {@link org.ensemble.scenario.ScenarioFiles} and
 * hand it to the run pipeline; bad input is one line naming file, line and key, exit 2.
 */
package org.ensemble.cli;
