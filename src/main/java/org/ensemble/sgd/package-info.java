/**
 * SGD workers and a parameter server as a population kind of the step protocol
 * ({@link org.ensemble.step}): the members are M workers, each computing gradients of a model
 * ({@link org.ensemble.sgd.SgdModel}) as pure functions of (seed, worker, gradient index) and the
 * parameters it pulled; the parameter server's state lives in the reducer, split by key range into
 * {@link org.ensemble.sgd.ServerShard}s (the same bits for any split). Asynchrony is simulated
 * reproducibly: a seeded model of compute times ({@link org.ensemble.sgd.DelayModel}) decides, in
 * {@link org.ensemble.sgd.PushSchedule}, which worker's push lands at which server version under
 * the BSP, SSP or ASP policy. Gradient sums are exact (rounded once), so results are the same bits
 * for any shard count or granularity, and BSP with M workers of batch b is mini-batch SGD of batch
 * M·b bit for bit.
 */
package org.ensemble.sgd;
