/**
 * Observers of a run: they consume merged measures and escape events and turn them into time
 * series, escape-time samples and the data behind plots.
 */
package org.ensemble.observe;
