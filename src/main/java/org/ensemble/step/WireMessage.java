package org.ensemble.step;

/**
 * Marks a record that crosses between actors: immutable plain data (numbers, arrays, lists of
 * records), so that a serialiser bound to this interface (Jackson CBOR on a cluster) can ship it.
 */
public interface WireMessage {
}
