package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TickOrchestrator#claimDue}: the way the service hands workloads to its tick workers. A
 * claimed workload belongs to its tick until that completes: it is not claimed again and keeps its
 * policy meanwhile; a tick whose budget ran out acts on nothing.
 */
class ClaimedTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");

  private final FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
  private final List<TickOutcome> outcomes = new ArrayList<>();
  private final List<TargetRef> removed = new ArrayList<>();
  private final TickOrchestrator orchestrator =
      new TickOrchestrator(
          cluster,
          mode -> cluster,
          RefitScheduler.inline(),
          () -> true,
          new TickListener() {
            @Override
            public void onTick(TickOutcome outcome) {
              outcomes.add(outcome);
            }

            @Override
            public void onRemoved(TargetRef target) {
              removed.add(target);
            }
          });

  @Test
  void aWorkloadWhoseTickHasNotCompletedIsNotClaimedAgain() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    WorkloadTick first = claimOne(T0);

    List<WorkloadTick> whileRunning = claimAt(T0.plus(STEP));
    first.complete(first.run(TickBudget.unlimited()));
    List<WorkloadTick> afterwards = claimAt(T0.plus(STEP));

    assertThat(first.nextDue()).isEqualTo(T0.plus(STEP));
    assertThat(whileRunning).isEmpty();
    assertThat(afterwards)
        .singleElement()
        .satisfies(t -> assertThat(t.now()).isEqualTo(T0.plus(STEP)));
  }

  @Test
  void aWorkloadLeavingThePolicyWhileItsTickRunsIsReleasedOnceItCompletes() {
    cluster.add("checkout", 2, t -> 100);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    WorkloadTick running = claimOne(T0);
    orchestrator.applyPolicies(List.of());

    claimAt(T0.plus(STEP));
    List<String> releasesWhileRunning = List.copyOf(cluster.releases);
    boolean managedWhileRunning = orchestrator.workloads().contains(CHECKOUT);
    running.complete(running.run(TickBudget.unlimited()));
    claimAt(T0.plus(STEP.multipliedBy(2)));

    assertThat(releasesWhileRunning).isEmpty();
    assertThat(managedWhileRunning).isTrue();
    assertThat(outcomes).singleElement().isInstanceOf(TickOutcome.Decided.class);
    assertThat(cluster.releases).containsExactly("shop/checkout");
    assertThat(removed).containsExactly(CHECKOUT);
    assertThat(orchestrator.workloads()).isEmpty();
  }

  @Test
  void aNewPolicyForABusyWorkloadAppliesAfterItsTickCompletes() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.DRY_RUN, 100, 20)));
    WorkloadTick running = claimOne(T0);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));

    claimAt(T0.plus(STEP));
    running.complete(running.run(TickBudget.unlimited()));
    WorkloadTick next = claimOne(T0.plus(STEP));

    assertThat(running.policy().mode()).isEqualTo(ScalingMode.DRY_RUN);
    assertThat(next.policy().mode()).isEqualTo(ScalingMode.SCALE);
  }

  @Test
  void aDecisionThatMayNotBeCommittedIsDiscardedAndNothingIsActuated() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    List<TickPhase> phases = new ArrayList<>();
    WorkloadTick late = claimOne(T0);

    TickOutcome outcome =
        late.run(
            new TickBudget() {
              @Override
              public boolean mayCommit() {
                return false;
              }

              @Override
              public void entering(TickPhase phase) {
                phases.add(phase);
              }
            });
    late.complete(outcome);

    assertThat(phases).containsExactly(TickPhase.OBSERVE, TickPhase.FORECAST, TickPhase.DECIDE);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            TickOutcome.Skipped.class,
            skipped -> {
              assertThat(skipped.reason()).isEqualTo(ReasonCode.TICK_DEADLINE_EXCEEDED);
              assertThat(skipped.message()).startsWith("decided 2 -> 6 (ScaleUpLimit)");
            });
    assertThat(cluster.writes).isEmpty();
    assertThat(orchestrator.last(CHECKOUT)).contains(outcome);
  }

  @Test
  void aDiscardedDecisionLeavesTheDecisionStateAsItWas() {
    Instant window = T0.plus(Duration.ofSeconds(300));
    cluster.add("checkout", 10, t -> t.isBefore(window) ? 950 : 100);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    WorkloadTick late = claimOne(T0);
    late.complete(late.run(() -> false));

    WorkloadTick next = claimOne(window);
    TickOutcome.Decided outcome = (TickOutcome.Decided) next.run(TickBudget.unlimited());

    // Still a workload's first decision, which seeds the scale-down window with the current count
    // and holds it. Had the discarded decision been recorded, its seed would have aged out of the
    // 300 s window by now and the count would drop to 1.
    assertThat(outcome.decision().replicas()).isEqualTo(10);
    assertThat(outcome.decision().reason()).isEqualTo(ReasonCode.SCALE_DOWN_STABILIZED);
    assertThat(cluster.writes).isEmpty();
  }

  @Test
  void aTickRunsAtMostOnceAndAStartedTickCannotBeAbandoned() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    WorkloadTick tick = claimOne(T0);
    tick.run(TickBudget.unlimited());

    assertThatThrownBy(() -> tick.run(TickBudget.unlimited()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already ran");
    assertThatThrownBy(tick::abandon)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has started");
  }

  @Test
  void anAbandonedTickHandsTheWorkloadBackUntouched() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    WorkloadTick abandoned = claimOne(T0);

    abandoned.abandon();
    WorkloadTick next = claimOne(T0.plus(STEP));

    assertThat(abandoned.finished()).isTrue();
    assertThat(next.now()).isEqualTo(T0.plus(STEP));
    assertThat(cluster.writes).isEmpty();
    assertThat(outcomes).isEmpty();
  }

  private WorkloadTick claimOne(Instant now) {
    List<WorkloadTick> claimed = claimAt(now);
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  private List<WorkloadTick> claimAt(Instant now) {
    cluster.now = now;
    cluster.sample(now);
    return orchestrator.claimDue(now);
  }
}
