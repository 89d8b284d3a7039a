/**
 * Mean-field limits: the Desai–Zwanzig self-consistency (critical β, magnetisation, switching
 * barrier), the Fokker–Planck / McKean–Vlasov PDE on a grid, and distances between particles and
 * the PDE's density.
 */
package org.ensemble.meanfield;
