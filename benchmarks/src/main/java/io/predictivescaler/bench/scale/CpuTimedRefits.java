package io.predictivescaler.bench.scale;

import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.tick.RefitScheduler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decorates a {@link RefitScheduler}: each refit that runs is timed with its thread's CPU clock,
 * wherever the delegate runs it. Counts the refits asked for, run, and their total CPU.
 */
final class CpuTimedRefits implements RefitScheduler {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private volatile RefitScheduler delegate;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong ran = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();

  CpuTimedRefits(RefitScheduler delegate) {
    this.delegate = delegate;
  }

  /** From now on hands refits to {@code next}. */
  void switchTo(RefitScheduler next) {
    delegate = next;
  }

  @Override
  public void submit(TargetRef target, Runnable refit) {
    submitted.incrementAndGet();
    delegate.submit(
        target,
        () -> {
          long start = THREADS.getCurrentThreadCpuTime();
          try {
            refit.run();
          } finally {
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
            ran.incrementAndGet();
          }
        });
  }

  long submitted() {
    return submitted.get();
  }

  long ran() {
    return ran.get();
  }

  long cpuNanos() {
    return cpuNanos.get();
  }

  /** Forgets the counts so far. */
  void reset() {
    submitted.set(0);
    ran.set(0);
    cpuNanos.set(0);
  }
}
