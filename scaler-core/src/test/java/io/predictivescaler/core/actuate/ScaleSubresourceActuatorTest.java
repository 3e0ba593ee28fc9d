package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ApiCall;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(
    crud = true,
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class ScaleSubresourceActuatorTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private String ns;
  private TargetRef checkout;
  private String scalePath;
  private String deploymentPath;
  private ScaleSubresourceActuator actuator;

  @BeforeEach
  void setUp() throws InterruptedException {
    ns = "shop" + NAMESPACES.incrementAndGet(); // one server per class: a namespace per test
    checkout = TargetRef.deployment(ns, "checkout");
    deploymentPath = "/apis/apps/v1/namespaces/" + ns + "/deployments/checkout";
    scalePath = deploymentPath + "/scale";
    actuator = new ScaleSubresourceActuator(client, noWaitRetry(3, d -> {}), WriteFence.OPEN);
    ApiCall.drain(server);
  }

  @Test
  void scalesWhenTheCountDiffers() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 5));
    assertThat(replicas()).isEqualTo(5);
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void writesNothingWhenTheCountAlreadyMatches() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 4);
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 3, 4);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.UNCHANGED);
    assertThat(result.toReplicas()).isEqualTo(4);
    assertThat(writes()).isZero();
  }

  @Test
  void leavesAPausedDeploymentAlone() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2, Map.of(ScalerAnnotations.PAUSED, "true"));
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.PAUSED);
    assertThat(result.message()).contains("from 2 to 6");
    assertThat(replicas()).isEqualTo(2);
    assertThat(writes()).isZero();
  }

  @Test
  void refusesADeploymentThatAnHpaScales() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    Fixtures.hpa(client, ns, "checkout-cpu", "checkout", 2, 10);
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("ConflictingAutoscaler");
    assertThat(result.message())
        .contains("HorizontalPodAutoscaler " + ns + "/checkout-cpu")
        .contains("mode: hpa-floor");
    assertThat(replicas()).isEqualTo(2);
    assertThat(writes()).isZero();
  }

  @Test
  void refusesADeploymentThatAKedaScaledObjectScales() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    Fixtures.scaledObject(client, ns, "checkout-queue", "checkout");
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.message())
        .contains("ScaledObject " + ns + "/checkout-queue")
        .contains("hpa-floor");
    assertThat(replicas()).isEqualTo(2);
  }

  @Test
  void ignoresAutoscalersOfOtherDeployments() {
    Fixtures.deployment(client, ns, "checkout", 2);
    Fixtures.hpa(client, ns, "cart", "cart", 2, 10);
    Fixtures.scaledObject(client, ns, "cart-queue", "cart");

    ActuationResult result = actuator.apply(checkout, 2, 3);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 3));
  }

  @Test
  void refusesAMissingDeployment() {
    ActuationResult result = actuator.apply(checkout, 2, 3);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("TargetNotFound");
  }

  @Test
  void reReadsAndRetriesOnceOnAConflict() throws Exception {
    Deployment stale = Fixtures.deployment(client, ns, "checkout", 2);
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("checkout")
        .edit(
            d -> {
              d.getMetadata().setLabels(Map.of("edited", "by-someone-else"));
              return d;
            });
    server.expect().get().withPath(scalePath).andReturn(200, stale).once(); // CRUD mode's Scale
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 5));
    assertThat(replicas()).isEqualTo(5);
    assertThat(writes()).isEqualTo(2); // the stale write answered 409, then one after re-reading
  }

  @Test
  void failsAfterASecondConflict() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    server.expect().patch().withPath(scalePath).andReturn(409, conflictStatus()).times(2);
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.FAILED);
    assertThat(result.message())
        .startsWith("scaling Deployment " + ns + "/checkout to 5: HTTP 409");
    assertThat(writes()).isEqualTo(2);
    assertThat(replicas()).isEqualTo(2);
  }

  @Test
  void retriesAServerErrorAfterReReading() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    server.expect().patch().withPath(scalePath).andReturn(503, unavailableStatus()).once();
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 5));
    assertThat(replicas()).isEqualTo(5);
    assertThat(writes()).isEqualTo(2);
  }

  @Test
  void doesNotWriteAgainWhenTheFailedWriteHadLanded() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    server.expect().patch().withPath(scalePath).andReturn(503, unavailableStatus()).once();
    // while the actuator backs off, the write it thought had failed shows up in the cluster
    ScaleSubresourceActuator lostResponse =
        new ScaleSubresourceActuator(
            client,
            noWaitRetry(
                3, d -> client.apps().deployments().inNamespace(ns).withName("checkout").scale(5)),
            WriteFence.OPEN);
    ApiCall.drain(server);

    ActuationResult result = lostResponse.apply(checkout, 2, 5);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 5));
    assertThat(writes()).isEqualTo(2); // the actuator's one 503 and the landed one; no third
  }

  @Test
  void givesUpWithContextAfterTheLastAttempt() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    server.expect().patch().withPath(scalePath).andReturn(503, unavailableStatus()).always();
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.FAILED);
    assertThat(result.reason()).isEqualTo("FailedRescale");
    assertThat(result.message())
        .isEqualTo("scaling Deployment " + ns + "/checkout to 5: HTTP 503: etcd is down");
    assertThat(result.cause()).isNotNull();
    assertThat(writes()).isEqualTo(3);
  }

  private int replicas() {
    return client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("checkout")
        .get()
        .getSpec()
        .getReplicas();
  }

  private long writes() throws InterruptedException {
    return ApiCall.writes(server);
  }

  static ApiRetry noWaitRetry(int attempts, Sleeper sleeper) {
    return new ApiRetry(attempts, Duration.ofMillis(1), Duration.ofMillis(4), sleeper);
  }

  private static String unavailableStatus() {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"code\":503,"
        + "\"reason\":\"ServiceUnavailable\",\"message\":\"etcd is down\"}";
  }

  private static String conflictStatus() {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"code\":409,"
        + "\"reason\":\"Conflict\",\"message\":\"the object has been modified\"}";
  }
}
