/**
 * The population as data: fixed-size blocks of particles with global ids, stored
 * structure-of-arrays in slabs that shards own, and initial conditions that are pure functions
 * of (seed, id) so that nothing depends on how blocks are spread over shards.
 */
package org.ensemble.population;
