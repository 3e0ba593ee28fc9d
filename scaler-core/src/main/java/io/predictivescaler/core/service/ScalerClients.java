package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;

/**
 * The request settings of the scaler's Kubernetes clients. fabric8 retries failed requests on its
 * own (by default up to ten times, backing off up to seconds apart), under {@code ApiRetry}'s
 * attempts: one workload could then hold the tick thread for over a minute and a write could land
 * long after the lease was lost. The scaler turns those retries off and retries only where it
 * decides to, within a deadline.
 */
final class ScalerClients {

  /** Longest wait for one API request made while actuating. */
  static final Duration ACTUATION_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  /** Longest wait for one TokenReview or SubjectAccessReview of an ops API request. */
  static final Duration ACCESS_REVIEW_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private ScalerClients() {}

  /** {@code base} without fabric8's request retries; shares its connections. */
  static KubernetesClient withoutRetries(KubernetesClient base) {
    return derive(base, requestConfig(base).withRequestRetryBackoffLimit(0).build());
  }

  /**
   * For writes: no fabric8 retries and a short request timeout, so that an actuation stays within
   * {@code ApiRetry}'s deadline and close to the moment its fence was asked.
   */
  static KubernetesClient forActuation(KubernetesClient base) {
    return forActuation(base, ACTUATION_REQUEST_TIMEOUT);
  }

  static KubernetesClient forActuation(KubernetesClient base, Duration requestTimeout) {
    return derive(
        base,
        requestConfig(base)
            .withRequestRetryBackoffLimit(0)
            .withRequestTimeout((int) requestTimeout.toMillis())
            .build());
  }

  /**
   * For the ops API's access reviews: no fabric8 retries and a short request timeout, so that a
   * request waits at most two reviews' timeouts before it is answered 503.
   */
  static KubernetesClient forAccessReviews(KubernetesClient base) {
    return forActuation(base, ACCESS_REVIEW_REQUEST_TIMEOUT);
  }

  private static RequestConfigBuilder requestConfig(KubernetesClient base) {
    return new RequestConfigBuilder(base.getConfiguration().getRequestConfig());
  }

  private static KubernetesClient derive(KubernetesClient base, RequestConfig config) {
    return base.newClient(config).adapt(KubernetesClient.class);
  }
}
