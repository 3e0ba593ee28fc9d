package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.DryRunActuator;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.decision.StageTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TickOrchestratorTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);

  private final FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
  private final List<TickOutcome> outcomes = new ArrayList<>();
  private final List<TargetRef> removed = new ArrayList<>();
  private final AtomicBoolean leader = new AtomicBoolean(true);
  private final TickOrchestrator orchestrator =
      new TickOrchestrator(
          cluster,
          mode -> mode == ScalingMode.DRY_RUN ? new DryRunActuator() : cluster,
          RefitScheduler.inline(),
          leader::get,
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
  void scalesUpOnObservedLoadWithinTheRateLimit() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));

    TickOutcome.Decided first = tickAt(T0);
    tickAt(T0.plus(STEP));

    assertThat(first.decision().replicas()).isEqualTo(6);
    assertThat(first.decision().reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
    assertThat(cluster.writes).containsExactly("shop/checkout:2->6", "shop/checkout:6->10");
  }

  @Test
  void dryRunDecidesAndRecordsButWritesNothing() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.DRY_RUN, 100, 20)));

    TickOutcome.Decided outcome = tickAt(T0);

    assertThat(outcome.reason()).isEqualTo(ReasonCode.DRY_RUN);
    assertThat(outcome.decision().reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
    assertThat(outcome.decision().replicas()).isEqualTo(6);
    assertThat(outcome.explanation()).startsWith("dry-run, not applied: 2 -> 6: ScaleUpLimit");
    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.DRY_RUN);
    assertThat(cluster.writes).isEmpty();
  }

  @Test
  void aDryRunDecisionCountsNoScaleEventForTheRatePolicies() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.DRY_RUN, 100, 20)));

    tickAt(T0);
    TickOutcome.Decided second = tickAt(T0.plus(STEP));

    assertThat(second.decision().replicas()).isEqualTo(6);
    assertThat(second.decision().reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
  }

  @Test
  void aFollowerInDryRunReportsWhatTheLeaderWould() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.DRY_RUN, 100, 20)));
    leader.set(false);

    TickOutcome.Decided outcome = tickAt(T0);

    assertThat(outcome.reason()).isEqualTo(ReasonCode.DRY_RUN);
    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.DRY_RUN);
    assertThat(cluster.writes).isEmpty();
  }

  @Test
  void followerDecidesButDoesNotActuate() {
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    leader.set(false);

    TickOutcome.Decided outcome = tickAt(T0);

    assertThat(outcome.decision().replicas()).isEqualTo(6);
    assertThat(outcome.actuation()).isNull();
    assertThat(cluster.writes).isEmpty();
  }

  @Test
  void aPolicyChangeTakesEffectOnTheNextTick() {
    cluster.add("checkout", 2, t -> 950);
    WorkloadPolicy dryRun = Policies.policy("checkout", ScalingMode.DRY_RUN, 100, 20);
    orchestrator.applyPolicies(List.of(dryRun));
    tickAt(T0);

    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    assertThat(cluster.writes).isEmpty();
    tickAt(T0.plus(STEP));

    assertThat(cluster.writes).containsExactly("shop/checkout:2->6");
  }

  @Test
  void aWorkloadLeavingThePolicyIsReleasedAndForgotten() {
    cluster.add("checkout", 2, t -> 100);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    tickAt(T0);

    orchestrator.applyPolicies(List.of());
    List<TickOutcome> next = orchestrator.tick(T0.plus(STEP));

    assertThat(next).isEmpty();
    assertThat(cluster.releases).containsExactly("shop/checkout");
    assertThat(removed).containsExactly(TargetRef.deployment("shop", "checkout"));
    assertThat(orchestrator.workloads()).isEmpty();
    assertThat(orchestrator.last(TargetRef.deployment("shop", "checkout"))).isEmpty();
  }

  @Test
  void aReleaseIsHandedToTheReleaseExecutorInsteadOfRunningOnTheTickingThread() {
    List<Runnable> handedOff = new ArrayList<>();
    TickOrchestrator offThread = decidedThenRemoved(handedOff);
    List<String> releasedWhileTicking = List.copyOf(cluster.releases);
    handedOff.forEach(Runnable::run);

    assertThat(releasedWhileTicking).isEmpty();
    assertThat(cluster.releases).containsExactly("shop/checkout");
    assertThat(offThread.workloads()).isEmpty();
  }

  @Test
  void aHandedOffReleaseChecksLeadershipWhenItRuns() {
    List<Runnable> handedOff = new ArrayList<>();
    decidedThenRemoved(handedOff);

    leader.set(false);
    handedOff.forEach(Runnable::run);

    assertThat(cluster.releases).isEmpty();
  }

  /**
   * An orchestrator whose releases go to {@code handedOff}, after a tick that decided for checkout
   * and one after its policy was removed.
   */
  private TickOrchestrator decidedThenRemoved(List<Runnable> handedOff) {
    TickOrchestrator offThread =
        new TickOrchestrator(
            cluster,
            mode -> cluster,
            RefitScheduler.inline(),
            leader::get,
            TickListener.none(),
            handedOff::add);
    cluster.add("checkout", 2, t -> 100);
    offThread.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    offThread.tick(T0);
    offThread.applyPolicies(List.of());
    offThread.tick(T0.plus(STEP));
    return offThread;
  }

  @Test
  void aMissingTargetIsSkippedWithAReason() {
    orchestrator.applyPolicies(List.of(Policies.policy("ghost", ScalingMode.SCALE, 100, 20)));

    cluster.now = T0;
    List<TickOutcome> tick = orchestrator.tick(T0);

    assertThat(tick)
        .singleElement()
        .isInstanceOfSatisfying(
            TickOutcome.Skipped.class,
            skipped -> {
              assertThat(skipped.reason()).isEqualTo(ReasonCode.TARGET_NOT_FOUND);
              assertThat(skipped.message()).contains("ghost").endsWith("does not exist");
            });
  }

  @Test
  void oneFailingWorkloadDoesNotStopTheOthers() {
    cluster.add("broken", 2, t -> 100).failure = new IllegalStateException("boom");
    cluster.add("checkout", 2, t -> 950);
    orchestrator.applyPolicies(
        List.of(
            Policies.policy("broken", ScalingMode.SCALE, 100, 20),
            Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));

    cluster.now = T0;
    cluster.sample(T0);
    List<TickOutcome> tick = orchestrator.tick(T0);

    assertThat(tick).hasSize(2);
    assertThat(tick.get(0))
        .isInstanceOfSatisfying(
            TickOutcome.Skipped.class,
            skipped -> {
              assertThat(skipped.reason()).isEqualTo(ReasonCode.TICK_FAILED);
              assertThat(skipped.message()).contains("boom");
            });
    assertThat(((TickOutcome.Decided) tick.get(1)).decision().replicas()).isEqualTo(6);
  }

  @Test
  void aWorkloadWithALongerStepTicksOnlyWhenDue() {
    cluster.add("slow", 2, t -> 200);
    WorkloadPolicy base = Policies.policy("slow", ScalingMode.SCALE, 100, 20);
    orchestrator.applyPolicies(
        List.of(Policies.with(base, ScalingMode.SCALE, Duration.ofSeconds(60), base.leadTime())));

    int ticked = 0;
    for (int i = 0; i < 8; i++) {
      Instant now = T0.plus(STEP.multipliedBy(i));
      cluster.now = now;
      cluster.sample(now);
      ticked += orchestrator.tick(now).size();
    }

    assertThat(ticked).isEqualTo(2);
  }

  @Test
  void noScaleDownWhileTheMetricIsMissing() {
    FakeCluster.Deployment d = cluster.add("checkout", 8, t -> 100);
    orchestrator.applyPolicies(List.of(Policies.policy("checkout", ScalingMode.SCALE, 100, 20)));
    tickAt(T0);
    d.replicas = 8;

    TickOutcome.Decided outcome = null;
    for (int i = 1; i <= 40; i++) {
      Instant now = T0.plus(Duration.ofMinutes(10)).plus(STEP.multipliedBy(i));
      cluster.now = now;
      outcome = (TickOutcome.Decided) orchestrator.tick(now).get(0);
    }

    assertThat(outcome.observation().metric().getClass().getSimpleName())
        .isEqualTo("UnavailableMetric");
    assertThat(outcome.decision().replicas()).isEqualTo(8);
    assertThat(d.replicas).isEqualTo(8);
  }

  @Test
  void anUntrustedForecastFallsBackToTheReactiveTarget() {
    cluster.add("checkout", 10, t -> 950);
    WorkloadPolicy base = Policies.policy("checkout", ScalingMode.SCALE, 200, 20);
    WorkloadPolicy withFallback =
        new WorkloadPolicy(
            base.target(),
            new PrometheusMetric("sum(rate(http_requests_total[1m]))", 200, 100),
            base.maxReplicas(),
            base.settings());
    orchestrator.applyPolicies(List.of(withFallback));

    TickOutcome.Decided outcome = tickAt(T0);

    assertThat(outcome.summary().trusted()).isFalse();
    assertThat(outcome.decision().stage(StageTrace.REACTIVE).orElseThrow().out()).isEqualTo(10);
    assertThat(outcome.shadowHpa().stage(StageTrace.REACTIVE).orElseThrow().out()).isEqualTo(10);
  }

  private TickOutcome.Decided tickAt(Instant now) {
    cluster.now = now;
    cluster.sample(now);
    List<TickOutcome> tick = orchestrator.tick(now);
    assertThat(tick).singleElement().isInstanceOf(TickOutcome.Decided.class);
    return (TickOutcome.Decided) tick.get(0);
  }
}
