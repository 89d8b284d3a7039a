/**
 * The Langevin step kernels: one kernel source run as plain Java (tiled, Vector-API friendly), on
 * Aparapi's thread pool or on OpenCL; the backend choice and device probing; escape targets checked
 * inside the kernel. Every backend draws the same Philox numbers for (seed, particle id, step).
 */
package org.ensemble.kernel;
