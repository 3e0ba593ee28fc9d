package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.STEP;
import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static io.predictivescaler.core.service.ServiceHarness.query;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.tick.TickOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas share one Lease: only the leader writes, the follower takes over when it stops. */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionIT {

  KubernetesClient client;
  KubernetesMockServer server;
  private ServiceHarness harness;

  @BeforeEach
  void setUp() {
    harness = new ServiceHarness(client, ServiceHarness.T0);
    harness.prometheus.load(query("checkout"), t -> 950);
    harness.deployment("checkout", 2, Map.of());
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 20));
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void onlyTheLeaderActuatesAndTheFollowerTakesOverWhenItStops() throws Exception {
    ScalerService a = harness.start("scaler-a");
    ScalerService b = harness.start("scaler-b");
    TargetRef checkout = TargetRef.deployment(NS, "checkout");
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.readiness().isReady()
                    && b.readiness().isReady()
                    && a.hasWindow(checkout)
                    && b.hasWindow(checkout)
                    && (a.mayActuate() ^ b.mayActuate()));
    ScalerService leader = a.mayActuate() ? a : b;
    ScalerService follower = leader == a ? b : a;

    TickOutcome.Decided followerTick = harness.tick(follower, "checkout");
    int afterFollower = harness.replicas("checkout");
    TickOutcome.Decided leaderTick = harness.tick(leader, "checkout");
    leader.close();
    await().atMost(Duration.ofSeconds(10)).until(follower::mayActuate);
    for (int i = 0; i < 3 && harness.replicas("checkout") != 10; i++) {
      harness.clock.advance(STEP);
      harness.tick(follower, "checkout");
    }

    assertThat(followerTick.decision().replicas()).isEqualTo(6);
    assertThat(followerTick.actuation()).isNull();
    assertThat(afterFollower).isEqualTo(2);
    assertThat(leaderTick.actuation().changedCluster()).isTrue();
    assertThat(harness.replicas("checkout")).isEqualTo(10);
    assertThat(holder()).isEqualTo(follower == a ? "scaler-a" : "scaler-b");
  }

  private String holder() {
    return client
        .leases()
        .inNamespace("ops")
        .withName("predictive-scaler")
        .get()
        .getSpec()
        .getHolderIdentity();
  }
}
