package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  private final List<String> ran = new CopyOnWriteArrayList<>();

  @Test
  void stopsActuatingThenReleasesTheLeaseThenClosesClientsInOrder() {
    AtomicBoolean leader = new AtomicBoolean(true);
    ActuationGate gate = new ActuationGate(leader::get);
    GracefulShutdown shutdown =
        new GracefulShutdown()
            .then("stop actuating", Duration.ofSeconds(1), () -> step("stop", gate::stop))
            .then(
                "release lease",
                Duration.ofSeconds(1),
                () -> step("release", () -> leader.set(false)))
            .then("close clients", Duration.ofSeconds(1), () -> step("close", () -> {}));

    List<String> failed = shutdown.run();

    assertThat(failed).isEmpty();
    assertThat(ran).containsExactly("stop", "release", "close");
    assertThat(gate.mayActuate()).isFalse();
  }

  @Test
  void goesOnAfterAStepFailsOrHangs() {
    CountDownLatch never = new CountDownLatch(1);
    GracefulShutdown shutdown =
        new GracefulShutdown()
            .then(
                "fails",
                Duration.ofSeconds(1),
                () -> {
                  throw new IllegalStateException("API gone");
                })
            .then("hangs", Duration.ofMillis(200), never::await)
            .then("last", Duration.ofSeconds(1), () -> step("last", () -> {}));

    List<String> failed = shutdown.run();

    assertThat(failed).containsExactly("fails", "hangs");
    assertThat(ran).containsExactly("last");
  }

  @Test
  void runsOnlyOnce() {
    GracefulShutdown shutdown =
        new GracefulShutdown().then("count", Duration.ofSeconds(1), () -> step("count", () -> {}));

    shutdown.run();
    shutdown.run();

    assertThat(ran).containsExactly("count");
  }

  @Test
  void theGateFollowsLeadershipUntilStopped() {
    AtomicBoolean leader = new AtomicBoolean(false);
    ActuationGate gate = new ActuationGate(leader::get);

    boolean asFollower = gate.mayActuate();
    leader.set(true);
    boolean asLeader = gate.mayActuate();
    gate.stop();

    assertThat(asFollower).isFalse();
    assertThat(asLeader).isTrue();
    assertThat(gate.mayActuate()).isFalse();
  }

  private void step(String name, Runnable action) {
    action.run();
    ran.add(name);
  }
}
