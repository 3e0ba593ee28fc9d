package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorActuator;
import io.predictivescaler.core.actuate.HpaFloorRestorer;
import io.predictivescaler.core.actuate.WriteFence;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A floor raised for a workload whose policy was removed while this replica was a follower (or
 * whose release failed) is restored by whoever leads next, retried until it succeeds.
 */
@EnableKubernetesMockClient(
    crud = true,
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class FloorRestoreSweepTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicReference<Set<TargetRef>> raisedByPolicy = new AtomicReference<>(Set.of());
  private String ns;
  private TargetRef checkout;
  private FloorRestoreSweep sweep;

  @BeforeEach
  void setUp() {
    ns = "sweep" + NAMESPACES.incrementAndGet();
    checkout = TargetRef.deployment(ns, "checkout");
    Fixtures.deployment(client, ns, "checkout", 2);
    Fixtures.hpa(client, ns, "checkout", "checkout", 2, 10);
    // a former leader raised the floor; the policy is gone by now
    new HpaFloorActuator(client, retry(), WriteFence.OPEN).apply(checkout, 2, 7);
    sweep =
        new FloorRestoreSweep(
            new HpaFloorRestorer(client, new HpaFloorActuator(client, retry(), leading::get)),
            List.of(ns),
            raisedByPolicy::get,
            leading::get,
            INTERVAL,
            nanos::get);
  }

  @Test
  void aFollowerLeavesTheFloorAlone() {
    sweep.run();

    assertThat(minReplicas()).isEqualTo(7);
  }

  @Test
  void theNextLeaderRestoresAFloorNoPolicyRaises() {
    sweep.run();
    leading.set(true);

    sweep.run();

    assertThat(minReplicas()).isEqualTo(2);
  }

  @Test
  void keepsAFloorAPolicyStillRaises() {
    raisedByPolicy.set(Set.of(checkout));
    leading.set(true);

    sweep.run();

    assertThat(minReplicas()).isEqualTo(7);
  }

  @Test
  void retriesAFailedRestoreAfterTheInterval() {
    leading.set(true);
    server
        .expect()
        .patch()
        .withPath("/apis/autoscaling/v2/namespaces/" + ns + "/horizontalpodautoscalers/checkout")
        .andReturn(503, "{}")
        .times(3);
    sweep.run();
    int afterFailure = minReplicas();
    nanos.addAndGet(INTERVAL.minusSeconds(1).toNanos());
    sweep.run();
    int beforeTheInterval = minReplicas();

    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    sweep.run();

    assertThat(afterFailure).isEqualTo(7);
    assertThat(beforeTheInterval).isEqualTo(7);
    assertThat(minReplicas()).isEqualTo(2);
  }

  @Test
  void keepsOnlyWhatHpaFloorPoliciesRaise() {
    assertThat(FloorRestoreSweep.hpaFloorTargets(PolicySet.EMPTY)).isEmpty();
  }

  private int minReplicas() {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName("checkout")
        .get()
        .getSpec()
        .getMinReplicas();
  }

  private static ApiRetry retry() {
    return new ApiRetry(3, Duration.ofMillis(1), Duration.ofMillis(4), d -> {});
  }
}
