package io.predictivescaler.core.actuate;

import java.time.Duration;

/** Waits between API retries; tests pass one that does not wait. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
