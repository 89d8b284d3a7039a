/**
 * Counter-based randomness: Philox4x32-10 keyed by (seed, particle id) with counter = (draw
 * index, stream), and a 256-layer Ziggurat normal fed by Philox bits. Every draw is a pure
 * function of (seed, id, stream, counter), so results do not depend on how particles are spread
 * over shards, threads or devices. The static methods are written in the subset of Java that
 * Aparapi translates (long arithmetic, scalar arguments, global arrays only).
 */
package org.ensemble.random;
