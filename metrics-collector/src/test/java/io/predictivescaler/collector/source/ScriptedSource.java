package io.predictivescaler.collector.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** A test source whose answers are given as functions; counts calls. */
public final class ScriptedSource implements MetricSource {

  /** Answers a range query. */
  @FunctionalInterface
  public interface RangeAnswer {
    CompletionStage<RangeSamples> answer(Instant from, Instant to, Duration step);
  }

  private final String name;
  private volatile BiFunction<MetricQuery, Instant, CompletionStage<InstantSample>> instant;
  private volatile RangeAnswer range;
  public final AtomicInteger instantCalls = new AtomicInteger();
  public final AtomicInteger rangeCalls = new AtomicInteger();
  public final List<MetricQuery> released = new CopyOnWriteArrayList<>();

  public ScriptedSource(
      String name, BiFunction<MetricQuery, Instant, CompletionStage<InstantSample>> instant) {
    this.name = name;
    this.instant = instant;
  }

  public ScriptedSource withRange(RangeAnswer answer) {
    this.range = answer;
    return this;
  }

  public void answerInstant(BiFunction<MetricQuery, Instant, CompletionStage<InstantSample>> f) {
    this.instant = f;
  }

  public static CompletionStage<InstantSample> failing(FailureKind kind, String message) {
    return CompletableFuture.failedFuture(new MetricSourceException("scripted", kind, message));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    instantCalls.incrementAndGet();
    return instant.apply(query, at);
  }

  @Override
  public boolean supportsRange() {
    return range != null;
  }

  @Override
  public CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    rangeCalls.incrementAndGet();
    return range.answer(from, to, step);
  }

  @Override
  public void release(MetricQuery query) {
    released.add(query);
  }
}
