package org.ensemble.sgd;

/**
 * One gradient a worker computes: its {@code index}-th, on the server's parameters of version
 * {@code pulled}. Its samples are slots {@code worker·b … worker·b + b − 1} of draw {@code index}.
 */
public record GradientJob(int worker, long index, long pulled) implements org.ensemble.step.WireMessage {
}
