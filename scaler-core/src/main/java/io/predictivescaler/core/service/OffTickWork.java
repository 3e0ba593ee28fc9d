package io.predictivescaler.core.service;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread beside the tick for the API calls the tick must not wait on: releasing a workload that
 * left its policy, and the leader's floor-restore sweep. One thread keeps them in order, so a
 * release and a sweep never restore the same HPA at once. A periodic task such as the sweep is
 * queued at most once ({@link #executeUnlessQueued}): asking for it while it waits or runs does
 * nothing, so a hung API call cannot pile sweeps up behind it.
 */
final class OffTickWork implements Executor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OffTickWork.class);

  private final ExecutorService thread;
  private final Set<Runnable> queued = ConcurrentHashMap.newKeySet();

  OffTickWork() {
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "scaler-release");
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code task} after the work queued before it; dropped once closed. */
  @Override
  public void execute(Runnable task) {
    try {
      thread.execute(() -> runLogged(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("shutting down: {} not run", task);
    }
  }

  /** Queues {@code task} unless that same task is queued or running already. */
  void executeUnlessQueued(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (!queued.add(task)) {
      return;
    }
    execute(
        () -> {
          try {
            task.run();
          } finally {
            queued.remove(task);
          }
        });
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("release or floor-restore sweep failed; the next sweep retries: {}", e.toString());
    }
  }
}
