/**
 * Plots written at the end of a run, as PNG for people and SVG for papers: survival curves,
 * histograms over time, 2-D histograms, Arrhenius plots and time series. Plots take plain arrays.
 */
package org.ensemble.plot;
