package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiRetryTest {

  private final List<Duration> waits = new ArrayList<>();
  private final ApiRetry retry =
      new ApiRetry(4, Duration.ofMillis(100), Duration.ofMillis(300), waits::add);

  @Test
  void treatsServerErrorsThrottlingAndTimeoutsAsTransient() {
    assertThat(ApiRetry.isTransient(http(503))).isTrue();
    assertThat(ApiRetry.isTransient(http(500))).isTrue();
    assertThat(ApiRetry.isTransient(http(429))).isTrue();
    assertThat(
            ApiRetry.isTransient(
                new KubernetesClientException("read", new HttpTimeoutException("timed out"))))
        .isTrue();
    assertThat(ApiRetry.isTransient(http(404))).isFalse();
    assertThat(ApiRetry.isTransient(http(403))).isFalse();
    assertThat(ApiRetry.isTransient(new KubernetesClientException("bad request body"))).isFalse();
  }

  @Test
  void backsOffExponentiallyUpToTheCap() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.call(
                    "x",
                    () -> {
                      calls.incrementAndGet();
                      throw http(503);
                    }))
        .isInstanceOf(KubernetesClientException.class);

    assertThat(calls).hasValue(4);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
  }

  @Test
  void retriesAConflictOnceWithoutWaiting() {
    AtomicInteger calls = new AtomicInteger();

    String result =
        retry.call(
            "x",
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw http(409);
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void doesNotRetryAClientError() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.call(
                    "x",
                    () -> {
                      calls.incrementAndGet();
                      throw http(403);
                    }))
        .isInstanceOf(KubernetesClientException.class);

    assertThat(calls).hasValue(1);
  }

  @Test
  void stopsRetryingWhenTheNextAttemptWouldPassTheDeadline() {
    AtomicLong nanos = new AtomicLong();
    List<Duration> slept = new ArrayList<>();
    ApiRetry bounded =
        new ApiRetry(
            10,
            Duration.ofMillis(500),
            Duration.ofSeconds(4),
            Duration.ofSeconds(3),
            d -> {
              slept.add(d);
              nanos.addAndGet(d.toNanos());
            },
            nanos::get);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                bounded.call(
                    "x",
                    () -> {
                      calls.incrementAndGet();
                      nanos.addAndGet(Duration.ofMillis(400).toNanos()); // a slow 503
                      throw http(503);
                    }))
        .isInstanceOf(KubernetesClientException.class);

    // 400 + 500 + 400 + 1000 + 400 = 2.7 s; waiting 2 s more would pass the 3 s deadline
    assertThat(calls).hasValue(3);
    assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(nanos.get())).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void rejectsADeadlineThatIsNotPositive() {
    assertThatThrownBy(
            () ->
                new ApiRetry(
                    3, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {}, System::nanoTime))
        .hasMessage("deadline must be positive, got PT0S");
  }

  @Test
  void describesAnHttpErrorOnOneLine() {
    assertThat(ApiRetry.describe(http(503))).isEqualTo("HTTP 503: status 503");
    assertThat(
            ApiRetry.describe(
                new KubernetesClientException("read", new HttpTimeoutException("timed out"))))
        .isEqualTo("HttpTimeoutException: timed out");
  }

  private static KubernetesClientException http(int code) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withMessage("status " + code).build());
  }
}
