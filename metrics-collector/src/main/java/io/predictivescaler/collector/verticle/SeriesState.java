package io.predictivescaler.collector.verticle;

import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.window.RollingWindow;
import java.time.Instant;

/** Mutable per-series state, touched only on the collector's event loop. */
final class SeriesState {

  final SeriesSpec spec;
  final MetricSource source;
  final RollingWindow window;
  final long stepMillis;
  final long offsetMillis;

  long timerId = -1;
  long lastSlotMillis = Long.MIN_VALUE;
  boolean inFlight;
  boolean failing;
  boolean removed;

  /** First slot of the current run of failed ticks; backfilled once the source answers again. */
  Instant holeStart;

  SeriesState(SeriesSpec spec, MetricSource source, double spreadFraction) {
    this.spec = spec;
    this.source = source;
    this.window = new RollingWindow(spec.step(), spec.retention());
    this.stepMillis = spec.step().toMillis();
    long spread = Math.max(1, (long) (stepMillis * spreadFraction));
    long h = spec.id().hashCode() * 0x9E3779B97F4A7C15L;
    this.offsetMillis = Math.floorMod(h ^ (h >>> 29), spread);
  }

  String id() {
    return spec.id();
  }

  String sourceName() {
    return source.name();
  }
}
