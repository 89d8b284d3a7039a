/**
 * Potentials V: R^d → R with energy and gradient. Built-in potentials keep their arithmetic in
 * {@link org.ensemble.potential.DevicePotentials} static methods so the Java path and the
 * Aparapi/OpenCL kernels compute bit-for-bit the same gradients; user potentials implement
 * {@link org.ensemble.potential.Potential} and run on the java backend.
 */
package org.ensemble.potential;
