package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.collector.verticle.CollectorTimer;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.core.actuate.ActuatorFactory;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorActuator;
import io.predictivescaler.core.actuate.HpaFloorRestorer;
import io.predictivescaler.core.actuate.WriteFence;
import io.predictivescaler.core.admission.AdmissionHandler;
import io.predictivescaler.core.admission.PolicyAdmission;
import io.predictivescaler.core.config.ConfigMapPolicyWatcher;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.PolicyWatchOptions;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.explain.DecisionRecorder;
import io.predictivescaler.core.kube.DeploymentCache;
import io.predictivescaler.core.kube.KubernetesAccessReviewer;
import io.predictivescaler.core.kube.PodStartupTimes;
import io.predictivescaler.core.kube.ScaleTargetApi;
import io.predictivescaler.core.kube.ScaleTargetPoller;
import io.predictivescaler.core.opsauth.OpsAccessControl;
import io.predictivescaler.core.tick.BoundedRefitScheduler;
import io.predictivescaler.core.tick.ClusterObserver;
import io.predictivescaler.core.tick.ReplicaCounts;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.forecast.ForecasterStatus;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root, the only place that wires the service: registry, Vert.x, the Kubernetes
 * client, metric sources and collector, the policy watcher, the Deployment informer and the poller
 * of other scale targets, the tick orchestrator with its refit pool and actuators, decision
 * recording, leader election, the ops HTTP server, the admission webhook, the tick timer, and the
 * order in which all of it shuts down. Tests build it through {@link ServiceOverrides} instead of
 * copying it.
 */
