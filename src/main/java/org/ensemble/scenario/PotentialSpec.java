package org.ensemble.scenario;

import java.util.Map;
import org.ensemble.potential.Potential;

/**
 * The potential as declared ({@code type} and its parameters) and as built. {@code params} holds
 * the parameters that were read, for rendering the resolved scenario.
 */
public record PotentialSpec(String type, Map<String, Object> params, Potential potential) {
}
