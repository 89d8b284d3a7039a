/**
 * Where gradient-based training fails (Shalev-Shwartz, Shamir &amp; Shammah 2017), as reproducible studies on
 * the neuron kind of the step protocol: parity on {±1}^d at scale with a sample budget far below 2^d,
 * linear-periodic targets cos⟨w*, x⟩ (population-gradient variance over directions against its closed
 * form), and end-to-end training against decomposition with intermediate supervision. Numerics are plain
 * classes; training runs are ordinary neuron runs whose final parameters are fetched at the last barrier.
 */
package org.ensemble.failures;