// the simpleclient flavour of the Prometheus registry is deprecated but pinned
// (docs/ARCHITECTURE.md §10)
@SuppressWarnings("deprecation")
public final class ScalerService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScalerService.class);
  private static final Duration REPEAT_INTERVAL = Duration.ofMinutes(10);
  private static final int REFIT_QUEUE = 256;
  private static final Duration WATCH_RETRY = Duration.ofSeconds(10);

  private final ServiceOverrides overrides;
  private final PrometheusMeterRegistry registry = MetricsSetup.registry();
  private final Vertx vertx = MetricsSetup.vertx(registry);
  private final KubernetesClient baseClient;
  private final KubernetesClient client;
  private final KubernetesClient actuationClient;
  private final KubernetesClient reviewClient;
  private final ScheduledExecutorService resilienceTimer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "metric-source-timer");
            thread.setDaemon(true);
            return thread;
          });
  private final MetricSources sources;
  private final CollectorVerticle collector;
  private final SeriesBinding series;
  private final DeploymentCache deployments;
  private final ScaleTargetPoller otherTargets;
  private final BoundedRefitScheduler refits;
  private final LeaderElection election;
  private final ActuationGate gate;
  private final OutcomeRecorder outcomes;
  private final TickOrchestrator orchestrator;
  private final StartupLeadTimes startupLeadTimes;
  private final ConfigMapPolicyWatcher watcher;
  private final OpsHttpServer http;
  private final Optional<WebhookServer> webhook;
  private final TickDispatcher dispatcher;
  private final TickTimer ticks;
  private final OffTickWork offTick = new OffTickWork();
  private final GracefulShutdown shutdown = new GracefulShutdown();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean configLoaded;
  private volatile String configError = "no valid policy loaded yet";

  private ScalerService(ServiceConfig config, ServiceOverrides overrides) {
    this.overrides = overrides;
    Clock clock = overrides.clock() != null ? overrides.clock() : Clock.systemUTC();
    baseClient =
        overrides.client() != null
            ? overrides.client().get()
            : new KubernetesClientBuilder()
                .withConfig(KubeClientConfig.load(config.kubeContext()))
                .build();
    client = ScalerClients.withoutRetries(baseClient);
    actuationClient = ScalerClients.forActuation(baseClient);
    reviewClient = ScalerClients.forAccessReviews(baseClient);
    sources =
        new MetricSources(
            config, overrides.metricSources(), vertx, client, resilienceTimer, registry);
    collector =
        new CollectorVerticle(
            sources.all(),
            registry,
            clock,
            CollectorVerticle.DEFAULT_SPREAD,
            overrides.collectorTimer() != null ? overrides.collectorTimer() : CollectorTimer.VERTX);
    series = new SeriesBinding(vertx, collector, sources.all().keySet(), sources::forget);
    deployments = new DeploymentCache(client, config.namespaces());
    ScaleTargetApi scaleTargets = new ScaleTargetApi(client);
    otherTargets = new ScaleTargetPoller(scaleTargets, ScaleTargetPoller.DEFAULT_PERIOD);
    refits =
        new BoundedRefitScheduler(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), REFIT_QUEUE);
    election =
        new LeaderElection(
            client,
            overrides.leaderElection() != null
                ? overrides.leaderElection()
                : config.leaderElection(),
            () -> {},
            () -> {});
    gate = new ActuationGate(election::isLeader);
    ServiceMeters.buildInfo(
        registry,
        BuildVersion.current(),
        BuildVersion.revision(),
        System.getProperty("java.version"));
    ServiceMeters.leader(registry, election::isLeader);
    outcomes =
        new OutcomeRecorder(
            new DecisionRecorder(
                client, registry, config.identity(), REPEAT_INTERVAL, this::isPaused),
            new CalibrationMeters(registry),
            gate::mayActuate);
    ApiRetry retry = overrides.apiRetry() != null ? overrides.apiRetry() : ApiRetry.defaults();
    WriteFence fence = gate::mayActuate;
    ActuatorFactory actuators = new ActuatorFactory(actuationClient, retry, fence, registry);
    orchestrator =
        new TickOrchestrator(
            new ClusterObserver(this::replicas, series::window, sources::resources),
            actuators::forMode,
            refits,
            gate::mayActuate,
            outcomes,
            offTick);
    startupLeadTimes =
        new StartupLeadTimes(new PodStartupTimes(scaleTargets), orchestrator::recordLeadTimes);
    PolicyWatchOptions policyOptions =
        new PolicyWatchOptions(
            config.namespaces(),
            Optional.of(config.leaseNamespace()),
            config.prometheusTrustedNamespaces());
    watcher = new ConfigMapPolicyWatcher(client, policyOptions, registry, clock, this::onPolicies);
    // The webhook checks a write by the rules the watcher applies when it reads the ConfigMap.
    webhook =
        Optional.ofNullable(config.webhook())
            .map(
                settings ->
                    new WebhookServer(
                        config.opsBindAddress(),
                        settings,
                        new AdmissionHandler(new PolicyAdmission(policyOptions, watcher::current)),
                        registry,
                        WebhookServer.RELOAD_PERIOD));
    http =
        new OpsHttpServer(
            config.opsBindAddress(),
            overrides.httpPort() != null ? overrides.httpPort() : config.httpPort(),
            registry,
            this::readiness,
            new WorkloadStatusView(watcher::current, orchestrator, outcomes),
            opsAuth(config.opsAuth(), clock));
    FloorRestoreSweep floorSweep =
        new FloorRestoreSweep(
            new HpaFloorRestorer(client, new HpaFloorActuator(actuationClient, retry, fence)),
            config.namespaces(),
            () -> FloorRestoreSweep.hpaFloorTargets(watcher.current()),
            () -> configLoaded && gate.mayActuate(),
            FloorRestoreSweep.DEFAULT_INTERVAL,
            System::nanoTime);
    dispatcher = new TickDispatcher(orchestrator, config.tick(), System::nanoTime, registry);
    ticks =
        new TickTimer(
            vertx,
            dispatcher,
            clock,
            () -> offTick.executeUnlessQueued(floorSweep),
            System::nanoTime,
            ServiceMeters.tickDuration(registry));
    shutdownOrder();
  }

  private Optional<OpsAuthHandler> opsAuth(OpsAuthMode mode, Clock clock) {
    if (mode == OpsAuthMode.NONE) {
      return Optional.empty();
    }
    OpsAccessControl control =
        OpsAccessControl.withDefaults(new KubernetesAccessReviewer(reviewClient, registry));
    return Optional.of(
        new OpsAuthHandler(control, clock, OpsAuthHandler.DEFAULT_TIMEOUT, registry));
  }

  /**
   * Builds and starts the service; returns once the collector and the ops HTTP server run (the
   * informers and the lease campaign go on in the background).
   *
   * @throws IllegalStateException when a part cannot start; what started is stopped again
   */
  public static ScalerService start(ServiceConfig config, ServiceOverrides overrides) {
    Objects.requireNonNull(config, "config");
    ScalerService service = new ScalerService(config, overrides);
    try {
      service.begin();
    } catch (RuntimeException e) {
      service.close();
      throw new IllegalStateException("starting predictive-scaler: " + e.getMessage(), e);
    }
    return service;
  }

  private void begin() {
    vertx.deployVerticle(collector).await();
    series.start();
    deployments
        .start()
        .whenComplete(
            (ok, e) -> {
              if (e != null && !gate.isStopped()) {
                LOG.error("listing Deployments failed: {}", e.toString());
              }
            });
    otherTargets.start();
    election.start();
    watchPolicies();
    vertx.deployVerticle(http).await();
    webhook.ifPresent(w -> vertx.deployVerticle(w).await());
    Duration period =
        overrides.tickPeriod() != null
            ? overrides.tickPeriod()
            : ServiceOverrides.DEFAULT_TICK_PERIOD;
    ticks.start(period);
    LOG.info("predictive-scaler started; ops HTTP on port {}", http.actualPort());
  }

  /**
   * Starts the policy watcher; when the first list fails (API server not reachable yet, RBAC
   * missing) the service stays unready, says why on /readyz, and tries again every {@link
   * #WATCH_RETRY} instead of staying unready until a restart.
   */
  private void watchPolicies() {
    watcher
        .start()
        .whenComplete(
            (ok, e) -> {
              if (e == null) {
                configLoaded = true;
                configError = null;
              } else if (!gate.isStopped()) {
                configError = "watching policy ConfigMaps failed: " + e.getMessage();
                LOG.error(
                    "{}; check RBAC for configmaps list/watch; retrying in {}",
                    configError,
                    WATCH_RETRY);
                vertx.setTimer(
                    WATCH_RETRY.toMillis(),
                    id ->
                        vertx.executeBlocking(
                            () -> {
                              if (!gate.isStopped()) {
                                watchPolicies();
                              }
                              return null;
                            }));
              }
            });
  }

  private void onPolicies(PolicySet policies) {
    otherTargets.track(policies.workloads().keySet());
    orchestrator.applyPolicies(policies.workloads().values());
    startupLeadTimes.apply(policies.workloads().values());
    series.apply(policies);
  }

  /** A Deployment's counts from the informer, any other kind's from the poller. */
  private Optional<ReplicaCounts> replicas(TargetRef target) {
    return target.kind().equals(WorkloadKind.DEPLOYMENT)
        ? deployments.replicas(target)
        : otherTargets.replicas(target);
  }

  /** Whether the target carries the pause annotation, as last read; for the paused gauge. */
  private boolean isPaused(TargetRef target) {
    return target.kind().equals(WorkloadKind.DEPLOYMENT)
        ? deployments.isPaused(target)
        : otherTargets.isPaused(target);
  }

  /**
   * Ready once the policies are loaded, the Deployment informers watch the API and the other scale
   * targets can be read, and while ticks keep completing.
   */
  public ReadinessStatus readiness() {
    List<String> failing = new ArrayList<>();
    ticks.stalled().ifPresent(failing::add);
    if (!configLoaded) {
      failing.add("config: " + configError);
    }
    if (!deployments.isWatching()) {
      failing.add("api: not watching Deployments (API server unreachable or access denied)");
    }
    otherTargets.problem().ifPresent(failing::add);
    return new ReadinessStatus(failing);
  }

  /** Runs one tick now, on the tick worker, at the clock's time. */
  public CompletionStage<List<TickOutcome>> tickNow() {
    return ticks.tickNow().toCompletionStage();
  }

  /** The policies in force, as last published by the watcher. */
  public PolicySet policies() {
    return watcher.current();
  }

  /** The forecaster's status of a workload: model, fit time, trust, accuracy. */
  public Optional<ForecasterStatus> forecasterStatus(TargetRef target) {
    return orchestrator.forecasterStatus(target);
  }

  /** The workload's replica counts as the next tick reads them; empty before it was read. */
  public Optional<ReplicaCounts> replicaCounts(TargetRef target) {
    return replicas(target);
  }

  /** Whether the collector has handed over a window of each of the workload's metrics yet. */
  public boolean hasWindow(TargetRef target) {
    return series.hasWindows(target);
  }

  /** True while this replica holds the lease and may write. */
  public boolean mayActuate() {
    return gate.mayActuate();
  }

  /** The port of the ops HTTP server. */
  public int httpPort() {
    return http.actualPort();
  }

  /** The port of the admission webhook; empty when it is not served. */
  public OptionalInt webhookPort() {
    return webhook.map(w -> OptionalInt.of(w.actualPort())).orElse(OptionalInt.empty());
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Graceful shutdown: stop actuating, release the lease, stop Vert.x, close the client. */
  @Override
  public void close() {
    try {
      shutdown.run();
    } finally {
      stopped.countDown();
    }
  }

  private void shutdownOrder() {
    shutdown
        .then(
            "stop actuating",
            Duration.ofSeconds(1),
            () -> {
              gate.stop();
              ticks.stop();
            })
        .then("release the lease", Duration.ofSeconds(5), election::close)
        .then(
            "finish running ticks",
            Duration.ofSeconds(5),
            () -> dispatcher.shutdown(Duration.ofSeconds(3)))
        .then(
            "stop watching",
            Duration.ofSeconds(5),
            () -> {
              watcher.close();
              deployments.close();
              otherTargets.close();
              startupLeadTimes.close();
              series.close();
            })
        .then("stop refits", Duration.ofSeconds(5), () -> refits.shutdown(Duration.ofSeconds(3)))
        .then(
            "stop Vert.x",
            Duration.ofSeconds(10),
            () -> {
              ticks.close();
              dispatcher.close();
              offTick.close();
              sources.close();
              vertx.close().await();
            })
        .then(
            "close the Kubernetes client",
            Duration.ofSeconds(5),
            () -> {
              resilienceTimer.shutdownNow();
              actuationClient.close();
              reviewClient.close();
              client.close();
              baseClient.close();
            });
  }
}
