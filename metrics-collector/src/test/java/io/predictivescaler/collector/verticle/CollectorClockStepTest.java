package io.predictivescaler.collector.verticle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ScriptedSource;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The collector's slots with a wall clock stepped back by hand. */
@ExtendWith(VertxExtension.class)
class CollectorClockStepTest {

  private static final Duration STEP = Duration.ofMillis(200);

  /** The system clock moved by an offset the test sets. */
  private static final class SteppedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void stepBy(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void keepsCollectingWithinAStepAfterTheClockStepsBackAnHour(Vertx vertx) throws Exception {
    SteppedClock clock = new SteppedClock();
    List<Instant> queried = new CopyOnWriteArrayList<>();
    ScriptedSource source =
        new ScriptedSource(
            "prom",
            (q, at) -> {
              queried.add(at);
              return CompletableFuture.completedFuture(InstantSample.of(at, 1));
            });
    CollectorVerticle collector =
        new CollectorVerticle(Map.of("prom", source), new SimpleMeterRegistry(), clock);
    vertx
        .deployVerticle(collector)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    collector
        .register(
            new SeriesSpec("s1", "prom", new PromQlQuery("load"), STEP, Duration.ofMinutes(1)))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> queried.size() >= 2);

    clock.stepBy(Duration.ofHours(-1));
    Instant stepped = clock.instant();

    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> queried.stream().anyMatch(at -> at.isBefore(stepped.plusSeconds(60))));
    assertThat(queried.get(queried.size() - 1)).isBefore(stepped.plusSeconds(60));
  }

  @Test
  void movesItsWindowBehindTheClockAfterItStepsBackAnHour(Vertx vertx) throws Exception {
    SteppedClock clock = new SteppedClock();
    AtomicInteger answers = new AtomicInteger();
    ScriptedSource source =
        new ScriptedSource(
            "prom",
            (q, at) ->
                CompletableFuture.completedFuture(InstantSample.of(at, answers.incrementAndGet())));
    CollectorVerticle collector =
        new CollectorVerticle(Map.of("prom", source), new SimpleMeterRegistry(), clock);
    vertx
        .deployVerticle(collector)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    SeriesSpec spec =
        new SeriesSpec("s1", "prom", new PromQlQuery("load"), STEP, Duration.ofMinutes(1));
    collector.register(spec).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> answers.get() >= 2);

    clock.stepBy(Duration.ofHours(-1));
    int answeredBefore = answers.get();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              WindowSnapshot w = snapshot(collector);
              int newest = w.size() - 1;
              return answers.get() > answeredBefore + 1
                  && !w.time(newest).isAfter(clock.instant())
                  && !Float.isNaN(w.values()[newest]);
            });
    WindowSnapshot window = snapshot(collector);
    assertThat(window.values()[window.size() - 1]).isGreaterThan(answeredBefore);
  }

  private static WindowSnapshot snapshot(CollectorVerticle collector) throws Exception {
    return collector
        .snapshot("s1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }
}
