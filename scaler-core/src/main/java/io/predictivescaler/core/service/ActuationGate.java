package io.predictivescaler.core.service;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The one question the tick loop asks before writing to the cluster: leader, and not shutting down.
 * Followers and a stopping replica keep deciding and recording, but do not actuate.
 */
public final class ActuationGate {

  private final BooleanSupplier leader;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /**
   * @param leader usually {@link LeaderElection#isLeader()}
   */
  public ActuationGate(BooleanSupplier leader) {
    this.leader = Objects.requireNonNull(leader, "leader");
  }

  /** True when this replica may write replicas now. */
  public boolean mayActuate() {
    return !stopped.get() && leader.getAsBoolean();
  }

  /** Stops all further actuation; the first step of a graceful shutdown. */
  public void stop() {
    stopped.set(true);
  }

  public boolean isStopped() {
    return stopped.get();
  }
}
