package io.predictivescaler.core.actuate;

/**
 * Asked immediately before every write to the cluster (and so again before each retry): may this
 * replica write now? Usually "holds the lease and is not shutting down". A write it refuses is not
 * attempted, and the actuation ends without further attempts.
 */
@FunctionalInterface
public interface WriteFence {

  /** For tools that are the only writer, such as the {@code restore-hpa-floors} command. */
  WriteFence OPEN = () -> true;

  boolean mayWrite();
}
