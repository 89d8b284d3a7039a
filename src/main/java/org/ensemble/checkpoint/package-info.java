/**
 * Checkpoints and exact resume: the files a run's {@code checkpoint/} holds (NumPy {@code .npy}
 * member and reducer arrays, a JSON manifest renamed into place as the commit point, the
 * append-only log of what observers were shown), writing them at step barriers
 * ({@link org.ensemble.checkpoint.CheckpointWriter}) and reading them back
 * ({@link org.ensemble.checkpoint.Checkpoint}) with the identity checks that refuse another run's.
 * Format: docs/ARCHITECTURE.md.
 */
package org.ensemble.checkpoint;
