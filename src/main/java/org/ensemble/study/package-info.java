/**
 * Studies over a scenario key: what a run measured, as named quantities read from its summary
 * ({@link org.ensemble.study.Quantities}: escape, mean-field, PDE, switching), tabulated one row per
 * value and seed with the mean ± SE across seeds ({@link org.ensemble.study.StudyTable}).
 */
package org.ensemble.study;
