package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one read-then-write attempt against the API and repeats the whole attempt on transient
 * errors (5xx, 429, timeouts) with exponential backoff, and once on a 409 conflict. Because every
 * repeat starts by reading the object again, a write that landed although its response was lost is
 * seen and not written twice.
 *
 * <p>A whole call is bounded by a deadline: no retry starts (or waits) past it, so one workload
 * cannot hold the tick thread for long. Run it on a client whose own request retries are off
 * ({@code requestRetryBackoffLimit: 0}), or each attempt hides up to ten more.
 */
public final class ApiRetry {

  private static final Logger LOG = LoggerFactory.getLogger(ApiRetry.class);
  private static final int HTTP_TOO_MANY_REQUESTS = 429;

  /** Total time of one call, waits and attempts, after which no further attempt starts. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration deadline;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  /**
   * @param maxAttempts attempts for transient errors, including the first (at least 1)
   * @param initialBackoff wait before the second attempt; doubled for each further one
   * @param maxBackoff upper bound of one wait
   * @param sleeper how to wait
   */
  public ApiRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
    this(maxAttempts, initialBackoff, maxBackoff, DEFAULT_DEADLINE, sleeper, System::nanoTime);
  }

  /**
   * @param maxAttempts attempts for transient errors, including the first (at least 1)
   * @param initialBackoff wait before the second attempt; doubled for each further one
   * @param maxBackoff upper bound of one wait
   * @param deadline total time of one call after which no attempt starts (positive)
   * @param sleeper how to wait
   * @param nanoTime a monotonic clock, as {@link System#nanoTime()}
   */
  public ApiRetry(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration deadline,
      Sleeper sleeper,
      LongSupplier nanoTime) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= initial <= max, got " + initialBackoff + " and " + maxBackoff);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, got " + deadline);
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.deadline = deadline;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Four attempts, 250 ms then doubling up to 4 s (about 2 s of waiting in all), within {@link
   * #DEFAULT_DEADLINE}.
   */
  public static ApiRetry defaults() {
    return new ApiRetry(4, Duration.ofMillis(250), Duration.ofSeconds(4), Sleeper.SYSTEM);
  }

  /**
   * Runs {@code attempt} until it returns, a non-transient error occurs, or attempts run out.
   *
   * @param action what is being done, for logs ("scaling shop/checkout to 5")
   * @throws KubernetesClientException the last error when the action could not complete
   */
  public <T> T call(String action, Callable<T> attempt) {
    boolean conflictRetried = false;
    int attemptNo = 1;
    long start = nanoTime.getAsLong();
    while (true) {
      try {
        return attempt.call();
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT
            && !conflictRetried
            && nanoTime.getAsLong() - start < deadline.toNanos()) {
          conflictRetried = true;
          LOG.info(
              "{}: conflict (object changed since read); re-reading and retrying once", action);
          continue;
        }
        if (!isTransient(e) || attemptNo >= maxAttempts) {
          throw e;
        }
        Duration wait = backoff(attemptNo);
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
        if (elapsed.plus(wait).compareTo(deadline) >= 0) {
          LOG.info(
              "{}: {}; not retrying, the deadline of {} ms would pass ({} ms spent)",
              action,
              describe(e),
              deadline.toMillis(),
              elapsed.toMillis());
          throw e;
        }
        LOG.info(
            "{}: {}; re-reading and retrying in {} ms (attempt {}/{})",
            action,
            describe(e),
            wait.toMillis(),
            attemptNo + 1,
            maxAttempts);
        pause(wait, e);
        attemptNo++;
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new KubernetesClientException(action + ": " + e.getMessage(), e);
      }
    }
  }

  /** True for errors worth repeating: server errors, throttling, timeouts and I/O failures. */
  public static boolean isTransient(KubernetesClientException e) {
    int code = e.getCode();
    if (code >= HttpURLConnection.HTTP_INTERNAL_ERROR || code == HTTP_TOO_MANY_REQUESTS) {
      return true;
    }
    if (code > 0) {
      return false;
    }
    if (e instanceof KubernetesClientTimeoutException) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** One line for logs and Events: "HTTP 503: message" or the underlying error. */
  public static String describe(KubernetesClientException e) {
    if (e.getCode() > 0) {
      String status = e.getStatus() == null ? null : e.getStatus().getMessage();
      return "HTTP " + e.getCode() + (status == null || status.isBlank() ? "" : ": " + status);
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private Duration backoff(int attemptNo) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attemptNo && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  private void pause(Duration wait, KubernetesClientException pending) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw pending;
    }
  }
}
