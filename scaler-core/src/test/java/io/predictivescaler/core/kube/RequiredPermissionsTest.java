package io.predictivescaler.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.ActuatorFactory;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorActuator;
import io.predictivescaler.core.actuate.HpaFloorRestorer;
import io.predictivescaler.core.actuate.WriteFence;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.explain.DecisionRecord;
import io.predictivescaler.core.explain.DecisionRecorder;
import io.predictivescaler.core.opsauth.ReviewedUser;
import io.predictivescaler.core.service.LeaderElection;
import io.predictivescaler.core.service.LeaderElectionSettings;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Code and RBAC cannot drift: drives the actuators, the decision recorder and leader election
 * against the mock API server, maps every request to (API group, resource, verb), and checks it
 * against required-permissions.yaml, which the chart's RBAC is tested against in turn.
 */
class RequiredPermissionsTest {

  private static final String FILE = "/io/predictivescaler/core/kube/required-permissions.yaml";

  /**
   * Calls of components this test does not drive, as their code reads today. Replace an entry by
   * driving the component here when it gets a stable API.
   */
  private static final Map<ApiCall, String> MADE_ELSEWHERE =
      Map.of(
          new ApiCall("", "configmaps", "list"), "core.config.ConfigMapPolicyWatcher (informer)",
          new ApiCall("", "configmaps", "watch"), "core.config.ConfigMapPolicyWatcher (informer)",
          new ApiCall("metrics.k8s.io", "pods", "list"),
              "collector.metricsserver.MetricsServerSource");

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final Set<ApiCall> MADE =
      new ConcurrentSkipListSet<>(Comparator.comparing(ApiCall::toString));

  @BeforeAll
  static void driveEveryCodePath() throws Exception {
    server = ScaleSubresourceMockServer.start(); // /scale answers with a selector, as a real one
    client = server.createClient(new NoBuiltInRetries());
    ActuatorFactory actuators = new ActuatorFactory(client, ApiRetry.defaults());
    DecisionRecorder recorder =
        new DecisionRecorder(
            client, new SimpleMeterRegistry(), "scaler-0", Duration.ofMinutes(10), t -> false);
    TargetRef checkout = TargetRef.deployment("shop", "checkout");
    TargetRef cart = TargetRef.deployment("shop", "cart");
    Fixtures.deployment(client, "shop", "checkout", 2);
    Fixtures.deployment(client, "shop", "cart", 2);
    Fixtures.hpa(client, "shop", "cart", "cart", 2, 10);
    Fixtures.statefulSet(client, "shop", "db", 2, Map.of());
    Fixtures.replicaSet(client, "shop", "workers", 2);
    Fixtures.pod(client, "shop", "db-0", "db", true);
    record();
    MADE.clear();

    ActuationResult scaled = actuators.forMode(ScalingMode.SCALE).apply(checkout, 2, 4);
    ActuationResult refused = actuators.forMode(ScalingMode.SCALE).apply(cart, 2, 4);
    actuators.forMode(ScalingMode.HPA_FLOOR).apply(cart, 2, 5);
    actuators.forMode(ScalingMode.HPA_FLOOR).release(cart);
    actuators.forMode(ScalingMode.HPA_FLOOR).apply(cart, 2, 5);
    new HpaFloorRestorer(client, new HpaFloorActuator(client, ApiRetry.defaults(), WriteFence.OPEN))
        .restore(List.of("shop"), target -> false);
    actuators.forMode(ScalingMode.DRY_RUN).apply(checkout, 4, 6);
    recorder.record(decision(checkout, 2, 4, ScalingMode.SCALE), scaled);
    recorder.record(decision(cart, 2, 4, ScalingMode.DRY_RUN), ActuationResult.dryRun(2, 4));
    recorder.record(decision(cart, 2, 4, ScalingMode.SCALE), refused);
    record();
    scaleEveryBuiltInKind(actuators);
    watchDeployments();
    pollOtherKinds();
    leaderElectsRenewsAndReleases();
    reviewOpsAccess();

    assertThat(scaled.changedCluster()).isTrue();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void everyRequestTheCodeMakesIsPermitted() throws Exception {
    Set<ApiCall> permitted = permitted();

    assertThat(MADE).isNotEmpty();
    assertThat(MADE.stream().filter(call -> !permitted.contains(call)).map(ApiCall::toString))
        .as("requests not covered by %s", FILE)
        .isEmpty();
  }

  @Test
  void everyPermissionIsUsedBySomeCodePath() throws Exception {
    Set<String> unused =
        permitted().stream()
            .filter(p -> !MADE.contains(p) && !MADE_ELSEWHERE.containsKey(p))
            .map(ApiCall::toString)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(unused).as("permissions in %s that no code path uses", FILE).isEmpty();
  }

  private static void scaleEveryBuiltInKind(ActuatorFactory actuators) throws Exception {
    TargetRef db = new TargetRef(WorkloadKind.STATEFUL_SET, "shop", "db");
    TargetRef workers = new TargetRef(WorkloadKind.REPLICA_SET, "shop", "workers");

    assertThat(actuators.forMode(ScalingMode.SCALE).apply(db, 2, 3).changedCluster()).isTrue();
    assertThat(actuators.forMode(ScalingMode.SCALE).apply(workers, 2, 3).changedCluster()).isTrue();
    record();
  }

  private static void pollOtherKinds() throws Exception {
    ScaleTargetPoller poller =
        new ScaleTargetPoller(new ScaleTargetApi(client), Duration.ofHours(1));
    poller.track(List.of(new TargetRef(WorkloadKind.STATEFUL_SET, "shop", "db")));
    poller.refresh();
    poller.close();
    assertThat(poller.replicas(new TargetRef(WorkloadKind.STATEFUL_SET, "shop", "db"))).isPresent();
    record();
  }

  private static void watchDeployments() throws Exception {
    try (DeploymentCache cache = new DeploymentCache(client, List.of("shop"))) {
      cache.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(8)).until(cache::isWatching);
      assertThat(cache.replicas(TargetRef.deployment("shop", "checkout"))).isPresent();
    }
    record();
  }

