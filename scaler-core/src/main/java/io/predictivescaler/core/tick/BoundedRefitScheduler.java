package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.TargetRef;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refits forecasters on a fixed pool of daemon worker threads with a bounded queue, at most one
 * refit per workload at a time. A refit that finds the workload already refitting, or the queue
 * full, is dropped and counted: the forecaster stays due and the next tick asks again.
 */
public final class BoundedRefitScheduler implements RefitScheduler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BoundedRefitScheduler.class);

  private final ThreadPoolExecutor pool;
  private final Set<TargetRef> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public BoundedRefitScheduler(int threads, int queueCapacity) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
    }
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new Thread(r, "forecast-refit-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public void submit(TargetRef target, Runnable refit) {
    if (!inFlight.add(target)) {
      dropped.incrementAndGet();
      return;
    }
    try {
      pool.execute(
          () -> {
            try {
              refit.run();
              completed.incrementAndGet();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              LOG.warn("refit of {} failed; the previous model stays: {}", target, e.toString());
            } finally {
              inFlight.remove(target);
            }
          });
    } catch (RejectedExecutionException e) {
      inFlight.remove(target);
      dropped.incrementAndGet();
    }
  }

  public long completed() {
    return completed.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long failed() {
    return failed.get();
  }

  public int queued() {
    return pool.getQueue().size();
  }

  /** Stops taking refits and waits up to {@code grace} for the running ones. */
  public void shutdown(Duration grace) throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
