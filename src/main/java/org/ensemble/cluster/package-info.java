/**
 * Scale-out on a Pekko cluster: shard nodes ({@code ensemble node}) host the step protocol's shard
 * actors, the run's own JVM ({@code ensemble run --cluster}) is the coordinator's node. The protocol,
 * the coordinator and the reducers are those of {@code org.ensemble.step}, unchanged; this package only
 * places the shards (a receptionist-registered host per node spawns them), puts the messages on the
 * wire as CBOR, watches the nodes, and turns a lost node into a resume from the last checkpoint.
 */
package org.ensemble.cluster;
