package io.predictivescaler.core.service;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.ConfigMapPolicyWatcher;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.FakeAccessReviews;
import io.predictivescaler.core.tick.TickOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real service (built by {@link ScalerService#start}) against a fabric8 mock API server,
 * with a stub Prometheus and a test clock; ticks are driven by the test through {@link
 * ScalerService#tickNow()}. Also the cluster objects and HTTP calls the ITs need.
 *
 * <p>The ops API runs with {@code --ops-auth=none} unless {@link #withKubernetesOpsAuth} makes it
 * check tokens against the mock API server's answered reviews, as in production.
 *
 * <p>Windows come from the collector's backfill at registration; the collector's own timers run on
 * real time, so a test that advances the clock more than five steps past the start sees its load as
 * stale (metrics unavailable).
 */
final class ServiceHarness implements AutoCloseable {

  static final String NS = "shop";
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final Duration STEP = Duration.ofSeconds(15);
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String OPS_READER = "system:serviceaccount:monitoring:prometheus";
  static final String OPS_READER_TOKEN = "prometheus-token";

  final KubernetesClient client;
  final MutableClock clock;
  final StubPrometheus prometheus = new StubPrometheus();
  private final List<ScalerService> services = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private OpsAuthMode opsAuth = OpsAuthMode.NONE;
  private String opsToken;

  ServiceHarness(KubernetesClient client, Instant start) {
    this.client = client;
    this.clock = new MutableClock(start);
  }

  /**
   * Services started from now on check ops API tokens with the Kubernetes API ({@code
   * --ops-auth=kubernetes}); {@link #get(ScalerService, String)} sends {@link #OPS_READER_TOKEN},
   * whose user may get {@code /metrics} and {@code /api/v1/*}. The reviews returned take more
   * tokens and grants.
   */
  FakeAccessReviews withKubernetesOpsAuth(KubernetesMockServer server) {
    opsAuth = OpsAuthMode.KUBERNETES;
    opsToken = OPS_READER_TOKEN;
    return new FakeAccessReviews(server)
        .token(OPS_READER_TOKEN, OPS_READER)
        .allow(OPS_READER, "/metrics")
        .allow(OPS_READER, "/api/v1/*");
  }

  /** Starts an instance named {@code identity}; several share one Lease. */
  ScalerService start(String identity) {
    return start(identity, overrides(identity).withMetricSource(prometheus));
  }

  /**
   * Starts an instance that reads the Prometheus at {@code url} through the service's own source
   * (no stub), with more flags.
   */
  ScalerService startAgainst(URI url, String... flags) {
    List<String> args = new ArrayList<>(List.of("--prometheus-url", url.toString()));
    args.addAll(List.of(flags));
    return start("scaler-0", args, overrides("scaler-0"));
  }

  /** Starts an instance named {@code scaler-0} with the stub Prometheus and more flags. */
  ScalerService startWith(String... flags) {
    return start("scaler-0", List.of(flags), overrides("scaler-0").withMetricSource(prometheus));
  }

  private ScalerService start(String identity, ServiceOverrides overrides) {
    return start(identity, List.of(), overrides);
  }

  private ScalerService start(String identity, List<String> flags, ServiceOverrides overrides) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--identity",
                identity,
                "--lease-namespace",
                "ops",
                "--ops-auth",
                opsAuth.configName(),
                "--ops-bind-address",
                "127.0.0.1"));
    args.addAll(flags);
    ServiceConfig config = ServiceConfigParser.parse(args.toArray(String[]::new), Map.of());
    ScalerService service = ScalerService.start(config, overrides);
    services.add(service);
    return service;
  }

  private ServiceOverrides overrides(String identity) {
    return ServiceOverrides.none()
        .withClient(
            () -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build())
        .withClock(clock)
        .withTickPeriod(Duration.ZERO)
        .withHttpPort(0)
        .withLeaderElection(
            new LeaderElectionSettings(
                "predictive-scaler",
                "ops",
                identity,
                Duration.ofMillis(2000),
                Duration.ofMillis(1500),
                Duration.ofMillis(250)));
  }

  /** Starts one instance and waits until it is ready, leads, and holds windows of {@code names}. */
  ScalerService startLeader(String... names) {
    ScalerService service = start("scaler-0");
    await().atMost(WAIT).until(() -> service.readiness().isReady() && service.mayActuate());
    for (String name : names) {
      await().atMost(WAIT).until(() -> service.hasWindow(TargetRef.deployment(NS, name)));
    }
    return service;
  }

  /**
   * A leader managing {@code shop/checkout} (2 replicas, load 950, {@code scale} mode, replicas 1
   * to {@code maxReplicas}) after its first tick.
   */
  ScalerService startCheckoutAfterOneTick(int maxReplicas) throws Exception {
    prometheus.load(query("checkout"), t -> 950);
    deployment("checkout", 2, Map.of());
    policies("workloads:\n" + workload("checkout", "scale", 1, maxReplicas));
    ScalerService service = startLeader("checkout");
    tick(service, "checkout");
    return service;
  }

  /**
   * Starts one instance and waits until it is ready, leads, holds windows of {@code targets} and
   * knows their replica counts (read every few seconds for kinds other than Deployments).
   */
  ScalerService startLeader(TargetRef... targets) {
    ScalerService service = start("scaler-0");
    await().atMost(WAIT).until(() -> service.readiness().isReady() && service.mayActuate());
    for (TargetRef target : targets) {
      await()
          .atMost(WAIT)
          .until(() -> service.hasWindow(target) && service.replicaCounts(target).isPresent());
    }
    return service;
  }

  /** One tick at the clock's time; the decision for {@code name} (fails when it was skipped). */
  TickOutcome.Decided tick(ScalerService service, String name) throws Exception {
    List<TickOutcome> outcomes = service.tickNow().toCompletableFuture().get(30, TimeUnit.SECONDS);
    TickOutcome outcome =
        outcomes.stream()
            .filter(o -> o.policy().target().name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tick outcome for " + name + ": " + outcomes));
    if (outcome instanceof TickOutcome.Decided decided) {
      return decided;
    }
    throw new AssertionError("the tick of " + name + " decided nothing: " + outcome);
  }

  void policies(String yaml) {
    policies(NS, "policies", yaml);
  }

  /** Creates or replaces the policy ConfigMap {@code namespace/name}. */
  void policies(String namespace, String name, String yaml) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels(ConfigMapPolicyWatcher.POLICY_LABEL, "true")
                .endMetadata()
                .addToData(ConfigMapPolicyWatcher.POLICY_KEY, yaml)
                .build())
        .createOr(existing -> existing.update());
  }

  Deployment deployment(String name, int replicas, Map<String, String> annotations) {
    return client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .withNewStatus()
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .endStatus()
                .build())
        .create();
  }

  int replicas(String name) {
    return client.apps().deployments().inNamespace(NS).withName(name).get().getSpec().getReplicas();
  }

  List<Event> events(String reason) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  Optional<Event> event(String reason) {
    return events(reason).stream().findFirst();
  }

  /** GET with the harness' ops token, if any. */
  HttpResponse<String> get(ScalerService service, String path)
      throws IOException, InterruptedException {
    return get(service, path, opsToken);
  }

  /** GET with {@code token} as the bearer token; none when null. */
  HttpResponse<String> get(ScalerService service, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One entry of {@code workloads:} for a Prometheus workload; {@code extra} are more fields. */
  static String workload(String name, String mode, int min, int max, String... extra) {
    StringBuilder yaml =
        new StringBuilder()
            .append("  - target: {name: ")
            .append(name)
            .append("}\n    metric: {prometheus: '")
            .append(query(name))
            .append("'}\n    targetPerReplica: 100\n    minReplicas: ")
            .append(min)
            .append("\n    maxReplicas: ")
            .append(max)
            .append("\n    mode: ")
            .append(mode)
            .append('\n');
    for (String field : extra) {
      yaml.append("    ").append(field).append('\n');
    }
    return yaml.toString();
  }

  static String query(String name) {
    return "load{app=\"" + name + "\"}";
  }

  @Override
  public void close() {
    services.forEach(ScalerService::close);
  }
}
