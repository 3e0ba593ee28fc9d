package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.ScaleSubresourceActuator;
import io.predictivescaler.core.actuate.WriteFence;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ApiCall;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One workload's actuation against an API server that fails or hangs: only ApiRetry retries
 * (fabric8's own request retries are off in the scaler's clients) and the whole actuation ends
 * within its deadline.
 */
@EnableKubernetesMockClient(
    https = false,
    kubernetesClientBuilderCustomizer = ActuationDeadlineTest.FabricDefaultRetries.class)
class ActuationDeadlineTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private String ns;
  private String scalePath;
  private TargetRef checkout;

  /** fabric8's default of ten request retries, with short waits so that the test stays quick. */
  public static final class FabricDefaultRetries implements Consumer<KubernetesClientBuilder> {
    @Override
    public void accept(KubernetesClientBuilder builder) {
      builder
          .editOrNewConfig()
          .withRequestRetryBackoffLimit(10)
          .withRequestRetryBackoffInterval(1)
          .endConfig();
    }
  }

  @BeforeEach
  void setUp() throws InterruptedException {
    ns = "deadline" + NAMESPACES.incrementAndGet();
    checkout = TargetRef.deployment(ns, "checkout");
    scalePath = "/apis/apps/v1/namespaces/" + ns + "/deployments/checkout/scale"; // read first
    ApiCall.drain(server);
  }

  @Test
  void onlyApiRetryRetriesAServerError() throws Exception {
    server.expect().get().withPath(scalePath).andReturn(503, "{}").always();
    ScaleSubresourceActuator actuator =
        new ScaleSubresourceActuator(
            ScalerClients.forActuation(client),
            new ApiRetry(
                4,
                Duration.ofMillis(1),
                Duration.ofMillis(4),
                Duration.ofSeconds(5),
                d -> {},
                System::nanoTime),
            WriteFence.OPEN);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.FAILED);
    assertThat(reads()).isEqualTo(4); // with fabric8's retries under ApiRetry's: 4 x 11
  }

  /**
   * Each attempt against the hanging server ends at the client's request timeout (the server's
   * answer would come after 3 s and succeed); the retry's clock is a fake one that moves by each
   * wait plus the request timeout the attempt before it took, so the number of attempts that fit
   * the deadline is exact: 0 + 100 ms wait, 400 + 200 ms, 900 + 400 ms is past 1 s, so three.
   */
  @Test
  void aHangingApiServerGetsOnlyTheAttemptsThatFitTheDeadline() throws Exception {
    server
        .expect()
        .get()
        .delay(3, TimeUnit.SECONDS)
        .withPath(scalePath)
        .andReturn(200, deployment())
        .always();
    Duration requestTimeout = Duration.ofMillis(300);
    AtomicLong fakeNanos = new AtomicLong();
    ScaleSubresourceActuator actuator =
        new ScaleSubresourceActuator(
            ScalerClients.forActuation(client, requestTimeout),
            new ApiRetry(
                10,
                Duration.ofMillis(100),
                Duration.ofMillis(400),
                Duration.ofSeconds(1),
                wait -> fakeNanos.addAndGet(wait.plus(requestTimeout).toNanos()),
                fakeNanos::get),
            WriteFence.OPEN);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.FAILED);
    assertThat(reads()).isEqualTo(3);
    assertThat(Duration.ofNanos(fakeNanos.get()))
        .isLessThanOrEqualTo(Duration.ofSeconds(1).plus(requestTimeout));
  }

  private long reads() throws InterruptedException {
    return ApiCall.drain(server).stream()
        .filter(r -> r.getMethod().equals("GET") && r.getPath().equals(scalePath))
        .count();
  }

  private String deployment() {
    return client
        .getKubernetesSerialization()
        .asJson(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("checkout")
                .withNamespace(ns)
                .withResourceVersion("1")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .build());
  }
}
