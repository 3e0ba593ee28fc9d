package io.predictivescaler.core.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ordered shutdown steps run once, on SIGTERM or explicitly: typically stop actuating, release the
 * lease, stop Vert.x, close the Kubernetes client. Each step gets a time limit; one that fails or
 * hangs is logged and the next still runs.
 */
public final class GracefulShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private record Step(String name, Duration timeout, ShutdownAction action) {}

  private final List<Step> steps = new ArrayList<>();
  private final AtomicBoolean ran = new AtomicBoolean();

  /** Appends a step; steps run in the order added. */
  public GracefulShutdown then(String name, Duration timeout, ShutdownAction action) {
    steps.add(
        new Step(
            Objects.requireNonNull(name, "name"),
            Objects.requireNonNull(timeout, "timeout"),
            Objects.requireNonNull(action, "action")));
    return this;
  }

  /** Runs {@link #run()} from a JVM shutdown hook (SIGTERM, SIGINT, normal exit). */
  public GracefulShutdown registerShutdownHook() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::run, "graceful-shutdown"));
    return this;
  }

  /** Runs the steps in order, once; later calls return at once. Returns the failed step names. */
  public List<String> run() {
    if (!ran.compareAndSet(false, true)) {
      return List.of();
    }
    List<String> failed = new ArrayList<>();
    for (Step step : steps) {
      CompletableFuture<Void> done =
          CompletableFuture.runAsync(
              () -> {
                try {
                  step.action().run();
                } catch (Exception e) {
                  throw new IllegalStateException(e.getMessage(), e);
                }
              });
      try {
        done.get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("shutdown: {} done", step.name());
      } catch (TimeoutException e) {
        failed.add(step.name());
        LOG.warn("shutdown: {} did not finish within {}; going on", step.name(), step.timeout());
      } catch (ExecutionException e) {
        failed.add(step.name());
        Throwable cause = e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
        LOG.warn("shutdown: {} failed: {}; going on", step.name(), cause.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.add(step.name());
        LOG.warn("shutdown: interrupted during {}; going on", step.name());
      }
    }
    return failed;
  }
}
