/**
 * Where gradient methods on linear models fail, and what fixes them (issue 17): an online kind on
 * the one step protocol — a linear model whose coordinates are the members (GD on w, the spindly
 * networks w = u⊙v and w = u⊙u − v⊙v, EGU, normalised EG), or a two-layer linear network with a
 * fully connected, rotation-invariant first layer whose hidden units are the members — trained
 * one example at a time (one pass or several), with the square loss averaged over all instances as
 * the reported loss; and three studies on it: the Hadamard problem (Warmuth–Kotłowski–Amid), flat
 * activations and piecewise-linear curves (Shalev-Shwartz–Shamir–Shammah 2017).
 */
package org.ensemble.failures.linear;
