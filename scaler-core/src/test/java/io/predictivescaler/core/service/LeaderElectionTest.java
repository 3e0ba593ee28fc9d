package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionTest {

  private static final AtomicInteger LEASES = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(8);

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final List<LeaderElection> started = new ArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private String leaseName;

  @BeforeEach
  void setUp() {
    leaseName = "scaler-" + LEASES.incrementAndGet();
  }

  @AfterEach
  void tearDown() {
    started.forEach(LeaderElection::close);
  }

  @Test
  void theOnlyCandidateBecomesLeader() {
    LeaderElection a = start("a");

    await().atMost(WAIT).until(a::isLeader);

    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("a");
    assertThat(events).containsExactly("a started");
  }

  @Test
  void twoReplicasShareOneLeaseAndFailOverWhenTheLeaderStops() {
    LeaderElection a = start("a");
    await().atMost(WAIT).until(a::isLeader);
    LeaderElection b = start("b");
    await().during(Duration.ofMillis(600)).atMost(WAIT).until(() -> !b.isLeader());

    a.close();

    assertThat(a.isLeader()).isFalse();
    await().atMost(WAIT).until(b::isLeader);
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("b");
    assertThat(events).containsExactly("a started", "a stopped", "b started");
  }

  @Test
  void stopsActuatingWithinTheRenewDeadlineWhenTheLeaseIsTakenAway() {
    LeaderElection a = start("a");
    await().atMost(WAIT).until(a::isLeader);

    client
        .leases()
        .inNamespace("ops")
        .withName(leaseName)
        .edit(
            lease -> {
              lease.getSpec().setHolderIdentity("intruder");
              lease.getSpec().setRenewTime(ZonedDateTime.now().plusSeconds(30));
              return lease;
            });

    await().atMost(Duration.ofMillis(1500)).until(() -> !a.isLeader());
    await().atMost(WAIT).until(() -> events.contains("a stopped"));
  }

  @Test
  void theLeaderGaugeIsOneOnTheReplicaHoldingTheLeaseOnly() {
    PrometheusMeterRegistry metersOfA = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusMeterRegistry metersOfB = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LeaderElection a = start("a");
    ServiceMeters.leader(metersOfA, a::isLeader);
    await().atMost(WAIT).until(a::isLeader);
    LeaderElection b = start("b");
    ServiceMeters.leader(metersOfB, b::isLeader);
    String aLeading = metersOfA.scrape();
    String bFollowing = metersOfB.scrape();

    a.close();

    assertThat(aLeading).contains("predictive_scaler_leader 1.0");
    assertThat(bFollowing).contains("predictive_scaler_leader 0.0");
    assertThat(metersOfA.scrape()).contains("predictive_scaler_leader 0.0");
    await().atMost(WAIT).until(() -> metersOfB.scrape().contains("predictive_scaler_leader 1.0"));
  }

  @Test
  void closeReleasesTheLease() {
    LeaderElection a = start("a");
    await().atMost(WAIT).until(a::isLeader);

    a.close();

    // fabric8 releases by rewriting the lease to a 1 s duration (ours is 2 s) without a holder;
    // the mock server's patch keeps the old holder field, so the duration is the mark to check
    Lease lease = lease();
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(1);
  }

  private LeaderElection start(String identity) {
    LeaderElection election =
        new LeaderElection(
            client,
            new LeaderElectionSettings(
                leaseName,
                "ops",
                identity,
                Duration.ofMillis(2000),
                Duration.ofMillis(1500),
                Duration.ofMillis(500)),
            () -> events.add(identity + " started"),
            () -> events.add(identity + " stopped"));
    started.add(election);
    election.start();
    return election;
  }

  private Lease lease() {
    return client.leases().inNamespace("ops").withName(leaseName).get();
  }
}
