/**
 * Rare escapes by adaptive multilevel splitting (AMS, Cérou–Guyader 2007 with the
 * Bréhier–Lelièvre–Rousset 2015 rules for ties): replicas are members of the one step protocol,
 * shards run replicas until they reach A or B ({@link org.ensemble.splitting.ReplicaSimulator}),
 * the reducer kills the lowest and branches them from survivors ({@link org.ensemble.splitting.AmsRounds}).
 * {@link org.ensemble.splitting.AmsCore} runs the same numerics without actors.
 */
package org.ensemble.splitting;
