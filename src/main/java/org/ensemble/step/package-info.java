/**
 * The one step protocol every population kind runs on. A {@link org.ensemble.step.StepCoordinator}
 * broadcasts a {@link org.ensemble.step.StepOrder} (the step range and the field), every
 * {@link org.ensemble.step.ShardActor} runs its {@link org.ensemble.step.ShardModel} over its
 * {@link org.ensemble.step.ShardRange} and answers with a {@link org.ensemble.step.Partial}, and a
 * plain-Java {@link org.ensemble.step.Reducer} merges the partials in shard (= block) order into the
 * measure and decides the next order. Actors route and sequence; models and reducers hold all the
 * numerics and are tested without actors. {@link org.ensemble.step.Engine} starts and stops the
 * actor system with bounded waits.
 */
package org.ensemble.step;