  private static void leaderElectsRenewsAndReleases() throws InterruptedException {
    LeaderElection election =
        new LeaderElection(
            client,
            new LeaderElectionSettings(
                "predictive-scaler",
                "ops",
                "scaler-0",
                Duration.ofMillis(2000),
                Duration.ofMillis(1500),
                Duration.ofMillis(300)),
            () -> {},
            () -> {});
    election.start();
    await()
        .atMost(Duration.ofSeconds(8))
        .until(
            () -> {
              record();
              return election.isLeader()
                  && MADE.stream()
                      .anyMatch(
                          c ->
                              c.resource().equals("leases")
                                  && !c.verb().equals("get")
                                  && !c.verb().equals("create"));
            });
    election.close();
    record();
  }

  private static void reviewOpsAccess() throws InterruptedException {
    String prometheus = "system:serviceaccount:monitoring:prometheus";
    new FakeAccessReviews(server).token("token", prometheus).allow(prometheus, "/metrics");
    KubernetesAccessReviewer reviewer =
        new KubernetesAccessReviewer(client, new SimpleMeterRegistry());

    ReviewedUser user = reviewer.authenticate("token").orElseThrow();
    assertThat(reviewer.allows(user, "get", "/metrics")).isTrue();
    record();
  }

  private static void record() throws InterruptedException {
    ApiCall.drain(server).stream().map(ApiCall::of).filter(Objects::nonNull).forEach(MADE::add);
  }

  private static Set<ApiCall> permitted() throws Exception {
    List<Map<String, Object>> entries;
    try (InputStream in = RequiredPermissionsTest.class.getResourceAsStream(FILE)) {
      assertThat(in).as(FILE + " on the classpath").isNotNull();
      entries =
          new ObjectMapper(new YAMLFactory())
              .readValue(in, new TypeReference<List<Map<String, Object>>>() {});
    }
    Set<ApiCall> permitted = new TreeSet<>(Comparator.comparing(ApiCall::toString));
    for (Map<String, Object> entry : entries) {
      for (Object verb : (List<?>) entry.get("verbs")) {
        permitted.add(
            new ApiCall(
                String.valueOf(entry.get("apiGroup")),
                String.valueOf(entry.get("resource")),
                String.valueOf(verb)));
      }
    }
    return permitted;
  }

  private static DecisionRecord decision(TargetRef workload, int from, int to, ScalingMode mode) {
    return new DecisionRecord(
        workload,
        Instant.parse("2025-03-01T10:00:00Z"),
        from,
        to,
        ReasonCode.PREDICTED_LOAD,
        "peak ahead",
        mode,
        true,
        3,
        300.0,
        450.0,
        500.0,
        null);
  }
}
