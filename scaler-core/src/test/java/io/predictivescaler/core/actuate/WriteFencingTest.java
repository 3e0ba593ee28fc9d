package io.predictivescaler.core.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ApiCall;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes are fenced by leadership at the moment of each write attempt, retries included. */
@EnableKubernetesMockClient(
    crud = true,
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class WriteFencingTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final AtomicBoolean leader = new AtomicBoolean(true);
  private final AtomicInteger fenceChecks = new AtomicInteger();
  private final WriteFence fence =
      () -> {
        fenceChecks.incrementAndGet();
        return leader.get();
      };
  private String ns;
  private TargetRef checkout;
  private String scalePath;

  @BeforeEach
  void setUp() throws InterruptedException {
    ns = "fence" + NAMESPACES.incrementAndGet();
    checkout = TargetRef.deployment(ns, "checkout");
    scalePath = "/apis/apps/v1/namespaces/" + ns + "/deployments/checkout/scale";
    ApiCall.drain(server);
  }

  @Test
  void asksTheFenceImmediatelyBeforeTheWrite() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    ScaleSubresourceActuator actuator = scaleActuator(d -> {});
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result).isEqualTo(ActuationResult.applied(2, 5));
    assertThat(fenceChecks).hasValue(1);
  }

  @Test
  void writesNothingWhenTheLeaseIsLostBeforeTheWrite() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    leader.set(false);
    ScaleSubresourceActuator actuator = scaleActuator(d -> {});
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.UNCHANGED);
    assertThat(result.reason()).isEqualTo(ActuationResult.NOT_LEADER);
    assertThat(writes()).isZero();
    assertThat(replicas()).isEqualTo(2);
  }

  @Test
  void aLeaseLostWhileBackingOffStopsTheRetry() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    server.expect().patch().withPath(scalePath).andReturn(503, "{}").always();
    // the lease is lost while the actuator waits to retry the failed write
    ScaleSubresourceActuator actuator = scaleActuator(d -> leader.set(false));
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.reason()).isEqualTo(ActuationResult.NOT_LEADER);
    assertThat(writes()).isEqualTo(1); // the first attempt only; no write after the loss
  }

  @Test
  void doesNotOverwriteACountAnotherWriterChanged() throws Exception {
    // the decision saw 2; kubectl (or a GitOps tool) has set 7 since
    Fixtures.deployment(client, ns, "checkout", 7);
    ScaleSubresourceActuator actuator = scaleActuator(d -> {});
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 5);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.REFUSED);
    assertThat(result.reason()).isEqualTo("ConflictingWriter");
    assertThat(result.message()).contains("has 7 replicas but the decision saw 2");
    assertThat(writes()).isZero();
    assertThat(replicas()).isEqualTo(7);
  }

  @Test
  void aDecisionOnACountFromBeforeItsOwnWriteIsNoConflict() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    ScaleSubresourceActuator actuator = scaleActuator(d -> {});
    actuator.apply(checkout, 2, 5);
    ApiCall.drain(server);

    // the next decision still saw 2: the cache had not caught up with the write of 5
    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.outcome()).isEqualTo(ActuationOutcome.UNCHANGED);
    assertThat(result.reason()).isEmpty();
    assertThat(writes()).isZero();
    assertThat(replicas()).isEqualTo(5);
  }

  @Test
  void hpaFloorWritesNothingWhenTheLeaseIsLost() throws Exception {
    Fixtures.deployment(client, ns, "checkout", 2);
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);
    leader.set(false);
    HpaFloorActuator actuator =
        new HpaFloorActuator(client, ScaleSubresourceActuatorTest.noWaitRetry(3, d -> {}), fence);
    ApiCall.drain(server);

    ActuationResult result = actuator.apply(checkout, 2, 6);

    assertThat(result.reason()).isEqualTo(ActuationResult.NOT_LEADER);
    assertThat(writes()).isZero();
  }

  private ScaleSubresourceActuator scaleActuator(Sleeper sleeper) {
    return new ScaleSubresourceActuator(
        client, ScaleSubresourceActuatorTest.noWaitRetry(3, sleeper), fence);
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
}
