package io.predictivescaler.bench.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The chaos run's time. {@link #instant()} is the wall clock the service reads, which faults may
 * step back and forth; {@link #elapsedMillis()} only moves forward with the run's steps and stands
 * for the monotonic time that real timers follow. Thread-safe.
 */
final class VirtualClock extends Clock {

  private volatile Instant wall;
  private volatile long elapsedMillis;

  VirtualClock(Instant start) {
    this.wall = start;
  }

  /** One step of the run: both clocks move forward. */
  synchronized void advance(Duration step) {
    wall = wall.plus(step);
    elapsedMillis += step.toMillis();
  }

  /** A step of the wall clock alone (NTP, a resumed VM); negative steps it back. */
  synchronized void stepWall(Duration jump) {
    wall = wall.plus(jump);
  }

  long elapsedMillis() {
    return elapsedMillis;
  }

  @Override
  public Instant instant() {
    return wall;
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
