package io.predictivescaler.collector.verticle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.source.ScriptedSource;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CollectorVerticleTest {

  private static final Duration STEP = Duration.ofMillis(200);
  private static final PromQlQuery QUERY = new PromQlQuery("load");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static <T> T join(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private CollectorVerticle deploy(Vertx vertx, Clock clock, MetricSource... sources)
      throws Exception {
    Map<String, MetricSource> byName = new java.util.HashMap<>();
    for (MetricSource s : sources) {
      byName.put(s.name(), s);
    }
    CollectorVerticle verticle = new CollectorVerticle(byName, registry, clock);
    join(vertx.deployVerticle(verticle));
    return verticle;
  }

  private static List<TickEvent> listen(Vertx vertx, String seriesId) {
    List<TickEvent> events = new CopyOnWriteArrayList<>();
    vertx
        .eventBus()
        .<JsonObject>consumer(
            CollectorVerticle.TICK_ADDRESS + "." + seriesId,
            m -> events.add(TickEvent.fromJson(m.body())));
    return events;
  }

  /** Load = seconds of the slot time modulo 1000: a known value for every slot. */
  private static double load(Instant slot) {
    return (slot.toEpochMilli() / 200) % 1000;
  }

  @Test
  void appendsEachTickAndPublishesTheValue(Vertx vertx) throws Exception {
    ScriptedSource source =
        new ScriptedSource(
            "prom", (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, load(at))));
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), source);
    List<TickEvent> events = listen(vertx, "s1");

    join(collector.register(new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofMinutes(1))));
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);

    WindowSnapshot window = join(collector.snapshot("s1"));
    for (TickEvent e : events.subList(0, 3)) {
      assertThat(e.isGap()).isFalse();
      assertThat(e.slot().toEpochMilli() % STEP.toMillis()).isZero();
      assertThat(e.value()).isEqualTo(load(e.slot()));
      int index = (int) Duration.between(window.start(), e.slot()).dividedBy(STEP);
      assertThat((double) window.values()[index]).isEqualTo(load(e.slot()));
    }
    assertThat(registry.get("predictive.scaler.collector.samples.ingested").counter().count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void backfillsANewSeriesFromTheRangeQuery(Vertx vertx) throws Exception {
    Instant now = Instant.parse("2024-03-01T12:00:00.050Z");
    ScriptedSource source =
        new ScriptedSource(
                "prom",
                (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, load(at))))
            .withRange(CollectorVerticleTest::rangeOfLoad);
    CollectorVerticle collector = deploy(vertx, Clock.fixed(now, ZoneOffset.UTC), source);

    Registration registration =
        join(collector.register(new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofSeconds(20))));
    WindowSnapshot window = join(collector.snapshot("s1"));

    assertThat(registration.backfilledPoints()).isEqualTo(100);
    assertThat(window.size()).isEqualTo(100);
    assertThat(window.end()).isEqualTo(Instant.parse("2024-03-01T12:00:00.200Z"));
    for (int i = 0; i < window.size(); i++) {
      assertThat((double) window.values()[i]).isEqualTo(load(window.time(i)));
    }
    assertThat(registry.get("predictive.scaler.collector.backfilled.points").counter().count())
        .isEqualTo(100);
  }

  @Test
  void recordsGapsWithTheReasonAndBackfillsTheHoleOnRecovery(Vertx vertx) throws Exception {
    ScriptedSource source =
        new ScriptedSource("prom", (q, at) -> ScriptedSource.failing(FailureKind.CONNECTION, "x"))
            .withRange(CollectorVerticleTest::rangeOfLoad);
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), source);
    List<TickEvent> events = listen(vertx, "s1");
    join(collector.register(new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofMinutes(1))));
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
    TickEvent firstGap = events.get(0);

    source.answerInstant((q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, 1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> source.rangeCalls.get() >= 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !Double.isNaN(valueAt(collector, firstGap.slot())));

    assertThat(firstGap.gap()).contains(GapReason.SOURCE_FAILED);
    assertThat(firstGap.detail()).isEqualTo("x");
    assertThat(valueAt(collector, firstGap.slot())).isEqualTo(load(firstGap.slot()));
    assertThat(
            registry
                .get("predictive.scaler.collector.source.failures")
                .tag("kind", "connection")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void dropsANegativeSampleAsAGapAndCountsIt(Vertx vertx) throws Exception {
    ScriptedSource source =
        new ScriptedSource(
            "prom", (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, -1)));
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), source);
    List<TickEvent> events = listen(vertx, "s1");

    join(collector.register(new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofMinutes(1))));
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());

    assertThat(events.get(0).gap()).contains(GapReason.SAMPLE_REJECTED);
    assertThat(events.get(0).detail()).isEqualTo("negative");
    assertThat(
            registry
                .get("predictive.scaler.collector.samples.dropped")
                .tag("reason", "negative")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void emptyAnswerIsANoDataGap(Vertx vertx) throws Exception {
    ScriptedSource source =
        new ScriptedSource(
            "prom",
            (q, at) -> CompletableFuture.completedFuture(InstantSample.empty(at, List.of())));
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), source);
    List<TickEvent> events = listen(vertx, "s1");

    join(collector.register(new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofMinutes(1))));
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());

    assertThat(events.get(0).gap()).contains(GapReason.NO_DATA);
    assertThat(join(collector.snapshot("s1")).values()[0]).isNaN();
  }

  @Test
  void unregisterStopsTicksAndReleasesTheWindow(Vertx vertx) throws Exception {
    ScriptedSource first =
        new ScriptedSource(
            "a", (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, 1)));
    ScriptedSource second =
        new ScriptedSource(
            "b", (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, 2)));
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), first, second);
    join(collector.register(new SeriesSpec("s1", "a", QUERY, STEP, Duration.ofMinutes(1))));
    await().atMost(Duration.ofSeconds(10)).until(() -> first.instantCalls.get() >= 1);

    boolean removed = join(collector.unregister("s1"));
    int callsAfterRemoval = first.instantCalls.get();
    join(collector.register(new SeriesSpec("s2", "b", QUERY, STEP, Duration.ofMinutes(1))));
    await().atMost(Duration.ofSeconds(10)).until(() -> second.instantCalls.get() >= 3);

    assertThat(removed).isTrue();
    assertThat(first.instantCalls).hasValue(callsAfterRemoval);
    assertThat(join(collector.seriesIds())).containsExactly("s2");
    assertThatThrownBy(() -> join(collector.snapshot("s1")))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NoSuchElementException.class);
  }

  @Test
  void unregisterReleasesAQueryOnlyWhenNoOtherSeriesAsksIt(Vertx vertx) throws Exception {
    ScriptedSource source =
        new ScriptedSource(
            "a", (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, 1)));
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), source);
    join(collector.register(new SeriesSpec("s1", "a", QUERY, STEP, Duration.ofMinutes(1))));
    join(collector.register(new SeriesSpec("s2", "a", QUERY, STEP, Duration.ofMinutes(1))));

    join(collector.unregister("s1"));
    List<?> afterFirst = List.copyOf(source.released);
    join(collector.unregister("s2"));

    assertThat(afterFirst).isEmpty();
    assertThat(source.released).containsExactly(QUERY);
  }

  @Test
  void refusesUnknownSourcesAndDuplicateIds(Vertx vertx) throws Exception {
    ScriptedSource source =
        new ScriptedSource(
            "prom", (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, 1)));
    CollectorVerticle collector = deploy(vertx, Clock.systemUTC(), source);
    join(collector.register(new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofMinutes(1))));

    assertThatThrownBy(
            () ->
                join(
                    collector.register(
                        new SeriesSpec("s1", "prom", QUERY, STEP, Duration.ofMinutes(1)))))
        .hasMessageContaining("series s1 is already registered");
    assertThatThrownBy(
            () ->
                join(
                    collector.register(
                        new SeriesSpec("s2", "thanos", QUERY, STEP, Duration.ofMinutes(1)))))
        .hasMessageContaining("names unknown source thanos; known: [prom]");
  }

  @Test
  void spreadsSeriesOverTheFirstHalfOfTheStep() {
    ScriptedSource source = new ScriptedSource("prom", (q, at) -> null);
    java.util.Set<Long> offsets = new java.util.HashSet<>();

    for (int i = 0; i < 200; i++) {
      SeriesState s =
          new SeriesState(
              SeriesSpec.of("shop/svc-" + i, "prom", QUERY, Duration.ofSeconds(15)), source, 0.5);
      assertThat(s.offsetMillis).isBetween(0L, 7_499L);
      offsets.add(s.offsetMillis / 750);
    }

    assertThat(offsets).as("every tenth of the spread is used").hasSize(10);
  }

  private static double valueAt(CollectorVerticle collector, Instant slot) throws Exception {
    WindowSnapshot w = join(collector.snapshot("s1"));
    int index = (int) Duration.between(w.start(), slot).dividedBy(STEP);
    return index < 0 || index >= w.size() ? Double.NaN : w.values()[index];
  }

  private static CompletableFuture<RangeSamples> rangeOfLoad(
      Instant from, Instant to, Duration step) {
    int n = (int) (Duration.between(from, to).dividedBy(step) + 1);
    long[] times = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      Instant t = from.plus(step.multipliedBy(i));
      times[i] = t.toEpochMilli();
      values[i] = load(t);
    }
    return CompletableFuture.completedFuture(new RangeSamples(times, values, List.of()));
  }
}
