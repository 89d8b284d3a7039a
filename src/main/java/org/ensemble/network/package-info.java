/**
 * Two-layer networks as particle systems: activations, losses, scalings, the trainable-parameter
 * spec and training rules, the structure-of-arrays neuron slab, the fused update-and-forward stepper
 * with its dense kernels (scalar and Vector API, bit-identical), and the exact parity-gradient variance.
 */
package org.ensemble.network;
