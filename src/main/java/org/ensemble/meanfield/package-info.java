/**
 * Mean-field limits: the Desai–Zwanzig self-consistency (critical β, magnetisation, switching
 * barrier), the Fokker–Planck / McKean–Vlasov PDE on a grid, and distances between particles and
 * the PDE's density. {@link org.ensemble.meanfield.RadialMeanFieldOde} is the exact radial reduction
 * of Mei–Montanari–Nguyen's isotropic-Gaussian two-layer network: an ODE for quantile nodes of |w|.
 */
package org.ensemble.meanfield;
