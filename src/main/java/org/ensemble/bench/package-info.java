/**
 * Benchmark workloads shared with the peers in ../shared/peers, run by {@code ensemble bench}:
 * the same problem, sizes and randomness, timed the same way (the stepping loop only).
 */
package org.ensemble.bench;
