package io.predictivescaler.collector.verticle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.window.AppendOutcome;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects registered series into rolling windows. Each series ticks once per step at a fixed
 * offset inside the step (derived from its id, so queries spread over the step), queries its source
 * for the value at the step boundary, appends it to its window and publishes a {@link TickEvent} as
 * JSON on {@link #TICK_ADDRESS} and {@code TICK_ADDRESS + "." + seriesId}. A new series is
 * backfilled from the source's range query; a run of failed ticks is backfilled once the source
 * answers again. All state lives on this verticle's event loop; the public methods may be called
 * from any thread and answer with a {@link Future}.
 */
public final class CollectorVerticle extends AbstractVerticle {

  public static final String TICK_ADDRESS = "predictive-scaler.collector.tick";
  public static final double DEFAULT_SPREAD = 0.5;

  private static final Logger log = LoggerFactory.getLogger(CollectorVerticle.class);

  private final Map<String, MetricSource> sources;
  private final CollectorMetrics metrics;
  private final Clock clock;
  private final double spreadFraction;
  private final CollectorTimer timer;
  private final Map<String, SeriesState> series = new HashMap<>();

  /**
   * @param sources sources by name ({@link SeriesSpec#source()} picks one); not closed here
   * @param registry where the collector's meters go
   * @param clock what "now" is; the step boundaries follow it
   * @param spreadFraction share of the step over which series' queries are spread, in (0, 1)
   * @param timer schedules each series' next tick
   */
  public CollectorVerticle(
      Map<String, MetricSource> sources,
      MeterRegistry registry,
      Clock clock,
      double spreadFraction,
      CollectorTimer timer) {
    if (!(spreadFraction > 0 && spreadFraction < 1)) {
      throw new IllegalArgumentException("spreadFraction must be in (0, 1), got " + spreadFraction);
    }
    this.sources = Map.copyOf(sources);
    this.metrics = new CollectorMetrics(registry);
    this.clock = clock;
    this.spreadFraction = spreadFraction;
    this.timer = Objects.requireNonNull(timer, "timer");
  }

  public CollectorVerticle(
      Map<String, MetricSource> sources,
      MeterRegistry registry,
      Clock clock,
      double spreadFraction) {
    this(sources, registry, clock, spreadFraction, CollectorTimer.VERTX);
  }

  public CollectorVerticle(Map<String, MetricSource> sources, MeterRegistry registry, Clock clock) {
    this(sources, registry, clock, DEFAULT_SPREAD);
  }

  @Override
  public void stop() {
    series.values().forEach(this::release);
    series.clear();
  }

  /** Starts collecting a series and backfills its window; fails if the id is taken. */
  public Future<Registration> register(SeriesSpec spec) {
    return onContext(() -> doRegister(spec));
  }

  /** Stops collecting a series and drops its window; {@code false} if it was not registered. */
  public Future<Boolean> unregister(String seriesId) {
    return onContext(
        () -> {
          SeriesState s = series.remove(seriesId);
          if (s != null) {
            release(s);
            if (series.values().stream().noneMatch(o -> asksTheSame(o, s))) {
              s.source.release(s.spec.query());
            }
          }
          return Future.succeededFuture(s != null);
        });
  }

  /** A copy of the series' whole window. */
  public Future<WindowSnapshot> snapshot(String seriesId) {
    return onContext(() -> Future.succeededFuture(state(seriesId).window.snapshot()));
  }

  /** A copy of the series' window from the slot containing {@code from}. */
  public Future<WindowSnapshot> snapshot(String seriesId, Instant from) {
    return onContext(() -> Future.succeededFuture(state(seriesId).window.snapshot(from)));
  }

  public Future<Set<String>> seriesIds() {
    return onContext(() -> Future.succeededFuture(Set.copyOf(new TreeSet<>(series.keySet()))));
  }

  private Future<Registration> doRegister(SeriesSpec spec) {
    if (series.containsKey(spec.id())) {
      throw new IllegalArgumentException("series " + spec.id() + " is already registered");
    }
    MetricSource source = sources.get(spec.source());
    if (source == null) {
      throw new IllegalArgumentException(
          "series "
              + spec.id()
              + " names unknown source "
              + spec.source()
              + "; known: "
              + new TreeSet<>(sources.keySet()));
    }
    SeriesState s = new SeriesState(spec, source, spreadFraction);
    series.put(spec.id(), s);
    scheduleNext(s);
    if (!source.supportsRange()) {
      return Future.succeededFuture(new Registration(spec.id(), 0, Optional.empty()));
    }
    long step = s.stepMillis;
    long to = Math.floorDiv(clock.millis(), step) * step;
    long from = to - (s.window.capacity() - 1L) * step;
    return backfill(s, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))
        .map(n -> new Registration(spec.id(), n, Optional.empty()))
        .otherwise(
            e -> {
              log.warn(
                  "series={} backfill failed, the window fills from live ticks only: {}",
                  spec.id(),
                  e.getMessage());
              return new Registration(spec.id(), 0, Optional.of(String.valueOf(e.getMessage())));
            });
  }

  private void scheduleNext(SeriesState s) {
    long now = clock.millis();
    long fireAt = Math.floorDiv(now, s.stepMillis) * s.stepMillis + s.offsetMillis;
    if (fireAt <= now) {
      fireAt += s.stepMillis;
    }
    long slot = fireAt - s.offsetMillis;
    if (slot <= s.lastSlotMillis && s.lastSlotMillis - slot > s.stepMillis) {
      // the clock stepped back by more than a step: follow it instead of waiting out the jump
      log.warn(
          "series={} clock stepped back {} ms; collecting from the new time on",
          s.id(),
          s.lastSlotMillis - slot);
    } else if (slot <= s.lastSlotMillis) {
      slot = s.lastSlotMillis + s.stepMillis;
      fireAt = slot + s.offsetMillis;
    }
    long slotMillis = slot;
    s.timerId = timer.schedule(vertx, Math.max(1, fireAt - now), id -> tick(s, slotMillis));
  }

  private void tick(SeriesState s, long slotMillis) {
    if (s.removed) {
      return;
    }
    s.lastSlotMillis = slotMillis;
    scheduleNext(s);
    Instant slot = Instant.ofEpochMilli(slotMillis);
    followClockStepBack(s, slot);
    if (s.inFlight) {
      recordGap(s, slot, GapReason.QUERY_IN_FLIGHT, "the previous tick's query is still running");
      return;
    }
    s.inFlight = true;
    Timer.Sample timer = Timer.start(metrics.registry());
    Future.fromCompletionStage(call(() -> s.source.instant(s.spec.query(), slot)), context)
        .onComplete(
            ar -> {
              s.inFlight = false;
              timer.stop(metrics.latency(s.sourceName(), "instant"));
              if (s.removed) {
                return;
              }
              if (ar.succeeded()) {
                onSample(s, slot, ar.result());
              } else {
                onFailure(s, slot, ar.cause());
              }
            });
  }

  /**
   * Live slots only move forward unless the wall clock stepped back (see {@link #scheduleNext}):
   * then the window's newest slot lies after this one, and the window is relabelled to the new time
   * so that this slot's sample follows the last one taken instead of being refused as out of order
   * until the clock catches up.
   */
  private void followClockStepBack(SeriesState s, Instant slot) {
    if (s.window.newestSlotTime().filter(slot::isBefore).isEmpty()) {
      return;
    }
    Duration moved = s.window.restampBefore(slot);
    if (s.holeStart != null) {
      s.holeStart = s.holeStart.minus(moved);
    }
    log.warn(
        "series={} window moved back {} s to follow the clock; its samples keep their order",
        s.id(),
        moved.toSeconds());
  }

  private void onSample(SeriesState s, Instant slot, InstantSample sample) {
    if (s.failing) {
      s.failing = false;
      log.info("series={} source={} answers again", s.id(), s.sourceName());
    }
    if (!sample.present()) {
      recordGap(s, slot, GapReason.NO_DATA, "no data" + warnings(sample));
    } else {
      AppendOutcome outcome = s.window.append(slot, sample.value(), clock.instant());
      if (outcome.accepted()) {
        metrics.ingested(s.sourceName());
        publish(TickEvent.value(s.id(), slot, sample.value()));
      } else {
        metrics.dropped(s.sourceName(), outcome);
        recordGap(s, slot, GapReason.SAMPLE_REJECTED, outcome.reason());
      }
    }
    fillHole(s, slot);
  }

  private void onFailure(SeriesState s, Instant slot, Throwable error) {
    FailureKind kind = MetricSourceException.kindOf(error);
    String message = String.valueOf(MetricSourceException.unwrap(error).getMessage());
    metrics.failure(s.sourceName(), kind);
    if (!s.failing) {
      s.failing = true;
      log.warn(
          "series={} source={} kind={} {}; recording gaps until it answers again",
          s.id(),
          s.sourceName(),
          kind.tag(),
          message);
    } else {
      log.debug("series={} still failing: {}", s.id(), message);
    }
    recordGap(s, slot, GapReason.of(kind), message);
    if (s.source.supportsRange() && s.holeStart == null) {
      s.holeStart = slot;
    }
  }

  private void fillHole(SeriesState s, Instant slot) {
    Instant from = s.holeStart;
    if (from == null) {
      return;
    }
    s.holeStart = null;
    Instant to = slot.minus(s.spec.step());
    if (to.isBefore(from)) {
      return;
    }
    backfill(s, from, to)
        .onSuccess(
            n -> log.info("series={} backfilled {} points of the gap {}..{}", s.id(), n, from, to))
        .onFailure(
            e -> {
              log.warn(
                  "series={} could not backfill the gap {}..{}: {}",
                  s.id(),
                  from,
                  to,
                  e.getMessage());
              if (s.holeStart == null || from.isBefore(s.holeStart)) {
                s.holeStart = from;
              }
            });
  }

  private Future<Long> backfill(SeriesState s, Instant from, Instant to) {
    Timer.Sample timer = Timer.start(metrics.registry());
    return Future.fromCompletionStage(
            call(() -> s.source.range(s.spec.query(), from, to, s.spec.step())), context)
        .andThen(ar -> timer.stop(metrics.latency(s.sourceName(), "range")))
        .onFailure(e -> metrics.failure(s.sourceName(), MetricSourceException.kindOf(e)))
        .map(points -> s.removed ? 0L : write(s, points));
  }

  private long write(SeriesState s, RangeSamples points) {
    Instant now = clock.instant();
    long accepted = 0;
    for (int i = 0; i < points.size(); i++) {
      AppendOutcome outcome = s.window.backfill(points.time(i), points.value(i), now);
      if (outcome.accepted()) {
        accepted++;
      } else if (outcome != AppendOutcome.REJECTED_SLOT_FILLED) {
        metrics.dropped(s.sourceName(), outcome);
      }
    }
    metrics.backfilled(s.sourceName(), accepted);
    return accepted;
  }

  private void recordGap(SeriesState s, Instant slot, GapReason reason, String detail) {
    s.window.markGap(slot, clock.instant());
    metrics.gap(s.sourceName(), reason);
    publish(TickEvent.gap(s.id(), slot, reason, detail));
  }

  private void publish(TickEvent event) {
    JsonObject json = event.toJson();
    vertx.eventBus().publish(TICK_ADDRESS, json);
    vertx.eventBus().publish(TICK_ADDRESS + "." + event.seriesId(), json);
  }

  private void release(SeriesState s) {
    s.removed = true;
    timer.cancel(vertx, s.timerId);
  }

  private static boolean asksTheSame(SeriesState a, SeriesState b) {
    return a.sourceName().equals(b.sourceName()) && a.spec.query().equals(b.spec.query());
  }

  private SeriesState state(String seriesId) {
    SeriesState s = series.get(seriesId);
    if (s == null) {
      throw new NoSuchElementException("series " + seriesId + " is not registered");
    }
    return s;
  }

  private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static String warnings(InstantSample sample) {
    return sample.warnings().isEmpty() ? "" : " (warnings: " + sample.warnings() + ")";
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Context ctx = context;
    if (ctx == null) {
      return Future.failedFuture(
          new IllegalStateException("deploy the CollectorVerticle before using it"));
    }
    Promise<T> promise = Promise.promise();
    ctx.runOnContext(
        v -> {
          try {
            action.get().onComplete(promise);
          } catch (RuntimeException e) {
            promise.fail(e);
          }
        });
    return promise.future();
  }
}
