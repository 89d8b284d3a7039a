package org.ensemble.actor;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.ensemble.kernel.SlabStepper;
import org.ensemble.population.ParticleSlab;

/**
 * One particle as one actor (granularity {@code particle}): it advances itself with the same
 * stepper code as a block and reports its state; the coordinator assembles blocks from the
 * reports. Orders of magnitude slower than blocks; for small heterogeneous populations and to
 * prove that results do not depend on granularity.
 */
public final class ParticleActor extends AbstractBehavior<ParticleActor.Command> {

    public sealed interface Command permits Advance, Stop {
    }

    public record Advance(long fromStep, int steps, double[] field, ActorRef<Coordinator.Command> replyTo)
            implements Command {
    }

    public record Stop() implements Command {
    }

    private final ParticleSlab self;
    private final SlabStepper stepper;
    private final boolean absorbing;

    private ParticleActor(ActorContext<Command> context, ParticleSlab self, SlabStepper stepper, boolean absorbing) {
        super(context);
        this.self = self;
        this.stepper = stepper;
        this.absorbing = absorbing;
    }

    /** {@code self} is a slab of exactly one particle. */
    public static Behavior<Command> create(ParticleSlab self, SlabStepper stepper, boolean absorbing) {
        if (self.size() != 1) {
            throw new IllegalArgumentException("a particle actor owns one particle");
        }
        return Behaviors.setup(ctx -> new ParticleActor(ctx, self, stepper, absorbing));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Advance.class, this::onAdvance)
                .onMessage(Stop.class, m -> Behaviors.stopped())
                .build();
    }

    private Behavior<Command> onAdvance(Advance m) {
        String failure = null;
        try {
            if (m.steps() > 0) {
                stepper.advance(self, m.fromStep(), m.steps(), m.field());
                if (absorbing) {
                    self.retireAbsorbed();
                }
            }
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        m.replyTo().tell(new Coordinator.ParticleReport(self.firstId(), self.positions().clone(),
                self.hasVelocities() ? self.velocities().clone() : null, self.hitSteps()[0], self.hitTargets()[0],
                failure));
        return this;
    }
}
