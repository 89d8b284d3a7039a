/**
 * One scenario run end to end: setup from the scenario, the engine, observers, statistics beside
 * theory, and the run directory with its files and plots.
 */
package org.ensemble.run;
