package org.ensemble.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ensemble.scenario.ScenarioException;

/**
 * A cluster file ({@code cluster { ... }}, HOCON): where the seed nodes are, which host and port this
 * JVM binds and advertises, its roles, its {@code /metrics} port, how many shard nodes a run waits for
 * and how long any wait may last. Every key but {@code seed-nodes} has a default; a bad value is one
 * line naming the file, the line and the key.
 *
 * @param seeds        {@code host:port} of the seed nodes (the first one should be started first)
 * @param host         the canonical host name (default 127.0.0.1: nothing reachable from outside)
 * @param port         this JVM's port (0: any free one)
 * @param roles        this node's roles ({@code shards} hosts shard actors)
 * @param metricsPort  this node's {@code /metrics} port (0: none)
 * @param shardNodes   how many shard nodes a run waits for before it starts
 * @param joinTimeout  the bound on joining and on waiting for the shard nodes
 * @param frameBytes   Artery's maximum frame: the largest message (a shard's checkpoint rows)
 * @param heartbeatPause the failure detector's acceptable heartbeat pause (default 8 s): how long a
 *                     silent member is tolerated before it is unreachable
 * @param stableAfter  how long the split-brain resolver waits for a stable membership before it downs
 *                     the unreachable members (default 4 s)
 */
public record ClusterFile(String file, List<String> seeds, String host, int port, List<String> roles,
                          int metricsPort, int shardNodes, Duration joinTimeout, long frameBytes,
                          Duration heartbeatPause, Duration stableAfter) {
    /** The role of a node that hosts shard actors. */
    public static final String SHARDS = "shards";
    private static final Set<String> KEYS = Set.of("seed-nodes", "host", "port", "roles", "metrics-port",
            "shard-nodes", "join-timeout", "maximum-frame-size", "heartbeat-pause", "stable-after");

    public ClusterFile {
        seeds = List.copyOf(seeds);
        roles = List.copyOf(roles);
    }

    public static ClusterFile load(Path path) {
        String label = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(label, -1, "", "no such cluster file");
        }
        Config root;
        try {
            root = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setAllowMissing(false)).resolve();
        } catch (ConfigException e) {
            throw new ScenarioException(label, e.origin() != null ? e.origin().lineNumber() : -1, "", e.getMessage()
                    .replaceFirst("^.*?: \\d+: ", ""));
        }
        if (!root.hasPath("cluster")) {
            throw new ScenarioException(label, -1, "cluster", "expected a block cluster { seed-nodes = [...] }");
        }
        Config c = root.getConfig("cluster");
        for (String k : c.root().keySet()) {
            if (!KEYS.contains(k)) {
                throw new ScenarioException(label, line(c, k), "cluster." + k, "unknown key (expected one of "
                        + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        try {
            List<String> seeds = c.getStringList("seed-nodes");
            if (seeds.isEmpty()) {
                throw bad(label, c, "seed-nodes", "expected at least one host:port");
            }
            for (String s : seeds) {
                hostPort(label, c, s);
            }
            int port = c.hasPath("port") ? c.getInt("port") : 0;
            int metrics = c.hasPath("metrics-port") ? c.getInt("metrics-port") : 0;
            int shardNodes = c.hasPath("shard-nodes") ? c.getInt("shard-nodes") : 1;
            checkPort(label, c, "port", port);
            checkPort(label, c, "metrics-port", metrics);
            if (shardNodes < 1) {
                throw bad(label, c, "shard-nodes", "expected ≥ 1, got " + shardNodes);
            }
            Duration join = c.hasPath("join-timeout") ? c.getDuration("join-timeout") : Duration.ofSeconds(60);
            if (join.isNegative() || join.isZero() || join.toHours() > 1) {
                throw bad(label, c, "join-timeout", "expected a duration in (0, 1 h], got " + join);
            }
            long frame = c.hasPath("maximum-frame-size") ? c.getBytes("maximum-frame-size") : 64L << 20;
            if (frame < 32 << 10 || frame > 1L << 30) {
                throw bad(label, c, "maximum-frame-size", "expected 32 KiB … 1 GiB, got " + frame + " bytes");
            }
            Duration pause = duration(label, c, "heartbeat-pause", Duration.ofSeconds(8));
            Duration stable = duration(label, c, "stable-after", Duration.ofSeconds(4));
            List<String> roles = c.hasPath("roles") ? c.getStringList("roles") : List.of(SHARDS);
            return new ClusterFile(label, seeds, c.hasPath("host") ? c.getString("host") : "127.0.0.1", port, roles,
                    metrics, shardNodes, join, frame, pause, stable);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new ScenarioException(label, e.origin() != null ? e.origin().lineNumber() : -1, "cluster",
                    e.getMessage().replaceFirst("^.*?: \\d+: ", ""));
        }
    }

    /** This file with another port and metrics port (one file for several nodes on one machine). */
    public ClusterFile withPorts(Integer port, Integer metrics) {
        return new ClusterFile(file, seeds, host, port != null ? port : this.port, roles,
                metrics != null ? metrics : metricsPort, shardNodes, joinTimeout, frameBytes, heartbeatPause,
                stableAfter);
    }

    /** This file as a run's coordinator node: any free port, role coordinator, no shards hosted. */
    public ClusterFile asCoordinator() {
        return new ClusterFile(file, seeds, host, 0, List.of("coordinator"), 0, shardNodes, joinTimeout, frameBytes,
                heartbeatPause, stableAfter);
    }

    /** A duration key in [0.5 s, 10 min], or {@code absent} when it is not given. */
    private static Duration duration(String label, Config c, String key, Duration absent) {
        if (!c.hasPath(key)) {
            return absent;
        }
        Duration d = c.getDuration(key);
        if (d.toMillis() < 500 || d.toMinutes() > 10) {
            throw bad(label, c, key, "expected a duration in [0.5 s, 10 min], got " + d);
        }
        return d;
    }

    /** Seed addresses as Pekko writes them. */
    public List<String> seedAddresses() {
        List<String> out = new ArrayList<>();
        seeds.forEach(s -> out.add("pekko://" + ClusterSystem.NAME + "@" + s));
        return out;
    }

    private static void hostPort(String label, Config c, String s) {
        int colon = s.lastIndexOf(':');
        try {
            if (colon <= 0) {
                throw new NumberFormatException();
            }
            int p = Integer.parseInt(s.substring(colon + 1));
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw bad(label, c, "seed-nodes", "expected host:port with a port in 1…65535, got '" + s + "'");
        }
    }

    private static void checkPort(String label, Config c, String key, int p) {
        if (p < 0 || p > 65535) {
            throw bad(label, c, key, "expected a port in 0…65535, got " + p);
        }
    }

    private static ScenarioException bad(String label, Config c, String key, String problem) {
        return new ScenarioException(label, line(c, key), "cluster." + key, problem);
    }

    private static int line(Config c, String key) {
        try {
            return c.getValue(key).origin().lineNumber();
        } catch (ConfigException e) {
            return -1;
        }
    }
}
