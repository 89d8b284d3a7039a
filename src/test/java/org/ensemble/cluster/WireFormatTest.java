package org.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProviderSetup;
import org.ensemble.langevin.LangevinRecipe;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardActor;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepCoordinator;
import org.ensemble.step.StepOrder;
import org.ensemble.population.BlockLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the cluster puts on the wire, on a member configured exactly as {@code ensemble node} is (not
 * joined): the step protocol's messages go through Pekko's Jackson CBOR serializer (the bytes are a
 * CBOR map, not JSON and not Java serialisation), polymorphic fields (a kind's recipe, its partials)
 * arrive as their own class with every double's bits, and Java serialisation is refused. Also measures
 * the bytes per value of a checkpoint message, the size Artery's frame must hold.
 */
class WireFormatTest {
    private static ActorSystem<Void> system;
    private static Serialization serialization;

    @BeforeAll
    static void start() {
        ClusterFile f = new ClusterFile("test", List.of("127.0.0.1:1"), "127.0.0.1", 0, List.of("shards"), 0, 1,
                Duration.ofSeconds(5), 64L << 20, Duration.ofSeconds(8), Duration.ofSeconds(4));
        system = ActorSystem.create(Behaviors.empty(), ClusterSystem.NAME, ActorSystemSetup.create(
                BootstrapSetup.create(ClusterSystem.config(f))).withSetup(JacksonObjectMapperProviderSetup.create(
                new WireFormat())));
        serialization = SerializationExtension.get(system);
    }

    @AfterAll
    static void stop() {
        ClusterSystem.stop(system);
    }

    /** The bytes the bound serializer writes for {@code m}, with the system set as when a message is sent. */
    private static byte[] bytes(Serializer s, Object m) {
        assertEquals(s.identifier(), serialization.findSerializerFor(m).identifier());
        return serialization.serialize(m).get();
    }

    private static Object roundTrip(Object m) {
        Serializer s = serialization.findSerializerFor(m);
        byte[] bytes = bytes(s, m);
        String manifest = ((SerializerWithStringManifest) s).manifest(m);
        return serialization.deserialize(bytes, s.identifier(), manifest).get();
    }

    @Test
    void stepMessagesAreCborMaps() throws Exception {
        StepOrder order = new StepOrder(40, 10, new double[] {0.1, -0.0, Double.NaN, Math.PI}, true);
        ShardActor.Phase phase = new ShardActor.Phase(order, system.ignoreRef());
        Serializer s = serialization.findSerializerFor(phase);
        assertInstanceOf(JacksonCborSerializer.class, s, "the step protocol must go through Jackson CBOR");
        byte[] bytes = bytes(s, phase);
        int major = (bytes[0] & 0xff) >> 5;
        assertEquals(5, major, "a CBOR map (major type 5) first, not JSON's '{' or Java's 0xACED");
        JsonNode tree = new CBORMapper().readTree(bytes);
        assertEquals(40, tree.path("order").path("fromStep").asLong(), tree.toString());
        ShardActor.Phase back = (ShardActor.Phase) roundTrip(phase);
        assertEquals(order.fromStep(), back.order().fromStep());
        assertEquals(order.observe(), back.order().observe());
        for (int i = 0; i < order.field().length; i++) {
            assertEquals(Double.doubleToRawLongBits(order.field()[i]), Double.doubleToRawLongBits(back.order().field()[i]),
                    "field[" + i + "] must keep its bits (−0.0 and NaN included)");
        }
    }

    @Test
    void aKindsRecipeAndPartialsArriveAsTheirOwnClasses() throws Exception {
        LangevinRecipe recipe = LangevinRecipe.of(spec());
        ShardRange range = ShardPlan.of(new BlockLayout(1000, 64), 3, Granularity.BLOCK).get(1);
        ShardHost.Spawn spawn = new ShardHost.Spawn("run-1", "v", WireFormat.hash(recipe), recipe, List.of(range),
                system.ignoreRef());
        ShardHost.Spawn back = (ShardHost.Spawn) roundTrip(spawn);
        assertInstanceOf(LangevinRecipe.class, back.recipe());
        assertEquals(WireFormat.hash(recipe), WireFormat.hash(back.recipe()));
        try (ShardModel a = recipe.build(range); ShardModel b = back.recipe().build(back.ranges().get(0))) {
            StepOrder o = new StepOrder(0, 25, null, true);
            Partial pa = a.phase(o);
            Partial pb = b.phase(o);
            StepCoordinator.PartialReady sent = new StepCoordinator.PartialReady(1, 25, pa, 0);
            StepCoordinator.PartialReady got = (StepCoordinator.PartialReady) roundTrip(sent);
            assertEquals(pa.getClass(), got.partial().getClass());
            // The partial that crossed the wire, and one computed from the recipe that crossed it, are
            // the same bytes as the local one (compute times aside: they differ between any two runs).
            Serializer s = serialization.findSerializerFor(sent);
            byte[] local = bytes(s, sent);
            assertArrayEquals(local, bytes(s, got));
            assertEquals(withoutTimes(local), withoutTimes(bytes(s, new StepCoordinator.PartialReady(1, 25, pb, 0))));
        }
    }

    /** A small double-well population with a first-passage target (as the step package's tests build it). */
    static org.ensemble.langevin.LangevinSpec spec() {
        org.ensemble.scenario.Scenario sc = org.ensemble.scenario.ScenarioLoader.loadString("seed = 99\nbackend = java\n"
                + "shards = 3\nblock-size = 64\npopulation { size = 1000, init { gaussian { mean = [-1.0], sd = [0.2] } } }\n"
                + "potential { type = double-well }\ndynamics { type = overdamped, beta = 3, dt = 1e-2 }\n"
                + "escape { targets = [ { name = right, half-space { axis = 0, threshold = 0.8 } } ] }\n"
                + "run { time = 4, report-every = 0.5 }\n", "wire");
        org.ensemble.kernel.EscapeTargets targets = new org.ensemble.kernel.EscapeTargets(1).halfSpace("right", 0, 0.8,
                true);
        org.ensemble.kernel.LangevinSetup setup = org.ensemble.langevin.LangevinSpec.setupOf(sc, targets);
        org.ensemble.langevin.ObservationSpec obs = new org.ensemble.langevin.ObservationSpec(1, new double[] {-2},
                new double[] {2}, 40, 1, new double[] {0.1, 0.5, 0.9}, List.of(new double[] {-1}, new double[] {1}),
                List.of("left", "right"), List.of("right"), setup.absorbing(), false);
        return org.ensemble.langevin.LangevinSpec.of(sc, targets, obs, new org.ensemble.langevin.RunPlan(400, 50, 1e-2,
                false), org.ensemble.kernel.Steppers.resolve(org.ensemble.kernel.Backend.JAVA, setup));
    }

    /** A message's CBOR as a tree, without its compute times. */
    private static JsonNode withoutTimes(byte[] cbor) throws java.io.IOException {
        JsonNode t = new CBORMapper().readTree(cbor);
        ((com.fasterxml.jackson.databind.node.ObjectNode) t.path("partial")).remove(List.of("advanceNanos",
                "statisticsNanos"));
        assertTrue(t.path("partial").path("blocks").size() > 0, t.toString());
        return t;
    }

    /**
     * The coordinator's taps (an outbox in front of a shard, an interceptor around the coordinator)
     * count each message once, at exactly the bytes the bound serializer writes for it; the local Start
     * is not counted. One more double in an order's field costs 9 bytes: CBOR's float64.
     */
    @Test
    void theTapsCountEachMessageAtItsSerializedSize() throws Exception {
        WireVolume volume = new WireVolume();
        java.util.concurrent.BlockingQueue<Object> arrived = new java.util.concurrent.LinkedBlockingQueue<>();
        org.apache.pekko.actor.typed.ActorRef<ShardActor.Command> shard = system.systemActorOf(
                Behaviors.<ShardActor.Command>receiveMessage(m -> {
                    arrived.add(m);
                    return Behaviors.same();
                }), "shard", org.apache.pekko.actor.typed.Props.empty());
        org.apache.pekko.actor.typed.ActorRef<StepCoordinator.Command> coordinator = system.systemActorOf(
                WireTap.inbound(Behaviors.<StepCoordinator.Command>receiveMessage(m -> {
                    arrived.add(m);
                    return Behaviors.same();
                }), volume), "coordinator", org.apache.pekko.actor.typed.Props.empty());
        org.apache.pekko.actor.typed.ActorRef<ShardActor.Command> outbox = system.systemActorOf(
                WireTap.outbox(shard, volume), "outbox", org.apache.pekko.actor.typed.Props.empty());
        ShardActor.Phase three = new ShardActor.Phase(new StepOrder(7, 1, new double[] {1, 2, 3}, false), coordinator);
        ShardActor.Phase four = new ShardActor.Phase(new StepOrder(8, 1, new double[] {1, 2, 3, 4}, false),
                coordinator);
        ShardActor.Snapshot snapshot = new ShardActor.Snapshot(coordinator);
        LangevinRecipe recipe = LangevinRecipe.of(spec());
        ShardRange range = ShardPlan.of(new BlockLayout(1000, 64), 3, Granularity.BLOCK).get(0);
        StepCoordinator.PartialReady partial;
        try (ShardModel m = recipe.build(range)) {
            partial = new StepCoordinator.PartialReady(0, 25, m.phase(new StepOrder(0, 25, null, true)), 12345);
        }
        StepCoordinator.SnapshotReady rows = new StepCoordinator.SnapshotReady(0, List.of(StateArray.of("x", 1,
                new double[] {0.5, 1.5})));
        List<Object> sent = List.of(three, four, snapshot, new StepCoordinator.Start(), partial, rows);
        for (Object m : sent) {
            if (m instanceof ShardActor.Command c) {
                outbox.tell(c);
            } else {
                coordinator.tell((StepCoordinator.Command) m);
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            assertTrue(arrived.poll(20, java.util.concurrent.TimeUnit.SECONDS) != null, "message " + i + " forwarded");
        }
        int b3 = serialization.serialize(three).get().length;
        int b4 = serialization.serialize(four).get().length;
        assertEquals(9, b4 - b3, "one more double: CBOR's 1-byte head and 8 bytes");
        java.util.Map<String, WireVolume.Count> expected = new java.util.TreeMap<>();
        expected.put("Phase", new WireVolume.Count(2, b3 + b4));
        expected.put("Snapshot", new WireVolume.Count(1, serialization.serialize(snapshot).get().length));
        expected.put("PartialReady", new WireVolume.Count(1, serialization.serialize(partial).get().length));
        expected.put("SnapshotReady", new WireVolume.Count(1, serialization.serialize(rows).get().length));
        assertEquals(expected, volume.counts());
        assertTrue(expected.get("PartialReady").bytes() > 1000, "a report's partial carries per-block statistics");
        volume.addSteps(4);
        assertEquals(volume.bytes() / 4.0, volume.bytesPerStep());
    }

    @Test
    void javaSerialisationIsOff() {
        record NotOnTheWire(int x) implements Serializable {
        }
        assertThrows(Exception.class, () -> serialization.findSerializerFor(new NotOnTheWire(1))
                .toBinary(new NotOnTheWire(1)));
    }

    /**
     * A checkpoint message carries n members' rows: 8 bytes per double plus CBOR's one-byte head, so
     * Artery's frame (64 MiB by default in a cluster file) holds about 64 MiB / 9 ≈ 7.4e6 values per
     * shard: 3.7e6 one-dimensional particles (position and hit step) per shard at the default.
     */
    @Test
    void aCheckpointMessageCostsNineBytesPerValue() {
        int n = 100_000;
        double[] x = new double[n];
        long[] hit = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i);
            hit[i] = i % 3 == 0 ? -1 : 1L << 40 | i;
        }
        StepCoordinator.SnapshotReady m = new StepCoordinator.SnapshotReady(0, List.of(StateArray.of("positions", 1, x),
                StateArray.of("hit_step", 1, hit)));
        int bytes = serialization.findSerializerFor(m).toBinary(m).length;
        double perValue = bytes / (2.0 * n);
        // Doubles: 9 bytes each; longs: 1–9 by size (here 1 for −1, 9 for the big ones): mean ≈ (9 + 9·2/3 + 1/3)/2.
        assertTrue(perValue > 7.5 && perValue < 9.1, "bytes per value " + perValue);
        System.out.printf("checkpoint message: %d bytes for %d values (%.2f bytes/value)%n", bytes, 2 * n, perValue);
    }
}
