package io.predictivescaler.bench.chaos;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.actuate.Sleeper;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.service.LeaderElectionSettings;
import io.predictivescaler.core.service.ScalerService;
import io.predictivescaler.core.service.ServiceConfigParser;
import io.predictivescaler.core.service.ServiceOverrides;
import io.predictivescaler.core.tick.TickOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real service ({@link ScalerService}: policy watcher, collector, tick loop, actuators,
 * leader election) against the fabric8 mock API server and a stub Prometheus on a virtual clock,
 * one control step per tick, injects faults at random and checks the invariants every tick.
 */
final class ChaosRun implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  static final String LEASE_NAMESPACE = "ops";
  static final Duration LEASE = Duration.ofMillis(2000);
  static final Duration RENEW_DEADLINE = Duration.ofMillis(1500);
  static final Duration RETRY = Duration.ofMillis(250);

  /** Ticks after a change to a workload (or an instance start) before a decision is required. */
  static final int GRACE_TICKS = 3;

  /** Steps without an answer after which a metric counts as missing (the window's limit + 2). */
  static final int MISSING_STEPS = 7;

  /**
   * Real time within which an HPA floor must be back to the SRE's once its hpa-floor policy is
   * removed: a lease handed over (its duration and the new leader's start) and a loaded machine.
   */
  static final Duration FLOOR_RESTORE_LIMIT = Duration.ofSeconds(30);

  /** An hpa-floor policy taken out of the ConfigMap, until the HPA is seen restored or judged. */
  private record FloorRemoval(long untilTick, long sinceNanos) {}

  private final ChaosSettings settings;
  private final PrintStream progress;
  private final Random random;
  private final VirtualClock clock = new VirtualClock(START);
  private final Fleet fleet;
  private final ChaosApiDispatcher dispatcher = new ChaosApiDispatcher();
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final PrometheusStub prometheus;
  private final InvariantChecker checker = new InvariantChecker(RENEW_DEADLINE);
  private final Map<FaultKind, Integer> faults = new EnumMap<>(FaultKind.class);
  private final List<ScalerInstance> instances = new ArrayList<>();
  private final Set<String> identities = new HashSet<>();
  private final PolicyBook policies;
  private final DecisionMetrics decisionMetrics = new DecisionMetrics();
  private final Map<String, Long> touched = new HashMap<>();
  private final Map<String, Map<String, Long>> firstSeen = new HashMap<>();
  private final Map<String, Long> deletedUntil = new HashMap<>();
  private final Map<String, Long> hostileUntil = new HashMap<>();
  private final Map<String, String> hostileTargets = new HashMap<>();
  private final Map<String, FloorRemoval> floorRemoved = new HashMap<>();
  private long invalidUntil = -1;
  private long secondCandidateUntil = -1;
  private long tick;
  private int started;
  private long collectNanos;
  private long scalerWrites;
  private long tickNanos;

  ChaosRun(ChaosSettings settings, PrintStream progress) throws Exception {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    this.settings = settings;
    this.progress = progress;
    this.random = new Random(settings.seed());
    this.fleet = new Fleet(settings.workloads(), random);
    for (FaultKind kind : FaultKind.values()) {
      faults.put(kind, 0);
    }
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
    prometheus = new PrometheusStub(clock, fleet::load);
    policies = new PolicyBook(fleet, settings.step());
  }

  /**
   * Each hpa-floor policy removed must see its HPA back at the SRE's floor, without the scaler's
   * annotation, within {@link #FLOOR_RESTORE_LIMIT}; judged once per removal.
   */
  private void checkFloors() {
    for (var entry : floorRemoved.entrySet()) {
      FloorRemoval removal = entry.getValue();
      if (removal.sinceNanos() == Long.MIN_VALUE) {
        continue; // judged
      }
      Fleet.Workload w = fleet.get(entry.getKey());
      HorizontalPodAutoscaler hpa =
          client
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace(Fleet.NAMESPACE)
              .withName(w.name())
              .get();
      int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
      // the mock server keeps a key a merge patch set to null; the API server drops it
      boolean annotated =
          hpa.getMetadata().getAnnotations() != null
              && hpa.getMetadata().getAnnotations().get(ScalerAnnotations.ORIGINAL_MIN_REPLICAS)
                  != null;
      Duration waited = Duration.ofNanos(System.nanoTime() - removal.sinceNanos());
      if (min == w.min() && !annotated) {
        entry.setValue(new FloorRemoval(removal.untilTick(), Long.MIN_VALUE));
      } else if (waited.compareTo(FLOOR_RESTORE_LIMIT) > 0) {
        checker.floorNotRestored(tick, Fleet.NAMESPACE + "/" + w.name(), min, w.min(), waited);
        entry.setValue(new FloorRemoval(removal.untilTick(), Long.MIN_VALUE));
      }
    }
  }

  ChaosResult run() throws Exception {
    long began = System.nanoTime();
    for (Fleet.Workload w : fleet.all()) {
      createDeployment(w.name(), w.min());
    }
    for (Fleet.Workload w : fleet.hpaFloor()) {
      createHpa(w);
    }
    writePolicies(policies.render());
    startInstance();
    long ticks = settings.ticks();
    for (tick = 0; tick < ticks; tick++) {
      if (random.nextDouble() < settings.faultRate()) {
        inject();
      }
      clock.advance(settings.step());
      long t0 = System.nanoTime();
      collect();
      long t1 = System.nanoTime();
      decisionMetrics.newTick();
      for (ScalerInstance instance : List.copyOf(instances)) {
        tickInstance(instance);
      }
      collectNanos += t1 - t0;
      tickNanos += System.nanoTime() - t1;
      checkWrites();
      checkFloors();
      kubelet();
      expire();
      if (tick % 720 == 0 || tick == ticks - 1) {
        heap();
        client.v1().events().inNamespace(Fleet.NAMESPACE).delete(); // the API server's event TTL
      }
      if (progress != null && tick % 1440 == 0) {
        progress.printf(
            "day %d: %d faults, %d violations (collect %d s, ticks %d s)%n",
            tick / 1440,
            total(faults),
            checker.total(),
            collectNanos / 1_000_000_000L,
            tickNanos / 1_000_000_000L);
      }
    }
    Map<String, Integer> faultCounts = new TreeMap<>();
    faults.forEach((k, v) -> faultCounts.put(k.key(), v));
    return new ChaosResult(
        settings.seed(),
        ticks,
        scalerWrites,
        faultCounts,
        checker.counts(),
        checker.examples(),
        Duration.ofNanos(System.nanoTime() - began));
  }

  // --- the loop ---

  private void collect() throws InterruptedException {
    long before = prometheus.instantQueries();
    int fired = 0;
    for (ScalerInstance instance : instances) {
      fired += instance.timers().fireDue();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    while (prometheus.instantQueries() - before < fired && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(2); // let the answers reach the windows
  }

  private void tickInstance(ScalerInstance instance) throws Exception {
    boolean ready = instance.service().readiness().isReady();
    var inForce = instance.service().policies();
    Map<String, Long> seen = firstSeen.computeIfAbsent(instance.identity(), k -> new HashMap<>());
    seen.keySet()
        .retainAll(
            inForce.workloads().keySet().stream().map(TargetRef::name).collect(Collectors.toSet()));
    List<TickOutcome> outcomes =
        instance.service().tickNow().toCompletableFuture().get(120, TimeUnit.SECONDS);
    for (TickOutcome o : outcomes) {
      if (o instanceof TickOutcome.Decided) {
        decisionMetrics.decided(instance.identity(), o.policy());
      }
    }
    if (Boolean.getBoolean("chaos.trace")) {
      for (TickOutcome o : outcomes) {
        if (o instanceof TickOutcome.Decided d && d.applied()) {
          System.err.println(
              "tick "
                  + tick
                  + ": decided "
                  + o.policy().target().name()
                  + " "
                  + d.reason()
                  + " "
                  + d.explanation());
        }
      }
    }
    Set<String> decided =
        outcomes.stream()
            .filter(o -> o instanceof TickOutcome.Decided)
            .map(o -> o.policy().target().name())
            .collect(Collectors.toSet());
    Set<String> expected = new HashSet<>();
    for (TargetRef target : inForce.workloads().keySet()) {
      String name = target.name();
      long since = seen.computeIfAbsent(name, k -> tick);
      if (ready
          && tick - instance.startTick() > GRACE_TICKS
          && tick - since > GRACE_TICKS
          && !deletedUntil.containsKey(name)
          && tick - touched.getOrDefault(name, Long.MIN_VALUE / 2) > GRACE_TICKS) {
        expected.add(name);
      }
      ConfigMapRef owner = inForce.source(target).orElse(null);
      if (owner != null && Fleet.NAMESPACE.equals(target.namespace())) {
        checker.owner(
            tick,
            instance.identity(),
            name,
            owner.namespace() + "/" + owner.name(),
            Fleet.NAMESPACE + "/" + Fleet.POLICY_CONFIGMAP);
      }
    }
    Map<String, String> skipped = new HashMap<>();
    for (TickOutcome o : outcomes) {
      if (o instanceof TickOutcome.Skipped s) {
        skipped.put(o.policy().target().name(), s.reason().code() + ": " + s.message());
      }
    }
    checker.decisions(tick, instance.identity(), expected, decided, skipped);
  }

  private void checkWrites() {
    long now = clock.elapsedMillis();
    long missingAfter = settings.step().multipliedBy(MISSING_STEPS).toMillis();
    for (ApiWrite write : dispatcher.drainWrites()) {
      if (!Fleet.NAMESPACE.equals(write.namespace())) {
        continue;
      }
      if (write.writer() != null) {
        scalerWrites++;
      }
      String name = write.name();
      boolean readMetricsServer =
          write.writer() != null
              && decisionMetrics.readMetricsServer(write.writer(), name, policies.isResource(name));
      boolean missing = readMetricsServer || now - prometheus.lastAnswered(name) > missingAfter;
      checker.write(
          tick,
          write,
          identities,
          policies.recentMin(name),
          policies.recentMax(name),
          policies.recentMaxima(name),
          missing);
    }
  }

  /** Pods become Ready one step after they are asked for. */
  private void kubelet() {
    for (Deployment d :
        client.apps().deployments().inNamespace(Fleet.NAMESPACE).list().getItems()) {
      int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
      if (ready == null || ready != want) {
        d.getStatus().setReplicas(want);
        d.getStatus().setReadyReplicas(want);
        d.getStatus().setAvailableReplicas(want);
        try {
          client.apps().deployments().inNamespace(Fleet.NAMESPACE).resource(d).updateStatus();
        } catch (RuntimeException e) {
          // changed in between (another writer): next tick
        }
      }
    }
  }

  private void heap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    checker.heap(tick, usedMb, settings.heapLimitMb());
  }

  // --- faults ---

  private void inject() throws Exception {
    List<FaultKind> kinds = settings.faults();
    FaultKind kind = kinds.get(random.nextInt(kinds.size()));
    if (kind == FaultKind.API_TIMEOUT
        && kinds.contains(FaultKind.API_SERVER_ERROR)
        && random.nextInt(4) != 0) {
      kind = FaultKind.API_SERVER_ERROR; // each timeout costs seconds of real time
    }
    String name = fleet.all().get(random.nextInt(fleet.all().size())).name();
    long until = clock.elapsedMillis() + settings.step().toMillis() * (3 + random.nextInt(15));
    switch (kind) {
      case PROMETHEUS_DOWN, PROMETHEUS_GARBAGE ->
          prometheus.fault(
              random.nextBoolean() ? null : name,
              kind == FaultKind.PROMETHEUS_DOWN
                  ? PrometheusStub.Mode.DOWN
                  : PrometheusStub.Mode.GARBAGE,
              until,
              Duration.ZERO);
      case PROMETHEUS_SLOW ->
          prometheus.fault(
              random.nextBoolean() ? null : name,
              PrometheusStub.Mode.SLOW,
              until,
              Duration.ofMillis(random.nextBoolean() ? 200 : 3500));
      case PROMETHEUS_HUGE ->
          prometheus.fault(
              name,
              PrometheusStub.Mode.HUGE,
              clock.elapsedMillis() + settings.step().toMillis() * (1 + random.nextInt(2)),
              Duration.ZERO);
      case METRICS_SERVER_ABSENT -> {
        policies.toggleResource(name);
        touched.put(name, tick);
        writePolicies(policies.render());
      }
      case API_CONFLICT, API_FORBIDDEN, API_SERVER_ERROR -> {
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
          dispatcher.arm(kind);
        }
      }
      case API_TIMEOUT -> dispatcher.arm(kind);
      case LEASE_LOST_MID_ACTUATION -> dispatcher.stealLeaseOnNextWrite();
      case SECOND_CANDIDATE -> {
        if (instances.size() > 1) {
          return;
        }
        startInstance();
        secondCandidateUntil = tick + 20 + random.nextInt(200);
      }
      case CLOCK_STEP_FORWARD -> clock.stepWall(Duration.ofMinutes(2 + random.nextInt(58)));
      case CLOCK_STEP_BACK ->
          clock.stepWall(
              // more than two steps back: the tick loop then decides at once (a step back of one to
              // two steps may be waited out, see docs/OPERATIONS.md#failure-modes)
              settings.step().multipliedBy(-(3 + random.nextInt(58))));
      case CONFIGMAP_CHURN -> {
        policies.churn(name, random);
        touched.put(name, tick);
        writePolicies(policies.render());
      }
      case CONFIGMAP_INVALID -> {
        writePolicies(policies.invalid(random));
        invalidUntil = tick + 3 + random.nextInt(20);
      }
      case CONFIGMAP_HOSTILE -> {
        if (floorRemoved.containsKey(name)) {
          return; // no policy of ours names it now: a newer ConfigMap may rightly take it
        }
        String hostile = "hostile-" + tick;
        String namespace = random.nextInt(3) == 0 ? "attacker" : Fleet.NAMESPACE;
        writeConfigMap(namespace, hostile, policies.hostile(name, random, namespace));
        hostileUntil.put(namespace + "/" + hostile, tick + 5 + random.nextInt(60));
        hostileTargets.put(namespace + "/" + hostile, name);
      }
      case DEPLOYMENT_RECREATED -> {
        if (deletedUntil.containsKey(name)) {
          return;
        }
        client.apps().deployments().inNamespace(Fleet.NAMESPACE).withName(name).delete();
        deletedUntil.put(name, tick + 1 + random.nextInt(10));
      }
      case OTHER_WRITER -> {
        Fleet.Workload w = fleet.get(name);
        if (deletedUntil.containsKey(name)) {
          return;
        }
        int replicas = 1 + random.nextInt(w.max() + 5);
        client
            .apps()
            .deployments()
            .inNamespace(Fleet.NAMESPACE)
            .withName(name)
            .edit(
                d -> {
                  d.getSpec().setReplicas(replicas);
                  return d;
                });
      }
      case PROCESS_RESTART -> restart();
      case HPA_FLOOR_RELEASED -> {
        List<Fleet.Workload> floors = fleet.hpaFloor();
        if (floors.isEmpty()) {
          return;
        }
        name = floors.get(random.nextInt(floors.size())).name();
        if (floorRemoved.containsKey(name) || hostileTargets.containsValue(name)) {
          return; // a newer ConfigMap naming it would rightly own it once ours does not
        }
        policies.removeFloorPolicy(name);
        // as every policy change: an instance may tick once more on the policy it held when the
        // tick began, or already without it, depending on when its watch delivers the change
        touched.put(name, tick);
        writePolicies(policies.render());
        floorRemoved.put(name, new FloorRemoval(tick + 5 + random.nextInt(60), System.nanoTime()));
        if (random.nextBoolean()) {
          restartLeader(); // the new leader must restore it: the old one is gone before its release
        }
      }
      default -> throw new IllegalStateException("no injector for " + kind);
    }
    faults.merge(kind, 1, Integer::sum);
    if (Boolean.getBoolean("chaos.trace")) {
      System.err.println("tick " + tick + ": " + kind.key() + " " + name);
    }
  }

  /** Ends the faults whose time is up. */
  private void expire() throws Exception {
    for (var entry : List.copyOf(deletedUntil.entrySet())) {
      if (entry.getValue() <= tick) {
        deletedUntil.remove(entry.getKey());
        Fleet.Workload w = fleet.get(entry.getKey());
        createDeployment(w.name(), 1 + random.nextInt(w.max() + 3));
        touched.put(w.name(), tick);
      }
    }
    for (var entry : List.copyOf(hostileUntil.entrySet())) {
      if (entry.getValue() <= tick) {
        hostileUntil.remove(entry.getKey());
        hostileTargets.remove(entry.getKey());
        String[] ref = entry.getKey().split("/");
        client.configMaps().inNamespace(ref[0]).withName(ref[1]).delete();
      }
    }
    for (var entry : List.copyOf(floorRemoved.entrySet())) {
      FloorRemoval removal = entry.getValue();
      if (removal.untilTick() <= tick && removal.sinceNanos() == Long.MIN_VALUE) {
        floorRemoved.remove(entry.getKey());
        policies.restoreFloorPolicy(entry.getKey());
        writePolicies(policies.render());
        touched.put(entry.getKey(), tick);
      }
    }
    if (invalidUntil >= 0 && invalidUntil <= tick) {
      invalidUntil = -1;
      writePolicies(policies.render());
    }
    if (secondCandidateUntil >= 0 && secondCandidateUntil <= tick && instances.size() > 1) {
      secondCandidateUntil = -1;
      stop(instances.get(random.nextInt(instances.size())));
    }
  }

  /** Stops the instance holding the Lease, if one does, and starts a new one. */
  private void restartLeader() throws Exception {
    String holder = dispatcher.leaseHolder();
    for (ScalerInstance instance : List.copyOf(instances)) {
      if (instance.identity().equals(holder)) {
        stop(instance);
        startInstance();
        return;
      }
    }
  }

  private void restart() throws Exception {
    ScalerInstance victim = instances.get(random.nextInt(instances.size()));
    stop(victim);
    startInstance();
  }

  private void stop(ScalerInstance instance) {
    instances.remove(instance);
    instance.service().close();
  }

  private void startInstance() throws Exception {
    String identity = "scaler-" + started++;
    identities.add(identity);
    VirtualTimers timers = new VirtualTimers(clock);
    var base = client.getConfiguration();
    ServiceOverrides overrides =
        ServiceOverrides.none()
            .withClient(
                () ->
                    new KubernetesClientBuilder()
                        .withConfig(
                            new ConfigBuilder(base)
                                .withUserAgent(ChaosApiDispatcher.AGENT_PREFIX + identity)
                                .build())
                        .build())
            .withClock(clock)
            .withTickPeriod(Duration.ZERO)
            .withHttpPort(0)
            .withCollectorTimer(timers)
            .withApiRetry(
                new ApiRetry(3, Duration.ofMillis(10), Duration.ofMillis(40), Sleeper.SYSTEM))
            .withLeaderElection(
                new LeaderElectionSettings(
                    "predictive-scaler", LEASE_NAMESPACE, identity, LEASE, RENEW_DEADLINE, RETRY));
    ScalerService service =
        ScalerService.start(
            ServiceConfigParser.parse(
                new String[] {
                  "--identity", identity,
                  "--lease-namespace", LEASE_NAMESPACE,
                  "--prometheus-url", prometheus.url().toString()
                },
                Map.of()),
            overrides);
    ScalerInstance instance = new ScalerInstance(identity, service, timers, tick);
    instances.add(instance);
    awaitRebuilt(instance);
  }

  /** A new process must become ready and rebuild its windows from Prometheus. */
  private void awaitRebuilt(ScalerInstance instance) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (instance.service().readiness().isReady() && windowsRebuilt(instance)) {
        return;
      }
      Thread.sleep(20);
    }
    if (!instance.service().readiness().isReady()) {
      checker.restarted(
          tick,
          instance.identity(),
          "not ready after 60 s: " + instance.service().readiness().failing());
    } else if (!prometheusFaulted()) {
      checker.restarted(tick, instance.identity(), "no window for some workloads after 60 s");
    }
  }

  private boolean windowsRebuilt(ScalerInstance instance) {
    if (prometheusFaulted() || invalidUntil >= 0) {
      return true;
    }
    for (TargetRef target : instance.service().policies().workloads().keySet()) {
      if (!policies.isResource(target.name()) && !instance.service().hasWindow(target)) {
        return false;
      }
    }
    return true;
  }

  private boolean prometheusFaulted() {
    return fleet.all().stream().anyMatch(w -> prometheus.faulted(w.name()));
  }

  // --- cluster objects ---

  private void createDeployment(String name, int replicas) {
    client
        .apps()
        .deployments()
        .inNamespace(Fleet.NAMESPACE)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(Fleet.NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .withNewStatus()
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .endStatus()
                .build())
        .createOr(existing -> existing.update());
  }

  /** The HPA an hpa-floor workload comes with: the SRE's floor is its {@code min}. */
  private void createHpa(Fleet.Workload w) {
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(Fleet.NAMESPACE)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(w.name())
                .withNamespace(Fleet.NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(w.name())
                .endScaleTargetRef()
                .withMinReplicas(w.min())
                .withMaxReplicas(w.max())
                .endSpec()
                .build())
        .create();
  }

  private void writePolicies(String yaml) {
    writeConfigMap(Fleet.NAMESPACE, Fleet.POLICY_CONFIGMAP, yaml);
  }

  private void writeConfigMap(String namespace, String name, String yaml) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels("predictive-scaler.io/policy", "true")
                .endMetadata()
                .addToData("policies.yaml", yaml)
                .build())
        .createOr(existing -> existing.update());
  }

  private static int total(Map<FaultKind, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public void close() {
    for (ScalerInstance instance : List.copyOf(instances)) {
      stop(instance);
    }
    prometheus.close();
    client.close();
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // the mock server's known teardown deadlock when a watch closes mid-event
    }
  }
}
