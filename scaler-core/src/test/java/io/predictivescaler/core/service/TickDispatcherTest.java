package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.tick.RefitScheduler;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service's tick queue: a slow workload (an observation that blocks, a decision that comes too
 * late) never delays the others, is reported with its reason and counted, never runs two ticks at
 * once, and is drained or interrupted at shutdown. Blocking is done with latches and time with a
 * fake monotonic clock, so nothing here depends on how fast the machine is.
 */
// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10).
@SuppressWarnings("deprecation")
class TickDispatcherTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final long PAST_BUDGET = Duration.ofSeconds(8).toNanos(); // budget: 7.5 s

  private final SlowWorkloads cluster = new SlowWorkloads();
  private final List<TickOutcome> reported = new CopyOnWriteArrayList<>();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CountDownLatch recording = new CountDownLatch(1);
  private final CountDownLatch recorded = new CountDownLatch(1);
  private volatile String slowToRecord = "";
  private final TickOrchestrator orchestrator =
      new TickOrchestrator(
          cluster, mode -> cluster, RefitScheduler.inline(), () -> true, this::record);
  private TickDispatcher dispatcher;

  @AfterEach
  void stop() {
    dispatcher.close();
  }

  @Test
  void aBlockedObservationDoesNotDelayAnotherWorkloadsDecision() throws Exception {
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blocking();
    cluster.add("fast", 2, 950);
    start(2, "slow", "fast");

    CompletableFuture<List<TickOutcome>> round = dispatcher.dispatch(T0);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> !of("fast").isEmpty());

    assertThat(slow.active.get()).as("slow is still observing").isEqualTo(1);
    assertThat(of("slow")).isEmpty();
    assertThat(of("fast"))
        .singleElement()
        .isInstanceOfSatisfying(
            TickOutcome.Decided.class,
            decided -> {
              assertThat(decided.now()).isEqualTo(T0);
              assertThat(decided.decision().replicas()).isEqualTo(6);
            });
    assertThat(cluster.writes).containsExactly("fast:2->6");
    slow.release.countDown();
    assertThat(round.get(30, TimeUnit.SECONDS)).hasSize(2);
  }

  @Test
  void aTickStillObservingPastItsBudgetIsSkippedCountedAndInterrupted() throws Exception {
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blocking();
    cluster.add("fast", 2, 950);
    start(2, "slow", "fast");
    CompletableFuture<List<TickOutcome>> round = dispatcher.dispatch(T0);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
    awaitOnlySlowInFlight();

    cluster.nanos.addAndGet(PAST_BUDGET);
    dispatcher.dispatch(T0.plusSeconds(8));

    List<TickOutcome> outcomes = round.get(30, TimeUnit.SECONDS);
    assertThat(outcomes)
        .filteredOn(o -> o.policy().target().name().equals("slow"))
        .singleElement()
        .isInstanceOfSatisfying(
            TickOutcome.Skipped.class,
            skipped -> {
              assertThat(skipped.reason()).isEqualTo(ReasonCode.TICK_DEADLINE_EXCEEDED);
              assertThat(skipped.now()).isEqualTo(T0);
              assertThat(skipped.message())
                  .startsWith("still observing")
                  .contains("its time budget of 7500 ms (0.5 of its 15 s step)");
            });
    await().atMost(Duration.ofSeconds(30)).untilTrue(slow.interrupted);
    await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.inFlight() == 0);
    assertThat(of("slow")).as("its late result is dropped").hasSize(1);
    assertThat(cluster.writes).containsExactly("fast:2->6");
    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_tick_deadline_exceeded_total{namespace=\"shop\",workload=\"slow\",}"
                + " 1.0")
        .contains(
            "predictive_scaler_tick_deadline_exceeded_total{namespace=\"shop\",workload=\"fast\",}"
                + " 0.0");
  }

  @Test
  void aWorkloadStillRunningAtItsNextStepIsSkippedAsAnOverrunAndNeverRunsTwiceAtOnce()
      throws Exception {
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blockingThroughInterrupts();
    SlowWorkloads.Workload fast = cluster.add("fast", 2, 950);
    start(2, "slow", "fast");
    dispatcher.dispatch(T0);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
    awaitOnlySlowInFlight();

    for (int step = 1; step <= 3; step++) {
      cluster.nanos.addAndGet(STEP.toNanos());
      List<TickOutcome> round =
          dispatcher.dispatch(T0.plus(STEP.multipliedBy(step))).get(30, TimeUnit.SECONDS);
      assertThat(round)
          .filteredOn(o -> o.policy().target().name().equals("slow"))
          .singleElement()
          .isInstanceOfSatisfying(
              TickOutcome.Skipped.class,
              skipped -> {
                assertThat(skipped.reason()).isEqualTo(ReasonCode.TICK_OVERRUN);
                assertThat(skipped.message())
                    .isEqualTo(
                        "its previous tick is still observing (replicas, load window,"
                            + " metrics-server); this step is skipped");
              });
      assertThat(round)
          .filteredOn(o -> o.policy().target().name().equals("fast"))
          .singleElement()
          .isInstanceOf(TickOutcome.Decided.class);
    }

    assertThat(slow.observations.get()).isEqualTo(1);
    assertThat(fast.observations.get()).isEqualTo(4);
    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_tick_overruns_total{namespace=\"shop\",workload=\"slow\",} 3.0")
        .contains(
            "predictive_scaler_tick_deadline_exceeded_total{namespace=\"shop\",workload=\"slow\",}"
                + " 1.0");

    slow.release.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.inFlight() == 0);
    cluster.nanos.addAndGet(STEP.toNanos());
    List<TickOutcome> after =
        dispatcher.dispatch(T0.plus(STEP.multipliedBy(4))).get(30, TimeUnit.SECONDS);

    assertThat(after)
        .filteredOn(o -> o.policy().target().name().equals("slow"))
        .singleElement()
        .isInstanceOf(TickOutcome.Decided.class);
    assertThat(slow.observations.get()).isEqualTo(2);
    assertThat(slow.maxActive.get()).as("observations of slow at once").isEqualTo(1);
    assertThat(fast.maxActive.get()).as("observations of fast at once").isEqualTo(1);
  }

  @Test
  void aDecisionMadeAfterItsBudgetIsDiscardedAndNotActuated() throws Exception {
    cluster.add("late", 2, 950).taking(Duration.ofSeconds(10).toNanos());
    start(1, "late");

    List<TickOutcome> outcomes = dispatcher.dispatch(T0).get(30, TimeUnit.SECONDS);

    assertThat(outcomes)
        .singleElement()
        .isInstanceOfSatisfying(
            TickOutcome.Skipped.class,
            skipped -> {
              assertThat(skipped.reason()).isEqualTo(ReasonCode.TICK_DEADLINE_EXCEEDED);
              assertThat(skipped.message()).startsWith("decided 2 -> 6 (ScaleUpLimit)");
            });
    assertThat(cluster.writes).isEmpty();
    assertThat(reported).containsExactlyElementsOf(outcomes);
    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_tick_deadline_exceeded_total{namespace=\"shop\",workload=\"late\",}"
                + " 1.0");
  }

  @Test
  void aTickWaitingForABusyWorkerPastItsBudgetIsSkippedWithoutRunning() throws Exception {
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blockingThroughInterrupts();
    SlowWorkloads.Workload queued = cluster.add("queued", 2, 950);
    start(1, "slow", "queued");
    CompletableFuture<List<TickOutcome>> round = dispatcher.dispatch(T0);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
    String whileBusy = registry.scrape();

    cluster.nanos.addAndGet(PAST_BUDGET);
    dispatcher.dispatch(T0.plusSeconds(8));
    List<TickOutcome> outcomes = round.get(30, TimeUnit.SECONDS);

    assertThat(whileBusy)
        .contains("predictive_scaler_tick_in_flight 2.0")
        .contains("predictive_scaler_tick_queue_depth 1.0")
        .contains("predictive_scaler_tick_workers 1.0");
    assertThat(outcomes)
        .extracting(o -> ((TickOutcome.Skipped) o).message())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("still observing"),
            m ->
                assertThat(m)
                    .startsWith("waited for a free tick worker longer than its time budget"));
    assertThat(queued.observations.get()).isZero();

    slow.release.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.inFlight() == 0);
    cluster.nanos.addAndGet(STEP.toNanos());
    List<TickOutcome> next = dispatcher.dispatch(T0.plus(STEP)).get(30, TimeUnit.SECONDS);

    assertThat(next).hasSize(2).allMatch(TickOutcome.Decided.class::isInstance);
    assertThat(queued.observations.get()).isEqualTo(1);
  }

  @Test
  void shutdownLetsARunningTickFinishWithinItsGrace() throws Exception {
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blocking();
    start(1, "slow");
    CompletableFuture<List<TickOutcome>> round = dispatcher.dispatch(T0);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
    Thread shutdown =
        new Thread(
            () -> {
              try {
                dispatcher.shutdown(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    shutdown.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> shutdown.getState() == Thread.State.TIMED_WAITING);
    slow.release.countDown();
    shutdown.join(30_000);

    assertThat(shutdown.isAlive()).isFalse();
    assertThat(round.get(30, TimeUnit.SECONDS))
        .singleElement()
        .isInstanceOf(TickOutcome.Decided.class);
    assertThat(slow.interrupted).isFalse();
    assertThat(cluster.writes).containsExactly("slow:2->6");
  }

  @Test
  void shutdownInterruptsATickStillRunningAfterItsGrace() throws Exception {
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blocking();
    start(1, "slow");
    dispatcher.dispatch(T0);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();

    dispatcher.shutdown(Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(30)).untilTrue(slow.interrupted);
    await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.inFlight() == 0);
    assertThat(cluster.writes).isEmpty();
  }

  @Test
  void aSlowRecordingNeverHoldsUpTheDispatchAndItsOverrunIsReportedAfterIt() throws Exception {
    cluster.add("slow", 2, 950);
    cluster.add("fast", 2, 950);
    slowToRecord = "slow"; // its Event write hangs until `recorded` opens
    start(2, "slow", "fast");
    dispatcher.dispatch(T0);
    assertThat(recording.await(30, TimeUnit.SECONDS)).isTrue();
    awaitOnlySlowInFlight();

    cluster.nanos.addAndGet(STEP.toNanos());
    List<TickOutcome> next =
        CompletableFuture.supplyAsync(() -> dispatcher.dispatch(T0.plus(STEP)))
            .thenCompose(round -> round)
            .get(30, TimeUnit.SECONDS);

    assertThat(next)
        .extracting(TickOutcome::toString)
        .anySatisfy(
            o ->
                assertThat(o)
                    .isEqualTo(
                        "TickOverrun: its previous tick is still recording (Events, logs,"
                            + " meters); this step is skipped"));
    assertThat(of("fast")).hasSize(2);
    assertThat(of("slow")).as("nothing reported for slow while its recording hangs").isEmpty();

    recorded.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> of("slow").size() == 2);

    assertThat(of("slow"))
        .satisfiesExactly(
            first -> assertThat(first).isInstanceOf(TickOutcome.Decided.class),
            second ->
                assertThat(((TickOutcome.Skipped) second).reason())
                    .isEqualTo(ReasonCode.TICK_OVERRUN));
  }

  private void record(TickOutcome outcome) {
    if (outcome instanceof TickOutcome.Decided
        && outcome.policy().target().name().equals(slowToRecord)) {
      recording.countDown();
      try {
        recorded.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reported.add(outcome);
  }

  private void start(int workers, String... names) {
    dispatcher =
        new TickDispatcher(
            orchestrator, new TickSettings(workers, 0.5), cluster.nanos::get, registry);
    orchestrator.applyPolicies(Arrays.stream(names).map(SlowWorkloads::policy).toList());
  }

  /** The fast workload's tick has finished: the fake clock may move on without making it late. */
  private void awaitOnlySlowInFlight() {
    await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.inFlight() == 1);
  }

  private List<TickOutcome> of(String name) {
    return reported.stream().filter(o -> o.policy().target().name().equals(name)).toList();
  }
}
